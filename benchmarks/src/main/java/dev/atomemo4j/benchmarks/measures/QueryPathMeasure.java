package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.jmh.QueryPathBench;
import dev.atomemo4j.benchmarks.report.Figures;
import dev.atomemo4j.benchmarks.report.Row;
import java.util.List;
import java.util.Map;

/**
 * Measure 9 (issue 14): a datasource query through the host's whole validation path versus raw JDBC running the
 * same final SQL on the same H2 database in memory, as a ratio of the two times per query.
 */
public final class QueryPathMeasure implements Measure {

  @Override
  public String id() {
    return "9";
  }

  @Override
  public String title() {
    return "datasource query: PluginHost.query vs raw JDBC, H2 in memory";
  }

  @Override
  public String goal() {
    return "≤ 1.1×";
  }

  @Override
  public List<Row> run(Settings s) throws Exception {
    Map<String, Jmh.Score> scores = Jmh.steadyState(QueryPathBench.class, List.of("hostPath", "rawJdbc",
        "hostPathDistinct", "rawJdbcDistinct"), s.invocation(), s);
    Jmh.Score ours = Jmh.require(scores, "hostPath");
    Jmh.Score raw = Jmh.require(scores, "rawJdbc");
    Jmh.Score oursNew = Jmh.require(scores, "hostPathDistinct");
    Jmh.Score rawNew = Jmh.require(scores, "rawJdbcDistinct");
    double r = ours.median() / raw.median();
    double rNew = oursNew.median() / rawNew.median();
    String path = "everything `PluginHost.query` does — the SQL guard (keyword scan, a JSqlParser parse in the H2 "
        + "dialect, the tree walk, the whitelist) and the LIMIT (a second parse and print), unless the guard "
        + "remembers the text (its last 1,024 verdicts); hook dispatch (no hooks); the hand-off to a query "
        + "worker under the deadline; "
        + "atomemo4j-jdbc's pool with the statement timeout. Raw JDBC runs the host's final SQL on a HikariCP pool "
        + "of the same size, with the same statement timeout, and builds the same QueryResult. ";
    return List.of(
        new Row("9", title() + ": the same query again", ours.text(), raw.text(), Figures.ratio(r), goal(),
            r <= 1.1 ? "yes" : "no", "`" + QueryPathBench.QUERY + "` (26 rows of 40), repeated: " + path
                + "Ratio between quartiles: " + Jmh.ratioRange(ours, raw) + "."),
        new Row("9a", "… a query text not seen before (every query parsed)", oursNew.text(), rawNew.text(),
            Figures.ratio(rNew), "(info)", "—", "`" + QueryPathBench.DISTINCT + "` with a new number each time, "
                + "so the cache never helps: the full price of validating a query. Ratio between quartiles: "
                + Jmh.ratioRange(oursNew, rawNew) + "."));
  }
}
