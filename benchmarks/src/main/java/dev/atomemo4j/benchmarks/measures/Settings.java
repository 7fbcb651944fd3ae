package dev.atomemo4j.benchmarks.measures;

import java.nio.file.Path;

/**
 * How long each measure runs. {@link #full} fits every measure in at most 5 minutes on 2 cores; {@link #smoke} runs
 * tiny counts in well under a minute, to keep the benchmarks compiling and running in CI (its numbers mean nothing).
 *
 * @param definition JMH plan of measure 3 (its operations take milliseconds: 1 s iterations)
 * @param invocation JMH plan of measure 4 (its operations take microseconds: 0.5 s iterations suffice)
 *     <p>Warm-ups are long on purpose: on 2 cores, a fork that has just loaded the 100-tool plugin runs about 10×
 *     slow for its first 2–4 s (the JIT's backlog), then drops to its steady state.
 * @param coldForks fresh JVMs per side for the cold start-up variant of measure 3 (one call each)
 * @param compileTools tools in the plugin measure 5 compiles
 * @param compileWarmups untimed compilations of each kind before the timed ones
 * @param compileRuns timed compilations of each kind, alternating which goes first
 * @param transportMillis how long measures 1 and 2 drive each side (after a warm-up as long)
 * @param burst invocations in flight at once in measure 6 (10,000 in the issue)
 * @param workDir scratch space (measure 5's sources and classes)
 */
public record Settings(boolean smoke, Jmh.Plan definition, Jmh.Plan invocation, int coldForks, int compileTools,
    int compileWarmups, int compileRuns, int transportMillis, int burst, boolean verbose, Path workDir) {

  public static Settings full(boolean verbose, Path workDir) {
    return new Settings(false, new Jmh.Plan(2, 5, 4, 1000), new Jmh.Plan(2, 8, 4, 500), 3, 200, 2, 5, 3000, 10_000,
        verbose, workDir);
  }

  public static Settings smoke(boolean verbose, Path workDir) {
    return new Settings(true, new Jmh.Plan(1, 1, 2, 100), new Jmh.Plan(1, 1, 2, 100), 1, 20, 1, 1, 300, 200,
        verbose, workDir);
  }

  /** JVM options of every JMH fork: a fixed heap, so the collector sizes nothing differently between the sides. */
  public String[] forkJvmArgs() {
    return new String[] {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"};
  }

  /**
   * JVM options of the plugin's child JVMs (measures 6, 7): {@code extra}, and in a smoke run the C1 compiler only,
   * which starts faster (smoke numbers mean nothing).
   */
  public String[] childJvmArgs(String... extra) {
    if (!smoke) {
      return extra;
    }
    String[] all = java.util.Arrays.copyOf(extra, extra.length + 1);
    all[extra.length] = "-XX:TieredStopAtLevel=1";
    return all;
  }

  /** One line for the report's header. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "JMH, one fork per benchmark per round, rounds alternating the order "
        + "of the two sides, score = median of all measured iterations: measure 3 %s, measure 4 %s; cold start: %d "
        + "fresh JVM(s) per side; fork JVM options %s. Compile: %d tools, %d warm-up(s) and %d timed run(s) of each "
        + "kind.", plan(definition), plan(invocation), coldForks, String.join(" ", forkJvmArgs()), compileTools,
        compileWarmups, compileRuns);
  }

  private static String plan(Jmh.Plan p) {
    return String.format(java.util.Locale.ROOT, "%d round(s) × (%d × %d ms warm-up + %d × %d ms measurement)",
        p.rounds(), p.warmups(), p.iterationMillis(), p.iterations(), p.iterationMillis());
  }
}
