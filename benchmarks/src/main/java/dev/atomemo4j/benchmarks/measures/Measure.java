package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.report.Row;
import java.util.List;

/** One measure of issue 7: runs both sides in this run and returns its rows (a measure may report variants). */
public interface Measure {

  /** The number in issue 7. */
  String id();

  String title();

  /** The goal as the table shows it ("≥ 20×", "report the ratio", …). */
  String goal();

  List<Row> run(Settings settings) throws Exception;
}
