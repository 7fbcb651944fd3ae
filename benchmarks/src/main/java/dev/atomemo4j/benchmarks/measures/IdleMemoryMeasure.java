package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.hub.HubHarness;
import dev.atomemo4j.benchmarks.hub.HubHarnesses;
import dev.atomemo4j.benchmarks.hub.Jdks;
import dev.atomemo4j.benchmarks.plugin100.Bench100;
import dev.atomemo4j.benchmarks.plugins.LoadPlugin;
import dev.atomemo4j.benchmarks.report.Figures;
import dev.atomemo4j.benchmarks.report.Row;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measure 7: live heap after GC of an idle connected plugin with 100 tools (the generated 100-tool plugin), next to
 * the same for a plugin with 3 tools in the same kind of JVM: the ratio says what 97 more tools cost. Each plugin
 * runs in a child JVM connected to the {@link HubHarness}'s loopback hub.
 */
public final class IdleMemoryMeasure implements Measure {

  @Override
  public String id() {
    return "7";
  }

  @Override
  public String title() {
    return "memory: live heap after GC, idle plugin with 100 tools";
  }

  @Override
  public String goal() {
    return "report";
  }

  @Override
  public List<Row> run(Settings s) throws Exception {
    Optional<HubHarness> harness = HubHarnesses.find();
    if (harness.isEmpty()) {
      return List.of(Row.notMeasured("7", title(), goal(), Row.NEEDS_HUB));
    }
    try (HubHarness h = harness.get();
        HubHarness.Driver big = h.startPlugin(Bench100.class, Jdks.current(), s.childJvmArgs("-Xmx256m"));
        HubHarness.Driver small = h.startPlugin(LoadPlugin.class, Jdks.current(), s.childJvmArgs("-Xmx256m"))) {
      long ours = big.liveHeapAfterGc();
      long base = small.liveHeapAfterGc();
      return List.of(new Row("7", title(), mib(ours), mib(base) + " (3-tool plugin)",
          Figures.ratio((double) ours / base), goal(), "—",
          "Child JVMs (-Xmx256m), joined, registered and idle; heap used after repeated full GCs."));
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
