package dev.atomemo4j.core.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds references to packages in Java source files, as the compiler would see them: imports, static imports and
 * fully qualified names in code. Comments and string literals are ignored (a Javadoc sentence naming a package is
 * not a dependency).
 */
final class SourceReferences {
  private SourceReferences() {}

  /** One reference to a forbidden package. */
  record Reference(Path file, int line, String forbidden) {
    @Override
    public String toString() {
      return file + ":" + line + " refers to " + forbidden;
    }
  }

  /** Every reference under {@code sourceRoot} to one of {@code forbiddenPackages} (or a package inside one). */
  static List<Reference> find(Path sourceRoot, List<String> forbiddenPackages) {
    List<Pattern> patterns = forbiddenPackages.stream()
        .map(p -> Pattern.compile("(?<![\\w.])" + Pattern.quote(p) + "(?![\\w])"))
        .toList();
    List<Reference> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String code = codeOnly(Files.readString(file, StandardCharsets.UTF_8));
        for (int i = 0; i < patterns.size(); i++) {
          Matcher m = patterns.get(i).matcher(code);
          while (m.find()) {
            found.add(new Reference(sourceRoot.relativize(file), lineOf(code, m.start()),
                forbiddenPackages.get(i)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * {@code source} with comments and the contents of string and char literals (text blocks included) replaced by
   * spaces; line breaks are kept, so offsets still give the right line.
   */
  static String codeOnly(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(source, i, end, out);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        blank(source, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        int end = Math.min(n, j + 1);
        blank(source, i, end, out);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void blank(String source, int from, int to, StringBuilder out) {
    for (int k = from; k < to; k++) {
      out.append(source.charAt(k) == '\n' ? '\n' : ' ');
    }
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int k = 0; k < offset; k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }
}
