package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.jmh.InvocationBench;
import dev.atomemo4j.benchmarks.report.Figures;
import dev.atomemo4j.benchmarks.report.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measure 4: decode + validate + call + encode through the generated invoker and shapes versus Jackson conversion +
 * {@code Method.invoke} + {@code valueToTree}; one row per input style. The baseline is the faster of the two Jackson
 * variants measured, so it is never handicapped by the choice of Jackson API.
 */
public final class InvocationMeasure implements Measure {

  @Override
  public String id() {
    return "4";
  }

  @Override
  public String title() {
    return "invocation path: generated vs Method.invoke + Jackson";
  }

  @Override
  public String goal() {
    return "report";
  }

  @Override
  public List<Row> run(Settings s) throws Exception {
    // convertValue is consistently the slower Jackson variant: measured once, to show it, not in every round.
    Map<String, Jmh.Score> scores = Jmh.steadyState(InvocationBench.class,
        List.of("generated", "reflectionTreeReader"), List.of("reflectionConvertValue"), s.invocation(), s);
    List<Row> rows = new ArrayList<>();
    String[][] cases = {
        {"4", "tool-000", "method parameters (4, one an optional nested record)"},
        {"4a", "tool-001", "single record input (nested record, list, optional)"}};
    for (String[] c : cases) {
      Jmh.Score ours = Jmh.require(scores, "generated[" + c[1] + "]");
      Jmh.Score convert = Jmh.require(scores, "reflectionConvertValue[" + c[1] + "]");
      Jmh.Score reader = Jmh.require(scores, "reflectionTreeReader[" + c[1] + "]");
      boolean readerFaster = reader.median() < convert.median();
      Jmh.Score base = readerFaster ? reader : convert;
      double r = base.median() / ours.median();
      rows.add(new Row(c[0], (c[0].equals("4") ? title() + ": " : "… ") + c[2],
          ours.text(), base.text(), Figures.ratio(r), "report", "—",
          c[1] + ": baseline = the faster Jackson variant, " + (readerFaster
              ? "a prebuilt ObjectReader reading the tree (`convertValue` took " : "`convertValue` (a prebuilt "
                  + "ObjectReader took ")
              + Figures.time((readerFaster ? convert : reader).median()) + "/op). Ratio between quartiles: "
              + Jmh.ratioRange(base, ours) + ". The baseline validates nothing "
              + "(no bounds, no unknown members) while ours does, and it fills the record's declared default "
              + "itself so both return the same result tree (`SameOutputTest`)."));
    }
    return rows;
  }
}
