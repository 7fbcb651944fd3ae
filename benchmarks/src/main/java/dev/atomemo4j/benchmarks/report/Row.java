package dev.atomemo4j.benchmarks.report;

/**
 * One line of the results table. Figures are text, already formatted; {@code met} is "yes", "no", "—" (report
 * only, or not measured) or "error".
 *
 * @param id the measure's number in issue 7, with a letter for a variant ({@code 3}, {@code 3a}, …)
 * @param note what the figure means or what limits it; printed under the table
 */
public record Row(String id, String measure, String ours, String baseline, String ratio, String goal, String met,
    String note) {

  /** The reason a measure that needs the Hub transport has no figure yet. */
  public static final String NEEDS_HUB = "not measured yet: needs the Hub transport";

  /** A measure whose code is in place but cannot run yet; never a number. */
  public static Row notMeasured(String id, String measure, String goal, String why) {
    return new Row(id, measure, why, "—", "—", goal, "—", null);
  }

  /** A measure that failed while running: the table says so instead of printing a number. */
  public static Row error(String id, String measure, String goal, Throwable e) {
    String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new Row(id, measure, "error", "—", "—", goal, "error", message.replace('\n', ' '));
  }
}
