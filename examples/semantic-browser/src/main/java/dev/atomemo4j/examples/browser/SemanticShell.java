package dev.atomemo4j.examples.browser;

import dev.atomemo4j.runtime.sandbox.ExecResult;
import dev.atomemo4j.runtime.sandbox.ExploreBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The browser's shell: one command per line, words split on blanks with single or double quotes, and a handful of
 * read-only commands. Exit codes follow the shell's: 0 success, 1 nothing found (grep) or an unreadable path, 2 bad
 * usage, 127 an unknown command. Everything it reads is resolved inside the root and checked again after
 * symlinks are followed.
 */
final class SemanticShell implements ExploreBackend {
  static final List<String> COMMANDS = List.of("pwd", "ls", "cat", "head", "grep", "find");

  private final Path root;
  private final int maxLines;

  SemanticShell(Path semanticRoot, int maxLines) throws IOException {
    this.root = semanticRoot.toRealPath();
    this.maxLines = maxLines;
  }

  @Override
  public ExecResult exec(String command) throws IOException {
    List<String> words;
    try {
      words = words(command);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    if (words.isEmpty()) {
      return new ExecResult("", "", 0);
    }
    Output out = new Output(maxLines);
    try {
      int code = switch (words.get(0)) {
        case "pwd" -> out.line("/");
        case "ls" -> ls(words.subList(1, words.size()), out);
        case "cat" -> cat(words.subList(1, words.size()), out, Integer.MAX_VALUE);
        case "head" -> head(words.subList(1, words.size()), out);
        case "grep" -> grep(words.subList(1, words.size()), out);
        case "find" -> find(words.subList(1, words.size()), out);
        default -> {
          out.error(words.get(0) + ": command not available here (available: " + String.join(", ", COMMANDS)
              + ")");
          yield 127;
        }
      };
      return new ExecResult(out.stdout(), out.stderr(), code);
    } catch (Refused e) {
      out.error(e.getMessage());
      return new ExecResult(out.stdout(), out.stderr(), e.code);
    } catch (IOException e) {
      // An unreadable or binary file is the command's failure, as in a shell, not the backend's.
      // The host's own path is left out of the message: the agent sees paths relative to the root only.
      out.error(words.get(0) + ": cannot read (" + e.getClass().getSimpleName() + ")");
      return new ExecResult(out.stdout(), out.stderr(), 1);
    }
  }

  private int ls(List<String> args, Output out) throws IOException {
    Path dir = resolve(args.isEmpty() ? "." : args.get(0));
    if (!Files.isDirectory(dir)) {
      out.line(display(dir));
      return 0;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().toList()) {
        out.line(p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
      }
    }
    return 0;
  }

  private int cat(List<String> files, Output out, int lines) throws IOException {
    if (files.isEmpty()) {
      throw new Refused(2, "cat: name a file");
    }
    for (String f : files) {
      Path p = resolve(f);
      if (Files.isDirectory(p)) {
        throw new Refused(1, "cat: " + f + ": is a directory");
      }
      List<String> content = Files.readAllLines(p, StandardCharsets.UTF_8);
      content.stream().limit(lines).forEach(out::line);
    }
    return 0;
  }

  private int head(List<String> args, Output out) throws IOException {
    int n = 10;
    List<String> files = args;
    if (args.size() >= 2 && args.get(0).equals("-n")) {
      try {
        n = Integer.parseInt(args.get(1));
      } catch (NumberFormatException e) {
        throw new Refused(2, "head: -n takes a number");
      }
      files = args.subList(2, args.size());
    }
    return cat(files, out, n);
  }

  private int grep(List<String> args, Output out) throws IOException {
    boolean recursive = false;
    boolean ignoreCase = false;
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
      for (char c : args.get(i).substring(1).toCharArray()) {
        switch (c) {
          case 'r', 'R' -> recursive = true;
          case 'i' -> ignoreCase = true;
          default -> throw new Refused(2, "grep: option -" + c + " is not supported (use -r, -i)");
        }
      }
      i++;
    }
    if (i >= args.size()) {
      throw new Refused(2, "grep: name a pattern");
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(args.get(i), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      throw new Refused(2, "grep: bad pattern: " + e.getDescription());
    }
    List<String> targets = args.subList(i + 1, args.size());
    List<Path> files = new ArrayList<>();
    for (String t : targets.isEmpty() ? List.of(".") : targets) {
      Path p = resolve(t);
      if (Files.isDirectory(p)) {
        if (!recursive) {
          throw new Refused(2, "grep: " + t + ": is a directory (use -r)");
        }
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    boolean prefix = recursive || files.size() > 1;
    boolean found = false;
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (pattern.matcher(line).find()) {
          found = true;
          out.line(prefix ? display(f) + ":" + line : line);
        }
      }
    }
    return found ? 0 : 1;
  }

  private int find(List<String> args, Output out) throws IOException {
    Path start = resolve(args.isEmpty() || args.get(0).startsWith("-") ? "." : args.get(0));
    int at = args.indexOf("-name");
    PathMatcher name = at >= 0 && at + 1 < args.size()
        ? FileSystems.getDefault().getPathMatcher("glob:" + args.get(at + 1)) : null;
    try (Stream<Path> walk = Files.walk(start)) {
      walk.sorted().filter(p -> name == null || (p.getFileName() != null && name.matches(p.getFileName())))
          .forEach(p -> out.line(display(p)));
    }
    return 0;
  }

  /** A path of the command, inside the root, also after symlinks are followed; else refused. */
  private Path resolve(String given) throws IOException {
    String relative = given.startsWith("/") ? given.substring(1) : given;
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) {
      throw new Refused(1, given + ": outside the semantic root");
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (NoSuchFileException e) {
      throw new Refused(1, given + ": no such file or directory");
    }
    if (!real.startsWith(root)) {
      throw new Refused(1, given + ": leads outside the semantic root");
    }
    return real;
  }

  private String display(Path p) {
    String rel = root.relativize(p).toString();
    return rel.isEmpty() ? "." : "./" + rel;
  }

  /** Splits on blanks; single and double quotes group words; pipes and redirections are refused. */
  static List<String> words(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : command.strip().toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if ("|;&<>`$".indexOf(c) >= 0) {
        throw new IllegalArgumentException("'" + c + "' is not supported: one command, no pipes, redirections or "
            + "substitutions");
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote");
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  private static ExecResult usage(String message) {
    return new ExecResult("", "semantic-browser: " + message + "\n", 2);
  }

  /** Collects the command's lines up to the plugin's limit. */
  private static final class Output {
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final int max;
    private int lines;

    Output(int max) {
      this.max = max;
    }

    int line(String s) {
      if (lines++ < max) {
        out.append(s).append('\n');
      } else if (lines == max + 1) {
        err.append(String.format(Locale.ROOT, "(output cut at %d lines)%n", max));
      }
      return 0;
    }

    void error(String s) {
      err.append(s).append('\n');
    }

    String stdout() {
      return out.toString();
    }

    String stderr() {
      return err.toString();
    }
  }

  /** A command refused with its exit code and message. */
  private static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    final int code;

    Refused(int code, String message) {
      super(message);
      this.code = code;
    }
  }
}
