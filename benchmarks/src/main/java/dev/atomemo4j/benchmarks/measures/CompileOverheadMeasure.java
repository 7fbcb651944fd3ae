package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.gen.PluginSourceGenerator;
import dev.atomemo4j.benchmarks.report.Figures;
import dev.atomemo4j.benchmarks.report.Row;
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
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Measure 5: compile a generated plugin (200 tools: records, enums, nested objects, a credential) with
 * {@code javax.tools} in this JVM, with the atomemo4j processor and with {@code -proc:none}; untimed warm-ups of
 * each first, then timed runs alternating which kind goes first; the ratio of the medians.
 *
 * <p>Both kinds get the same sources, class path and options; each compilation gets a fresh file manager and empty
 * output directories. With the processor, javac also compiles the registry it generates (a second round), which is
 * part of the processor's cost.
 */
public final class CompileOverheadMeasure implements Measure {

  static final double GOAL = 1.5;

  @Override
  public String id() {
    return "5";
  }

  @Override
  public String title() {
    return "compile time: with processor vs -proc:none";
  }

  @Override
  public String goal() {
    return "≤ 1.5×";
  }

  /**
   * Times of the timed runs, in nanoseconds; run {@code i} of each kind ran back to back. {@code registryAsSource}:
   * {@code -proc:none} with the registry the processor generated added as a source, which splits the processor's
   * overhead into its own work and javac compiling the code it generates.
   */
  public record Times(double[] withProcessor, double[] withoutProcessor, double[] registryAsSource, int sourceFiles,
      int generatedFiles) {
    /** The median of the per-run ratios with processor / without: each pair ran back to back. */
    public double ratio() {
      return pairedRatio(withProcessor, withoutProcessor);
    }

    /** The same for compiling the generated registry as a plain source / without it (every other run). */
    public double registryRatio() {
      return pairedRatio(registryAsSource, withoutProcessor);
    }

    /** The median of {@code a[i] / b[i]} over the runs where both were timed (NaN marks a run not timed). */
    private static double pairedRatio(double[] a, double[] b) {
      double[] r = java.util.stream.IntStream.range(0, a.length).filter(i -> !Double.isNaN(a[i]))
          .mapToDouble(i -> a[i] / b[i]).toArray();
      return Figures.median(r);
    }

    /** The timed runs of a kind, without the ones it skipped. */
    public static double[] timed(double[] runs) {
      return java.util.Arrays.stream(runs).filter(d -> !Double.isNaN(d)).toArray();
    }
  }

  /** What one compilation does. */
  enum Kind {
    PROCESSOR,
    NONE,
    REGISTRY_AS_SOURCE
  }

  @Override
  public List<Row> run(Settings s) throws Exception {
    Times t = measure(s.compileTools(), s.compileWarmups(), s.compileRuns(), s.workDir());
    double r = t.ratio();
    double ra = t.registryRatio();
    return List.of(new Row("5", title() + ", " + s.compileTools() + " tools",
        "median " + Figures.time(Figures.median(t.withProcessor())),
        "median " + Figures.time(Figures.median(t.withoutProcessor())), Figures.ratio(r), goal(),
        r <= GOAL ? "yes" : "no",
        String.format(Locale.ROOT, "javax.tools in one JVM, %d source files; %d warm-up(s) of each kind, then %d "
            + "timed runs of each, back to back, rotating which goes first; ratio = median of the per-run ratios. "
            + "With the processor: %d more files written "
            + "(registry source, definition.json, schemas, service file) and the registry compiled in a second "
            + "round. Runs with: %s; without: %s.", t.sourceFiles(), s.compileWarmups(), s.compileRuns(),
            t.generatedFiles(), list(t.withProcessor()), list(t.withoutProcessor()))
            + (r <= GOAL ? "" : String.format(Locale.ROOT, " Goal missed: compiling the generated registry alone "
                + "(5a) costs %s of the %s; the rest is the processor's own work (reading the elements, validating "
                + "and writing the definition, schemas and registry) and the extra round.", Figures.ratio(ra),
                Figures.ratio(r)))),
        new Row("5a", "… of which: javac compiling the generated registry (-proc:none, registry given as a source)",
            "median " + Figures.time(Figures.median(Times.timed(t.registryAsSource()))),
            "median " + Figures.time(Figures.median(t.withoutProcessor())), Figures.ratio(ra), "(info)", "—",
            "The same sources plus the registry the processor generated, compiled without the processor: what "
                + "compiling the generated code (shape constants, the record and invoker switch tables, one "
                + "method per tool) costs by itself; timed in every other run, ratio = median of those runs' "
                + "ratios. Runs: "
                + list(Times.timed(t.registryAsSource())) + "."));
  }

