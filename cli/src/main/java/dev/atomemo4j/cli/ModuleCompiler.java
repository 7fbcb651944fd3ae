package dev.atomemo4j.cli;

import dev.atomemo4j.processor.Atomemo4jProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a plugin module's {@code src/main/java} with the atomemo4j processor, and copies its
 * {@code src/main/resources}, into a directory of the dev loop's own: a concurrent {@code mvn verify} rewriting
 * {@code target/classes} cannot change the classes a running plugin loads.
 *
 * <p>It is javac in this JVM with only the atomemo4j processor (the module's other annotation processors, if any, do
 * not run; see the README's known limits), so a save recompiles in well under the time a Maven build takes.
 */
final class ModuleCompiler {
  private final Path module;
  private final String pluginVersion;

  /**
   * @param module the module directory (with {@code src/main/java})
   * @param pluginVersion what {@code -Aatomemo4j.version} is in the module's build
   */
  ModuleCompiler(Path module, String pluginVersion) {
    this.module = module;
    this.pluginVersion = pluginVersion;
  }

  /**
   * How one compile ended.
   *
   * @param ok true when javac and the processor reported no error
   * @param diagnostics the errors and warnings, each as javac prints it: {@code /…/Tools.java:12: error: …}
   */
  record Result(boolean ok, List<String> diagnostics) {
    Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Compiles into {@code output}, which is emptied first.
   *
   * @param dependencyClassPath the module's dependencies (annotations, runtime, …)
   */
  Result compile(Path output, String dependencyClassPath) throws IOException {
    deleteTree(output);
    Files.createDirectories(output);
    Path resources = module.resolve("src/main/resources");
    if (Files.isDirectory(resources)) {
      copyTree(resources, output);
    }
    List<Path> sources = javaFiles(module.resolve("src/main/java"));
    if (sources.isEmpty()) {
      return new Result(false, List.of(module.resolve("src/main/java") + ": error: no Java sources to compile"));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return new Result(false, List.of("error: this Java runtime has no compiler; run atomemo4j on a JDK"));
    }
    DiagnosticCollector<JavaFileObject> collected = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of(
        "-d", output.toString(),
        "-classpath", dependencyClassPath,
        "-encoding", "UTF-8",
        "-Aatomemo4j.version=" + pluginVersion));
    if (Files.isDirectory(resources)) {
      options.add("-Aatomemo4j.resources=" + resources);
    }
    boolean ok;
    StringWriter other = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(collected, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(other, files, collected, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      // The processor instance itself: no processor path to resolve, and the same processor as this atomemo4j.
      task.setProcessors(List.of(new Atomemo4jProcessor()));
      ok = task.call();
    }
    List<String> lines = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : collected.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        lines.add(javacLine(d));
      }
    }
    other.toString().lines().filter(l -> !l.isBlank()).forEach(lines::add);
    return new Result(ok, lines);
  }

  /** As javac prints a diagnostic: {@code File.java:12: error: message}, or without a position when it has none. */
  static String javacLine(Diagnostic<? extends JavaFileObject> d) {
    String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
    String message = d.getMessage(Locale.ROOT);
    if (d.getSource() == null) {
      return kind + ": " + message;
    }
    String where = d.getLineNumber() == Diagnostic.NOPOS ? d.getSource().getName()
        : d.getSource().getName() + ":" + d.getLineNumber();
    return where + ": " + kind + ": " + message;
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Joins class path entries with the platform's separator. */
  static String join(Path first, String rest) {
    return rest == null || rest.isBlank() ? first.toString() : first + File.pathSeparator + rest;
  }
}
