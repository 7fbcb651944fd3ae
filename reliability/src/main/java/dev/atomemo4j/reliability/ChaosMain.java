package dev.atomemo4j.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./atomemo4j chaos [--smoke] [--only WORD] [--out FILE]}: runs every fault suite against a plugin in a
 * child JVM, prints
 * the table, writes it to {@code reliability/results/latest.md} (the smoke run to {@code target/chaos-smoke.md}),
 * and exits 1 when any answer was lost, any request with a usable id went unanswered, a marker leaked or the
 * plugin crashed. Everything runs on loopback.
 */
public final class ChaosMain {

  private ChaosMain() {}

  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    Path out = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        default -> {
          System.err.println("usage: chaos [--smoke] [--only WORD] [--out FILE]");
          System.exit(2);
        }
      }
    }
    Path dir = Path.of(System.getProperty("atomemo4j.reliability.dir", "reliability")).toAbsolutePath();
    if (out == null) {
      out = smoke ? dir.resolve("target/chaos-smoke.md") : dir.resolve("results/latest.md");
    }
    List<SuiteResult> results = run(smoke ? Suites.Counts.SMOKE : Suites.Counts.FULL, dir.resolve("target/chaos"),
        only);
    String table = table(results, smoke);
    System.out.print(table);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table);
    System.out.println("\nwritten to " + out);
    System.exit(results.stream().allMatch(SuiteResult::passed) ? 0 : 1);
  }

  /** Runs every suite in order; a suite that throws is a row with the exception in its notes. */
  static List<SuiteResult> run(Suites.Counts counts, Path logs) throws Exception {
    return run(counts, logs, null);
  }

  /** With {@code only}, just the suites whose name contains it (for working on one fault). */
  static List<SuiteResult> run(Suites.Counts counts, Path logs, String only) throws Exception {
    Suites suites = new Suites(counts, logs);
    suites.ensureLogs();
    List<SuiteResult> results = new ArrayList<>();
    Map<String, Suite> all = new LinkedHashMap<>();
    all.put("resets", suites::resets);
    all.put("kills", suites::hubKills);
    all.put("fuzz", suites::fuzz);
    all.put("flood", suites::flood);
    all.put("burst", suites::largeBurst);
    all.put("stream", suites::largeStream);
    all.put("sigterm", suites::sigterm);
    for (Map.Entry<String, Suite> entry : all.entrySet()) {
      if (only != null && !entry.getKey().contains(only)) {
        continue;
      }
      Suite s = entry.getValue();
      try {
        SuiteResult r = s.run();
        System.err.println("chaos: " + r.suite() + ": " + (r.passed() ? "ok" : "FAILED") + " (" + r.notes() + ")");
        results.add(r);
      } catch (Exception e) {
        results.add(new SuiteResult("(a suite)", 0, 0, 0, 0, 0, true, 0, "", "threw " + e));
      }
    }
    return results;
  }

  private interface Suite {
    SuiteResult run() throws Exception;
  }

  static String table(List<SuiteResult> results, boolean smoke) {
    StringBuilder t = new StringBuilder();
    t.append("# atomemo4j fault suite").append(smoke ? " (smoke)" : "").append("\n\n");
    t.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
        .append(", Java ").append(Runtime.version()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores. Loopback only; the plugin runs in a ")
        .append("child JVM with the heap shown.\n\n");
    t.append("| suite | requests | answered | lost | unanswered | leaked | crashed | peak heap | heap | notes |\n");
    t.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (SuiteResult r : results) {
      t.append("| ").append(r.suite()).append(" | ").append(r.requests()).append(" | ").append(r.answered())
          .append(" | ").append(r.lost()).append(" | ").append(r.unanswered()).append(" | ").append(r.leaked())
          .append(" | ").append(r.crashed() ? "yes" : "no").append(" | ")
          .append(String.format(Locale.ROOT, "%.1f MiB", r.peakHeapBytes() / (1024.0 * 1024.0))).append(" | -Xmx")
          .append(r.heap()).append(" | ").append(r.notes().replace("|", "/")).append(" |\n");
    }
    t.append("\nrequests: with a usable `request_id`; lost: answers the plugin reported lost; unanswered: no answer ")
        .append("after the Hub's retries; leaked: occurrences of the run's marker secret in the plugin's log and in ")
        .append("every frame it sent.\n");
    return t.toString();
  }
}
