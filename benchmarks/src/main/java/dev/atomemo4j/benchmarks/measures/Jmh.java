package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.report.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs JMH benchmarks so that the two sides of a ratio see the same machine: each benchmark method in its own fork,
 * in rounds that alternate the order of the methods (A B, then B A, …), and every measured iteration of every round
 * pooled; a side's score is the <em>median</em> of its iterations, which a burst of load from another process moves
 * far less than the mean.
 */
public final class Jmh {

  private Jmh() {}

  /** The median of a side's iteration scores in nanoseconds per operation, its quartiles and the sample count. */
  record Score(double median, double q1, double q3, int n) {

    static Score of(List<Double> samples) {
      double[] v = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Score(Figures.median(v), quantile(v, 0.25), quantile(v, 0.75), v.length);
    }

    private static double quantile(double[] sorted, double q) {
      double pos = q * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = (int) Math.ceil(pos);
      return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** "20.1 ms/op (IQR 18.0–23.5, n=10)". */
    String text() {
      return Figures.time(median) + "/op (IQR " + Figures.time(q1).replaceAll(" \\S+$", "") + "–"
          + Figures.time(q3) + ", n=" + n + ")";
    }
  }

  /** How a measure runs its benchmarks. */
  public record Plan(int rounds, int warmups, int iterations, int iterationMillis) {}

  /**
   * Steady state: {@code rounds} rounds; in each, every method of {@code methods} runs in its own fork with the
   * plan's warm-up and measurement iterations, in the given order on even rounds and reversed on odd ones. Keyed
   * {@code method} or {@code method[param]}.
   */
  static Map<String, Score> steadyState(Class<?> benchmarks, List<String> methods, Plan plan, Settings s)
      throws RunnerException {
    return steadyState(benchmarks, methods, List.of(), plan, s);
  }

  /** As above, plus {@code onceOnly}: informational methods run in the first round only, after the others. */
  static Map<String, Score> steadyState(Class<?> benchmarks, List<String> methods, List<String> onceOnly, Plan plan,
      Settings s) throws RunnerException {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (int round = 0; round < plan.rounds(); round++) {
      List<String> order = new ArrayList<>(methods);
      if (round % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      if (round == 0) {
        order.addAll(onceOnly);
      }
      for (String method : order) {
        ChainedOptionsBuilder o = base(benchmarks, method, s)
            .forks(1)
            .warmupIterations(plan.warmups())
            .warmupTime(TimeValue.milliseconds(plan.iterationMillis()))
            .measurementIterations(plan.iterations())
            .measurementTime(TimeValue.milliseconds(plan.iterationMillis()));
        collect(new Runner(o.build()).run(), samples);
      }
    }
    return scores(samples);
  }

  /**
   * Cold start: {@code forks} rounds, each one fresh JVM per method making a single call (class loading and
   * initialization included), methods alternating order between rounds.
   */
  static Map<String, Score> coldStart(Class<?> benchmarks, List<String> methods, int forks, Settings s)
      throws RunnerException {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (int round = 0; round < forks; round++) {
      List<String> order = new ArrayList<>(methods);
      if (round % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (String method : order) {
        ChainedOptionsBuilder o = base(benchmarks, method, s)
            .forks(1)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementBatchSize(1);
        collect(new Runner(o.build()).run(), samples);
      }
    }
    return scores(samples);
  }

  private static ChainedOptionsBuilder base(Class<?> benchmarks, String method, Settings s) {
    return new OptionsBuilder()
        .include("^" + Pattern.quote(benchmarks.getName() + "." + method) + "$")
        .jvmArgsAppend(s.forkJvmArgs())
        .timeUnit(TimeUnit.NANOSECONDS)
        .shouldFailOnError(true)
        .verbosity(s.verbose() ? VerboseMode.NORMAL : VerboseMode.SILENT);
  }

  private static void collect(Collection<RunResult> results, Map<String, List<Double>> samples) {
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      if (!r.getParams().getParamsKeys().isEmpty()) {
        List<String> values = new ArrayList<>();
        for (String k : r.getParams().getParamsKeys()) {
          values.add(r.getParams().getParam(k));
        }
        name += "[" + String.join(",", values) + "]";
      }
      List<Double> list = samples.computeIfAbsent(name, k -> new ArrayList<>());
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        for (IterationResult i : b.getIterationResults()) {
          list.add(i.getPrimaryResult().getScore());
        }
      }
    }
  }

  private static Map<String, Score> scores(Map<String, List<Double>> samples) {
    Map<String, Score> out = new LinkedHashMap<>();
    samples.forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k, Score.of(v));
      }
    });
    return out;
  }

  static Score require(Map<String, Score> scores, String key) {
    Score s = scores.get(key);
    if (s == null) {
      throw new IllegalStateException("JMH produced no result for " + key + " (have " + scores.keySet()
          + "); rerun with --verbose to see JMH's output");
    }
    return s;
  }

  /** The ratio {@code slow / fast} of medians, and the range it spans between the quartiles. */
  static String ratioRange(Score slow, Score fast) {
    return Figures.ratio(slow.q1() / fast.q3()) + "–" + Figures.ratio(slow.q3() / fast.q1());
  }
}