  private static String list(double[] nanos) {
    List<String> out = new ArrayList<>();
    for (double n : nanos) {
      out.add(String.format(Locale.ROOT, "%.0f", n / 1e6));
    }
    return String.join(", ", out) + " ms";
  }

  /** Generates the plugin source under {@code workDir} and times the compilations. */
  public static Times measure(int tools, int warmups, int runs, Path workDir) throws IOException {
    Path root = Files.createDirectories(workDir).resolve("compile-" + tools);
    deleteTree(root);
    Path src = root.resolve("src");
    Map<String, String> sources = PluginSourceGenerator.generate(PluginSourceGenerator.Spec.compileOnly(tools));
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path p = src.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      files.add(p.toFile());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    String classPath = System.getProperty("java.class.path");
    int generated = 0;
    List<File> withRegistry = null;
    for (int i = 0; i < Math.max(1, warmups); i++) {
      generated = compile(javac, files, classPath, root, Kind.PROCESSOR);
      if (withRegistry == null) {
        withRegistry = withGeneratedSources(files, root);
      }
      compile(javac, files, classPath, root, Kind.NONE);
      compile(javac, withRegistry, classPath, root, Kind.REGISTRY_AS_SOURCE);
    }
    double[][] times = new double[Kind.values().length][runs];
    for (int i = 0; i < runs; i++) {
      List<Kind> order = new ArrayList<>(List.of(Kind.values()));
      java.util.Collections.rotate(order, i);
      if (i % 2 == 1) {
        // The informational kind runs every other time: enough to split the overhead, cheaper for the 5-minute budget.
        order.remove(Kind.REGISTRY_AS_SOURCE);
        times[Kind.REGISTRY_AS_SOURCE.ordinal()][i] = Double.NaN;
      }
      for (Kind kind : order) {
        long t0 = System.nanoTime();
        compile(javac, kind == Kind.REGISTRY_AS_SOURCE ? withRegistry : files, classPath, root, kind);
        times[kind.ordinal()][i] = System.nanoTime() - t0;
      }
    }
    deleteTree(root);
    return new Times(times[Kind.PROCESSOR.ordinal()], times[Kind.NONE.ordinal()],
        times[Kind.REGISTRY_AS_SOURCE.ordinal()], files.size(), generated);
  }

  /** The sources plus copies of the Java sources the processor generated (kept outside the directories it clears). */
  private static List<File> withGeneratedSources(List<File> files, Path root) throws IOException {
    Path copies = Files.createDirectories(root.resolve("generated-copy"));
    List<File> out = new ArrayList<>(files);
    try (Stream<Path> g = Files.walk(root.resolve("gen"))) {
      for (Path p : (Iterable<Path>) g.filter(x -> x.toString().endsWith(".java"))::iterator) {
        Path copy = copies.resolve(root.resolve("gen").relativize(p));
        Files.createDirectories(copy.getParent());
        Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        out.add(copy.toFile());
      }
    }
    return out;
  }

  /** One compilation into empty directories; returns how many files the processor generated. */
  private static int compile(JavaCompiler javac, List<File> files, String classPath, Path root, Kind kind)
      throws IOException {
    boolean processor = kind == Kind.PROCESSOR;
    Path out = root.resolve("out-" + kind.name().toLowerCase(Locale.ROOT));
    Path gen = root.resolve("gen");
    deleteTree(out);
    deleteTree(gen);
    Files.createDirectories(out);
    Files.createDirectories(gen);
    List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-d", out.toString(),
        "-classpath", classPath, "-implicit:none"));
    if (processor) {
      options.addAll(List.of("-processorpath", classPath, "-processor",
          "dev.atomemo4j.processor.Atomemo4jProcessor", "-s", gen.toString()));
    } else {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      ok = javac.getTask(log, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
    }
    if (!ok) {
      StringBuilder b = new StringBuilder("the generated plugin did not compile (" + kind + "):");
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          b.append("\n  ").append(d);
        }
      }
      throw new IllegalStateException(b.append('\n').append(log).toString());
    }
    if (!processor) {
      return 0;
    }
    try (Stream<Path> g = Files.walk(gen); Stream<Path> o = Files.walk(out)) {
      long sources = g.filter(Files::isRegularFile).count();
      long resources = o.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".class")).count();
      return (int) (sources + resources);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
