package dev.atomemo4j.runtime.internal.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file (hub-protocol §12) the way dotenv does for the files the Atomemo CLI writes:
 *
 * <ul>
 *   <li>one {@code KEY=VALUE} per line, an optional {@code export } prefix, blank lines and {@code #} comment lines
 *       ignored;
 *   <li>a value in double quotes may span lines and understands {@code \n}, {@code \r}, {@code \t}, {@code \"} and
 *       {@code \\}; a value in single quotes (or backquotes) is taken literally;
 *   <li>an unquoted value ends at a {@code #} preceded by whitespace (an inline comment) and is trimmed;
 *   <li>a later line for the same key wins.
 * </ul>
 *
 * Lines that are not {@code KEY=VALUE} are reported by line number only (they may hold secrets) and skipped.
 */
final class DotEnv {

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /** What was read, and the numbers of the lines that could not be read. */
  record Result(Map<String, String> values, List<Integer> badLines) {}

  private DotEnv() {}

  /** Reads {@code file}; a missing file gives no values. */
  static Result read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Result(Map.of(), List.of());
    }
    return parse(text);
  }

  static Result parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<Integer> bad = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ") || line.startsWith("export\t")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        bad.add(lineNumber);
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (!KEY.matcher(key).matches()) {
        bad.add(lineNumber);
        continue;
      }
      String rest = line.substring(eq + 1).stripLeading();
      if (rest.isEmpty()) {
        values.put(key, "");
        continue;
      }
      char quote = rest.charAt(0);
      if (quote == '"' || quote == '\'' || quote == '`') {
        // The closing quote may be on a later line (multi-line values, e.g. PEM keys).
        StringBuilder raw = new StringBuilder(rest.substring(1));
        int close = closingQuote(raw, quote);
        int j = i;
        while (close < 0 && j + 1 < lines.length) {
          j++;
          raw.append('\n').append(lines[j]);
          close = closingQuote(raw, quote);
        }
        if (close < 0) {
          bad.add(lineNumber);
          continue;
        }
        i = j;
        String inner = raw.substring(0, close);
        values.put(key, quote == '"' ? unescape(inner) : inner);
        continue;
      }
      values.put(key, stripInlineComment(rest).strip());
    }
    return new Result(Collections.unmodifiableMap(values), List.copyOf(bad));
  }

  private static int closingQuote(CharSequence s, char quote) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '"' && c == '\\') {
        i++; // skip the escaped character
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char next = s.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        default -> out.append('\\').append(next);
      }
    }
    return out.toString();
  }

  private static String stripInlineComment(String value) {
    for (int i = 1; i < value.length(); i++) {
      if (value.charAt(i) == '#' && Character.isWhitespace(value.charAt(i - 1))) {
        return value.substring(0, i);
      }
    }
    return value;
  }
}
