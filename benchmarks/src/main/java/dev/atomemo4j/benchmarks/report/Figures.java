package dev.atomemo4j.benchmarks.report;

import java.util.Arrays;
import java.util.Locale;

/** Formatting of times and ratios, and the statistics the measures share. */
public final class Figures {

  private Figures() {}

  /** A duration in nanoseconds, with a unit that keeps 3 significant digits readable. */
  public static String time(double nanos) {
    double unit = unit(nanos);
    return String.format(Locale.ROOT, unit == 1 ? "%.0f %s" : "%.1f %s", nanos / unit, unitName(unit));
  }

  private static double unit(double nanos) {
    return nanos >= 1e9 ? 1e9 : nanos >= 1e6 ? 1e6 : nanos >= 1e3 ? 1e3 : 1;
  }

  private static String unitName(double unit) {
    return unit == 1e9 ? "s" : unit == 1e6 ? "ms" : unit == 1e3 ? "µs" : "ns";
  }

  public static String ratio(double r) {
    if (r >= 100) {
      return String.format(Locale.ROOT, "%.0f×", r);
    } else if (r >= 10) {
      return String.format(Locale.ROOT, "%.1f×", r);
    }
    return String.format(Locale.ROOT, "%.2f×", r);
  }

  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
