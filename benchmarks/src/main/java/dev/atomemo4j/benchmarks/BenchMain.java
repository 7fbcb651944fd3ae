package dev.atomemo4j.benchmarks;

import dev.atomemo4j.benchmarks.measures.CompileOverheadMeasure;
import dev.atomemo4j.benchmarks.measures.ConcurrencyMeasure;
import dev.atomemo4j.benchmarks.measures.DefinitionBuildMeasure;
import dev.atomemo4j.benchmarks.measures.IdleMemoryMeasure;
import dev.atomemo4j.benchmarks.measures.InvocationMeasure;
import dev.atomemo4j.benchmarks.measures.Measure;
import dev.atomemo4j.benchmarks.measures.Settings;
import dev.atomemo4j.benchmarks.measures.StartupMeasure;
import dev.atomemo4j.benchmarks.measures.TransportMeasure;
import dev.atomemo4j.benchmarks.report.Report;
import dev.atomemo4j.benchmarks.report.Row;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the measures of issue 7 and writes the table: {@code benchmarks/results/latest.md} for a full run (at most 5
 * minutes on 2 cores), {@code benchmarks/target/smoke.md} with {@code --smoke} (tiny counts, under a minute; its
 * numbers mean nothing, it proves the benchmarks still compile and run).
 *
 * <pre>
 * BenchMain [--smoke] [--verbose] [--only 3,4] [--out FILE]
 * </pre>
 *
 * <p>Exit status 0 whatever the numbers say (benchmarks never fail a build on a number); 1 when a measure failed to
 * run; 2 for bad arguments.
 */
public final class BenchMain {

  private BenchMain() {}

  /** Every measure, in the order; measures 1, 2, 6 and 7 wait for the Hub transport. */
  static List<Measure> measures() {
    return List.of(new TransportMeasure(), new DefinitionBuildMeasure(), new InvocationMeasure(),
        new CompileOverheadMeasure(), new ConcurrencyMeasure(), new IdleMemoryMeasure(), new StartupMeasure(),
        new dev.atomemo4j.benchmarks.measures.QueryPathMeasure());
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  static int run(String[] args) throws Exception {
    boolean smoke = false;
    boolean verbose = false;
    Set<String> only = new LinkedHashSet<>();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke":
          smoke = true;
          break;
        case "--verbose":
          verbose = true;
          break;
        case "--only":
          if (i + 1 == args.length) {
            return usage("--only needs a list of measures, e.g. --only 3,4");
          }
          only.addAll(List.of(args[++i].split(",")));
          break;
        case "--out":
          if (i + 1 == args.length) {
            return usage("--out needs a file");
          }
          out = Path.of(args[++i]);
          break;
        case "-h":
        case "--help":
          usage(null);
          return 0;
        default:
          return usage("unknown argument " + args[i]);
      }
    }
    Path dir = benchmarksDir();
    if (out == null) {
      out = smoke ? dir.resolve("target/smoke.md") : dir.resolve("results/latest.md");
    }
    Path work = dir.resolve("target/bench-work");
    Settings settings = smoke ? Settings.smoke(verbose, work) : Settings.full(verbose, work);

    long start = System.nanoTime();
    String loadAtStart = load();
    List<Row> rows = new ArrayList<>();
    boolean failed = false;
    for (Measure m : measures()) {
      if (!only.isEmpty() && only.stream().noneMatch(o -> m.id().equals(o) || m.id().contains(o))) {
        continue;
      }
      long t0 = System.nanoTime();
      System.err.printf(Locale.ROOT, "atomemo4j bench: measure %s — %s …%n", m.id(), m.title());
      try {
        rows.addAll(m.run(settings));
      } catch (Exception | LinkageError e) {
        failed = true;
        e.printStackTrace();
        rows.add(Row.error(m.id(), m.title(), m.goal(), e));
      }
      System.err.printf(Locale.ROOT, "atomemo4j bench: measure %s done in %s%n", m.id(),
          seconds(System.nanoTime() - t0));
    }
    Duration total = Duration.ofNanos(System.nanoTime() - start);

