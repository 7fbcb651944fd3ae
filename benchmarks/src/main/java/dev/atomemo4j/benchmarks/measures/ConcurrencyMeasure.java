package dev.atomemo4j.benchmarks.measures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.benchmarks.hub.HubHarness;
import dev.atomemo4j.benchmarks.hub.HubHarnesses;
import dev.atomemo4j.benchmarks.hub.Jdks;
import dev.atomemo4j.benchmarks.hub.PluginProcess;
import dev.atomemo4j.benchmarks.plugins.LoadPlugin;
import dev.atomemo4j.benchmarks.report.Figures;
import dev.atomemo4j.benchmarks.report.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measure 6: {@link Settings#burst()} invocations (10,000) of a blocking I/O-bound tool (100 ms) in flight at once,
 * against the burst-limited ideal: the time the same burst takes with a 0 ms tool (sending, dispatching and
 * answering that many frames, which no transport avoids), plus the 100 ms. Ratio = ideal time ÷ our time. On this
 * JVM's Java (17, a platform-thread pool that grows to the in-flight cap) and, where installed, on Java 25 (virtual
 * threads), each in a child JVM serving {@link LoadPlugin} through the {@link HubHarness}.
 */
public final class ConcurrencyMeasure implements Measure {

  static final int SLEEP_MILLIS = 100;
  /** Pairs of bursts (100 ms and 0 ms) per JVM in a full run. */
  static final int ROUNDS = 3;
  /** Virtual threads park for free: the sleep should cost little more than its 100 ms. */
  static final double GOAL_VIRTUAL = 0.9;
  /** A platform thread per request in flight costs its creation and its stack: the issue asks for half the ideal. */
  static final double GOAL_PLATFORM = 0.5;

  @Override
  public String id() {
    return "6";
  }

  @Override
  public String title() {
    return "concurrency: 10,000 in flight, 100 ms I/O-bound tool";
  }

  @Override
  public String goal() {
    return goal(GOAL_PLATFORM);
  }

  private static String goal(double ratio) {
    return String.format(Locale.ROOT, "≥ %.1f× ideal, 0 errors", ratio);
  }

  @Override
  public List<Row> run(Settings s) throws Exception {
    Optional<HubHarness> harness = HubHarnesses.find();
    if (harness.isEmpty()) {
      List<Row> rows = new ArrayList<>();
      rows.add(Row.notMeasured("6", title() + " (Java 17)", goal(), Row.NEEDS_HUB));
      rows.add(Row.notMeasured("6a", "… on Java 25 (virtual threads)", goal(GOAL_VIRTUAL), Row.NEEDS_HUB
          + (Jdks.java25().isPresent() ? "" : "; and no Java 25 JDK found")));
      return rows;
    }
    JsonNode nap = new ObjectMapper().readTree("{\"millis\": " + SLEEP_MILLIS + "}");
    List<Row> rows = new ArrayList<>();
    try (HubHarness h = harness.get()) {
      rows.add(row(h, "6", title() + " (Java " + Runtime.version().feature() + ", platform threads)",
          Jdks.current(), nap, GOAL_PLATFORM, s));
      Optional<Path> java25 = Jdks.java25();
      rows.add(java25.isPresent()
          ? row(h, "6a", "… on Java 25 (virtual threads)", java25.get(), nap, GOAL_VIRTUAL, s)
          : Row.notMeasured("6a", "… on Java 25 (virtual threads)", goal(GOAL_VIRTUAL), "no Java 25 JDK found"));
    }
    return rows;
  }

  private Row row(HubHarness h, String id, String title, Path java, JsonNode nap, double goal, Settings s)
      throws Exception {
    try (HubHarness.Driver plugin = h.startPlugin(LoadPlugin.class, java, s.childJvmArgs("-Xmx1g",
        "-D" + PluginProcess.MAX_IN_FLIGHT + "=" + (s.burst() + 64)))) {
      // A fresh JVM: one full burst first, so the measured ones do not time the JIT's first passes (after a burst a
      // tenth the size, the next three still took 1.4, 0.9 and 0.7 s).
      HubHarness.Burst warm = plugin.burst("sleep-blocking", nap, s.burst(), Duration.ofSeconds(60));
      // Rounds alternate which burst goes first: one burst takes a second or two, and on a shared machine a single
      // pair moved the ratio by 2× between runs. The floor is the same burst of a 0 ms tool: what sending,
      // dispatching and answering that many frames costs here and now; the ideal is that plus the tool's 100 ms.
      JsonNode noNap = new ObjectMapper().readTree("{\"millis\": 0}");
      int rounds = s.smoke() ? 1 : ROUNDS;
      List<HubHarness.Burst> bursts = new ArrayList<>();
      List<HubHarness.Burst> floors = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        if (i % 2 == 1) {
          floors.add(plugin.burst("sleep-blocking", noNap, s.burst(), Duration.ofSeconds(60)));
        }
        bursts.add(plugin.burst("sleep-blocking", nap, s.burst(), Duration.ofSeconds(60)));
        if (i % 2 == 0) {
          floors.add(plugin.burst("sleep-blocking", noNap, s.burst(), Duration.ofSeconds(60)));
        }
      }
      HubHarness.Burst b = median(bursts);
      HubHarness.Burst floor = median(floors);
      long idealNanos = floor.elapsed().toNanos() + Duration.ofMillis(SLEEP_MILLIS).toNanos();
      double r = idealNanos / (double) b.elapsed().toNanos();
      long errors = bursts.stream().mapToLong(HubHarness.Burst::errors).sum();
      long floorErrors = floors.stream().mapToLong(HubHarness.Burst::errors).sum();
      return new Row(id, title, String.format(Locale.ROOT, "%,d ms (median), %d errors, peak heap %d MiB",
          b.elapsed().toMillis(), errors, b.peakHeapBytes() >> 20),
          String.format(Locale.ROOT, "ideal %,d ms (0 ms tool: %,d ms, + %d ms)", idealNanos / 1_000_000,
              floor.elapsed().toMillis(), SLEEP_MILLIS),
          Figures.ratio(r), goal(goal), r >= goal && errors == 0 && floorErrors == 0 ? "yes" : "no",
          String.format(Locale.ROOT, "%,d sleep-blocking invocations sent at once over one loopback WebSocket to a "
              + "child JVM (-Xmx1g, in-flight cap %,d), after a warm-up burst of %,d (%d errors); ours = the median "
              + "of %d bursts (%s ms), from the first send to the last answer (%,.0f/s), %d errors in all; ideal = "
              + "the median of the same bursts of a 0 ms tool, alternating with them (%s ms, %d errors), plus the "
              + "%d ms the tool sleeps: what no transport can beat. Ratio = ideal ÷ ours.", s.burst(),
              s.burst() + 64, warm.completed() + warm.errors(), warm.errors(), rounds, millis(bursts),
              b.completed() / (b.elapsed().toNanos() / 1e9), errors, millis(floors), floorErrors, SLEEP_MILLIS));
    }
  }

  private static HubHarness.Burst median(List<HubHarness.Burst> bursts) {
    List<HubHarness.Burst> sorted = new ArrayList<>(bursts);
    sorted.sort(java.util.Comparator.comparing(HubHarness.Burst::elapsed));
    return sorted.get(sorted.size() / 2);
  }

  private static String millis(List<HubHarness.Burst> bursts) {
    return String.join(", ", bursts.stream().map(x -> String.format(Locale.ROOT, "%,d", x.elapsed().toMillis()))
        .toList());
  }
}
