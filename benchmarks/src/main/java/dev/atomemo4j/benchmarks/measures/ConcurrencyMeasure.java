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
 * Measure 6: {@link Settings#burst()} invocations (10,000) of an I/O-bound tool (100 ms) in flight at once: achieved
 * throughput versus the ideal (all of them finishing 100 ms after the last is sent: count / 0.1 s), errors, peak
 * heap; on this JVM's Java (17) and, where installed, on Java 25 (virtual threads), each in a child JVM serving
 * {@link LoadPlugin} through the {@link HubHarness}.
 */
public final class ConcurrencyMeasure implements Measure {

  static final int SLEEP_MILLIS = 100;
  static final double GOAL = 0.9;

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
    return "≥ 0.9× ideal, 0 errors";
  }

  @Override
  public List<Row> run(Settings s) throws Exception {
    Optional<HubHarness> harness = HubHarnesses.find();
    if (harness.isEmpty()) {
      List<Row> rows = new ArrayList<>();
      rows.add(Row.notMeasured("6", title() + " (Java 17)", goal(), Row.NEEDS_HUB));
      rows.add(Row.notMeasured("6a", "… on Java 25 (virtual threads)", goal(), Row.NEEDS_HUB
          + (Jdks.java25().isPresent() ? "" : "; and no Java 25 JDK found")));
      return rows;
    }
    JsonNode nap = new ObjectMapper().readTree("{\"millis\": " + SLEEP_MILLIS + "}");
    List<Row> rows = new ArrayList<>();
    try (HubHarness h = harness.get()) {
      rows.add(row(h, "6", title() + " (Java 17)", Jdks.current(), nap, s));
      Optional<Path> java25 = Jdks.java25();
      rows.add(java25.isPresent() ? row(h, "6a", "… on Java 25 (virtual threads)", java25.get(), nap, s)
          : Row.notMeasured("6a", "… on Java 25 (virtual threads)", goal(), "no Java 25 JDK found"));
    }
    return rows;
  }

  private Row row(HubHarness h, String id, String title, Path java, JsonNode nap, Settings s) throws Exception {
    try (HubHarness.Driver plugin = h.startPlugin(LoadPlugin.class, java, s.childJvmArgs("-Xmx1g",
        "-D" + PluginProcess.MAX_IN_FLIGHT + "=" + (s.burst() + 64)))) {
      // A fresh JVM: one burst a tenth the size first, so the measured one does not time the JIT's first passes.
      HubHarness.Burst warm = plugin.burst("sleep-blocking", nap, Math.max(1, s.burst() / 10), Duration.ofSeconds(60));
      HubHarness.Burst b = plugin.burst("sleep-blocking", nap, s.burst(), Duration.ofSeconds(60));
      // For reading the ratio only: the same burst of a 0 ms tool, i.e. what sending, dispatching and answering
      // that many frames costs on this machine (threads already started by now).
      HubHarness.Burst floor = plugin.burst("sleep-blocking", new ObjectMapper().readTree("{\"millis\": 0}"),
          s.burst(), Duration.ofSeconds(60));
      double achieved = b.completed() / (b.elapsed().toNanos() / 1e9);
      double ideal = s.burst() / (SLEEP_MILLIS / 1000.0);
      double r = achieved / ideal;
      return new Row(id, title, String.format(Locale.ROOT, "%,.0f/s, %d errors, peak heap %d MiB", achieved,
          b.errors(), b.peakHeapBytes() >> 20), String.format(Locale.ROOT, "ideal %,.0f/s", ideal),
          Figures.ratio(r), goal(), r >= GOAL && b.errors() == 0 ? "yes" : "no",
          String.format(Locale.ROOT, "%,d sleep-blocking invocations sent at once over one loopback WebSocket to a "
              + "child JVM (-Xmx1g, in-flight cap %,d), after a warm-up burst of %,d (%d errors); elapsed %,d ms from "
              + "the first send to the last answer; ideal = all done %d ms after sending (it ignores the time to "
              + "send and answer %,d frames: the same burst of a 0 ms tool, run next, took %,d ms, %d errors).", s.burst(),
              s.burst() + 64, warm.completed() + warm.errors(), warm.errors(), b.elapsed().toMillis(), SLEEP_MILLIS,
              s.burst(), floor.elapsed().toMillis(), floor.errors()));
    }
  }
}
