package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The statements of {@code guard-corpus.txt} (its header says the format) and the guard they are judged by. */
final class GuardCorpus {
  private GuardCorpus() {}

  static final String ACCEPT = "accept";

  /** The entities of the corpus's datasource: what its whitelist allows. */
  static final Set<String> ENTITIES = Set.of("customers", "orders", "order_items", "events", "\"OrderNotes\"");

  /** One line of the corpus. */
  record Entry(int line, Set<ParserDialect> dialects, String verdict, Set<ParserDialect> runsOn, String sql,
      String note) {
    boolean accepted() {
      return verdict.equals(ACCEPT);
    }

    @Override
    public String toString() {
      return "line " + line + " (" + note + ")";
    }
  }

  static SqlGuard guard(ParserDialect dialect) {
    return SqlGuard.of(dialect, List.<Pattern>of(), ENTITIES);
  }

  static List<Entry> entries() {
    String text;
    try (InputStream in = GuardCorpus.class.getResourceAsStream("guard-corpus.txt")) {
      if (in == null) {
        throw new IllegalStateException("guard-corpus.txt is missing from the test resources");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split(" ¦ ", -1);
      if (columns.length != 5) {
        throw new IllegalStateException("corpus line " + (i + 1) + " has " + columns.length + " columns, not 5");
      }
      entries.add(new Entry(i + 1, dialects(columns[0].strip(), i + 1), columns[1].strip(),
          columns[2].strip().equals("-") ? Set.of() : dialects(columns[2].strip(), i + 1),
          unescape(columns[3]), columns[4].strip()));
    }
    return entries;
  }

  private static Set<ParserDialect> dialects(String column, int line) {
    return switch (column) {
      case "both" -> EnumSet.of(ParserDialect.H2, ParserDialect.POSTGRESQL);
      case "pg" -> EnumSet.of(ParserDialect.POSTGRESQL);
      case "h2" -> EnumSet.of(ParserDialect.H2);
      default -> throw new IllegalStateException("corpus line " + line + ": unknown dialects " + column);
    };
  }

  /** {@code \n}, {@code \r}, {@code \t}: a newline, a carriage return, a tab; {@code \\}: one backslash. */
  private static String unescape(String sql) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\\' && i + 1 < sql.length()) {
        char next = sql.charAt(i + 1);
        if (next == 'n' || next == 'r' || next == 't' || next == '\\') {
          out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : '\\');
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
