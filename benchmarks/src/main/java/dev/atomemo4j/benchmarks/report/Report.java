package dev.atomemo4j.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The Markdown report: a header, the table (measure, ours, baseline, ratio, goal, met?) and the notes. */
public final class Report {

  /** The table's column headers, in order. */
  public static final List<String> COLUMNS = List.of("#", "measure", "ours", "baseline", "ratio", "goal", "met?");

  private Report() {}

  public static String markdown(String title, List<String> header, List<Row> rows, List<String> footer) {
    StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
    for (String h : header) {
      b.append(h).append('\n');
    }
    b.append('\n');
    b.append(table(rows));
    List<String> notes = new ArrayList<>();
    for (Row r : rows) {
      if (r.note() != null && !r.note().isBlank()) {
        notes.add("- **" + r.id() + "** " + r.note());
      }
    }
    if (!notes.isEmpty()) {
      b.append("\n## Notes\n\n");
      notes.forEach(n -> b.append(n).append('\n'));
    }
    if (!footer.isEmpty()) {
      b.append('\n');
      footer.forEach(f -> b.append(f).append('\n'));
    }
    return b.toString();
  }

  public static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
    b.append("|").append("---|".repeat(COLUMNS.size())).append('\n');
    for (Row r : rows) {
      b.append("| ").append(cell(r.id())).append(" | ").append(cell(r.measure())).append(" | ")
          .append(cell(r.ours())).append(" | ").append(cell(r.baseline())).append(" | ").append(cell(r.ratio()))
          .append(" | ").append(cell(r.goal())).append(" | ").append(cell(r.met())).append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace('\n', ' ');
  }

  /** Writes {@code text} to {@code file} atomically: a temporary file beside it, then a rename. */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