    String markdown = Report.markdown(
        smoke ? "atomemo4j benchmarks (smoke run: tiny counts, the numbers mean nothing)" : "atomemo4j benchmarks",
        header(smoke, settings, total, loadAtStart), rows, footer());
    System.out.println(markdown);
    Report.writeAtomically(out, markdown);
    System.err.println("atomemo4j bench: wrote " + out + " (" + seconds(total.toNanos()) + ")");
    return failed ? 1 : 0;
  }

  private static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
  }

  private static List<String> header(boolean smoke, Settings s, Duration total, String loadAtStart) {
    int cores = Runtime.getRuntime().availableProcessors();
    List<String> h = new ArrayList<>();
    h.add("Every figure is a ratio of two things measured side by side in this run, on this machine; absolute "
        + "times are shown only to read the ratio. Benchmarks never fail a build on a number.");
    h.add("");
    h.add(String.format(Locale.ROOT, "- run: %s, %s, took %s", smoke ? "smoke (`--smoke`)" : "full",
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), seconds(total.toNanos())));
    h.add(String.format(Locale.ROOT, "- machine: %d cores, %s %s, Java %s (%s)", cores,
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
        System.getProperty("java.vm.name")));
    h.add("- settings: " + s.describe());
    h.add(String.format(Locale.ROOT, "- load average (1 min) at the start: %s, at the end: %s (on %d cores: other "
        + "processes share this machine)", loadAtStart, load(), cores));
    h.add("- host JVM: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return h;
  }

  private static List<String> footer() {
    return List.of("## How to read it", "",
        "- ratio: for speed measures, baseline time ÷ our time (higher is better for us); for compile time, our time "
            + "÷ baseline time (lower is better); for throughput, ours ÷ the limit.",
        "- JMH figures are the median of all measured iterations of a side (one fork per round, rounds alternating "
            + "which side runs first), with the interquartile range (IQR) and the number of iterations n; the ratio "
            + "is of the medians, and the notes give the range it spans between the quartiles.",
        "- met?: `yes`/`no` against the goal; `—` where the issue asks only for the figure or nothing was measured.",
        "- Measures 1, 2, 6 and 7 run over a loopback WebSocket: the dev hub's Phoenix server plays the Hub "
            + "(`dev.atomemo4j.benchmarks.hub.LoopbackHubHarness`); the client is the runtime serving a plugin, or "
            + "(the baseline of 1 and 2) a raw OkHttp client answering with precomputed frames.",
        "- Run it: `./atomemo4j bench` (full) or `./atomemo4j bench --smoke`; `benchmarks/run.sh --only 3,4` "
            + "runs some measures only.");
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  /** The benchmarks module's directory: {@code -Datomemo4j.benchmarks.dir}, else found from the working directory. */
  static Path benchmarksDir() {
    String prop = System.getProperty("atomemo4j.benchmarks.dir");
    if (prop != null) {
      return Path.of(prop);
    }
    Path cwd = Path.of("").toAbsolutePath();
    if (Files.isRegularFile(cwd.resolve("benchmarks/pom.xml"))) {
      return cwd.resolve("benchmarks");
    }
    return cwd;
  }

  private static int usage(String error) {
    if (error != null) {
      System.err.println("atomemo4j bench: " + error);
    }
    System.err.println("usage: atomemo4j bench [--smoke] [--verbose] [--only 3,4] [--out FILE]");
    System.err.println("  --smoke    tiny counts (under a minute), writes benchmarks/target/smoke.md");
    System.err.println("  --verbose  show JMH's own output");
    System.err.println("  --only     run only these measures (1–7)");
    System.err.println("  --out      write the table here instead");
    return error == null ? 0 : 2;
  }
}
