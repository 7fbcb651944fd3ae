package dev.atomemo4j.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults of issue 11, each bounded in count (and every wait bounded in time), each against a fresh plugin JVM
 * and a fresh fake Hub on loopback. Every suite also sends {@code leak} requests carrying the run's marker secret,
 * and greps the plugin's log and every frame it sent for it.
 */
final class Suites {

  /** Counts of one run: the full run, or the smoke run CI makes. */
  record Counts(int resets, int kills, int fuzzRounds, int floodCap, int burst, int stream, int sigterm) {
    static final Counts FULL = new Counts(20, 20, 20, 32, 24, 400, 40);
    static final Counts SMOKE = new Counts(3, 3, 2, 8, 24, 100, 10);
  }

  private static final long JOIN_WAIT_MILLIS = 30_000;
  private static final long ANSWER_WAIT_MILLIS = 30_000;
  private static final int TWO_MIB = 2 * 1024 * 1024;

  private final Counts counts;
  private final Path logs;
  private final String marker = "MARKER-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
  private int ids;

  Suites(Counts counts, Path logs) {
    this.counts = counts;
    this.logs = logs;
  }

  /** One fault scenario against a started plugin; returns the notes for the table. */
  private interface Scenario {
    String run(FakeHub hub, PluginProcess plugin, Set<String> usable) throws Exception;
  }

  SuiteResult resets() throws Exception {
    return suite("connection resets under load", "128m", 64, (hub, plugin, usable) -> {
      for (int i = 0; i < counts.resets(); i++) {
        load(hub, usable, 20);
        Thread.sleep(20);
        int joins = hub.joins();
        hub.relay().reset();
        if (!hub.awaitJoins(joins + 1, JOIN_WAIT_MILLIS, plugin::isAlive)) {
          return "did not rejoin after reset " + (i + 1);
        }
        hub.resendUnanswered();
      }
      return counts.resets() + " resets through the relay, 20 requests in flight at each";
    });
  }

  SuiteResult hubKills() throws Exception {
    return suite("hub kills under load", "128m", 64, (hub, plugin, usable) -> {
      for (int i = 0; i < counts.kills(); i++) {
        load(hub, usable, 20);
        Thread.sleep(20);
        int joins = hub.joins();
        hub.relay().down();
        Thread.sleep(150);
        hub.relay().up();
        if (!hub.awaitJoins(joins + 1, JOIN_WAIT_MILLIS, plugin::isAlive)) {
          return "did not rejoin after kill " + (i + 1);
        }
        hub.resendUnanswered();
      }
      return counts.kills() + " kills (connections cut, refused for 150 ms), 20 requests in flight at each";
    });
  }

  SuiteResult fuzz() throws Exception {
    return suite("fuzzing Hub", "128m", 64, (hub, plugin, usable) -> {
      int frames = 0;
      String topic = FakeHub.TOPIC;
      for (int round = 0; round < counts.fuzzRounds(); round++) {
        String j = "\"" + hub.joinRef() + "\"";
        String[] malformed = {"not json", "[1,2,3]", "{\"a\":1}", "[]", "null", "[" + j + ",null]",
            "[1,null,\"" + topic + "\",\"invoke_tool\",{}]", "[" + j + ",1,\"" + topic + "\",\"invoke_tool\",{}]",
            "[" + j + ",null,42,\"invoke_tool\",{}]", "[" + j + ",null,\"" + topic + "\",42,{}]",
            "[" + j + ",null,\"" + topic + "\",\"invoke_tool\",\"text\"]",
            "[" + j + ",null,\"" + topic + "\",\"invoke_tool\",[1]]", "[" + j + ",null,\"" + topic + "\"]",
            "[" + j + ",null,\"" + topic + "\",\"invoke_tool\",{}] trailing"};
        for (String text : malformed) {
          hub.sendRaw(text);
          frames++;
        }
        hub.sendBinary(new byte[] {0, 1, 2, 3});
        frames++;
        // Unusable request ids: answered with what can be echoed, never counted as usable.
        for (String id : new String[] {"42", "{}", "[]", "null", "\"\"", "true"}) {
          hub.sendPayload("invoke_tool", "{\"request_id\":" + id + ",\"tool_name\":\"echo\"}");
          frames++;
        }
        hub.sendPayload("invoke_tool", "{\"tool_name\":\"echo\"}");
        frames++;
        // Wrong types in every slot of a request that has a usable id.
        String[] members = {"\"tool_name\":42", "\"tool_name\":\"echo\",\"parameters\":\"x\"",
            "\"tool_name\":\"echo\",\"parameters\":{\"text\":42}", "\"tool_name\":\"echo\",\"credentials\":[]",
            "\"tool_name\":\"echo\",\"parameters\":{\"text\":\"a\",\"extra\":{}}", "\"tool_name\":null",
            "\"tool_name\":\"no\\nsuch\\u0000tool\"", "\"tool_name\":\"slow\",\"parameters\":{\"millis\":-1}",
            "\"tool_name\":\"echo\",\"context\":42", "\"tool_name\":[\"echo\"]"};
        for (String m : members) {
          hub.request("invoke_tool", id(usable), m);
          frames++;
        }
        for (String event : new String[] {"credential_auth_spec", "oauth2_get_token", "locator_list",
            "resource_mapping", "oauth2_build_authorize_url", "oauth2_refresh_token"}) {
          hub.request(event, id(usable), "\"credential_name\":42,\"tool_name\":{}");
          frames++;
        }
        // Huge and deep payloads.
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"" + "t".repeat(3 * 1024 * 1024) + "\"");
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"echo\",\"parameters\":{\"text\":\""
            + "x".repeat(TWO_MIB) + "\"}");
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"echo\",\"parameters\":{\"text\":"
            + "[".repeat(5000) + "]".repeat(5000) + "}");
        frames += 3;
        // Unknown events, with and without an id.
        hub.request("something_new", id(usable), "\"x\":1");
        hub.sendPayload("something_else", "{\"x\":1}");
        frames += 2;
        // A duplicate id while the first is in flight: one answer is enough.
        String dup = id(usable);
        hub.request("invoke_tool", dup, "\"tool_name\":\"slow\",\"parameters\":{\"millis\":200}");
        hub.request("invoke_tool", dup, "\"tool_name\":\"slow\",\"parameters\":{\"millis\":200}");
        frames += 2;
        leak(hub, usable);
        frames++;
      }
      String probe = id(usable);
      hub.request("invoke_tool", probe, "\"tool_name\":\"echo\",\"parameters\":{\"text\":\"alive\"}");
      return frames + " fuzzed frames in " + counts.fuzzRounds() + " rounds, then a probe";
    });
  }

  SuiteResult flood() throws Exception {
    int cap = counts.floodCap();
    return suite("flood at 10x the in-flight cap", "64m", cap, (hub, plugin, usable) -> {
      leak(hub, usable);
      for (int i = 0; i < cap * 10; i++) {
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"slow\",\"parameters\":{\"millis\":300}");
      }
      hub.awaitAnswers(usable, ANSWER_WAIT_MILLIS);
      int overloaded = 0;
      for (String id : usable) {
        if (hub.answersTo(id).stream().anyMatch(a -> a.path("error").path("code").asText().equals("sdk:overloaded"))) {
          overloaded++;
        }
      }
      return (cap * 10) + " slow requests at once against a cap of " + cap + "; " + overloaded
          + " answered sdk:overloaded";
    });
  }

  SuiteResult largeBurst() throws Exception {
    return suite("large answers in a burst", "128m", 64, (hub, plugin, usable) -> {
      for (int i = 0; i < counts.burst(); i++) {
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"blob\",\"parameters\":{\"size\":" + TWO_MIB + "}");
      }
      leak(hub, usable);
      return counts.burst() + " results of 2 MiB at once (" + (counts.burst() * 2) + " MiB; OkHttp queues 16 MiB)";
    });
  }

  SuiteResult largeStream() throws Exception {
    return suite("large answers in a steady stream", "128m", 64, (hub, plugin, usable) -> {
      int size = 256 * 1024;
      Set<String> window = new LinkedHashSet<>();
      for (int sent = 0; sent < counts.stream(); sent++) {
        while (window.size() >= 8) {
          window.removeIf(id -> !hub.answersTo(id).isEmpty());
          if (window.size() >= 8) {
            Thread.sleep(2);
          }
          if (!plugin.isAlive()) {
            return "the plugin died after " + sent + " requests";
          }
        }
        String id = id(usable);
        window.add(id);
        hub.request("invoke_tool", id, "\"tool_name\":\"blob\",\"parameters\":{\"size\":" + size + "}");
      }
      leak(hub, usable);
      return counts.stream() + " results of 256 KiB, 8 outstanding (" + (counts.stream() / 4) + " MiB in all)";
    });
  }

  SuiteResult sigterm() throws Exception {
    return suite("SIGTERM under load", "128m", 64, (hub, plugin, usable) -> {
      for (int i = 0; i < counts.sigterm(); i++) {
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"slow\",\"parameters\":{\"millis\":500}");
      }
      leak(hub, usable);
      Thread.sleep(300); // let the requests reach the plugin: frames still on the wire when it closes are the Hub's
      boolean exited = plugin.terminate(30_000);
      return counts.sigterm() + " slow requests in flight at SIGTERM; " + (exited ? "exited" : "did not exit");
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  private SuiteResult suite(String name, String heap, int maxInFlight, Scenario scenario) throws Exception {
    Path log = logs.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".log");
    Set<String> usable = new LinkedHashSet<>();
    try (FakeHub hub = new FakeHub(); PluginProcess plugin = new PluginProcess(hub.url(), heap, maxInFlight, log)) {
      if (!hub.awaitJoins(1, JOIN_WAIT_MILLIS, plugin::isAlive)) {
        return new SuiteResult(name, 0, 0, 0, 0, 0, !plugin.isAlive(), plugin.peakHeapBytes(), heap,
            "the plugin never registered; see " + log.getFileName());
      }
      String notes = scenario.run(hub, plugin, usable);
      Set<String> missing = hub.awaitAnswers(usable, ANSWER_WAIT_MILLIS);
      for (int retry = 0; retry < 2 && !missing.isEmpty() && plugin.isAlive(); retry++) {
        hub.resendUnanswered(); // a Hub retries what it never heard back about
        missing = hub.awaitAnswers(usable, ANSWER_WAIT_MILLIS);
      }
      boolean stopped = name.startsWith("SIGTERM");
      boolean crashed = plugin.crashed() || (!stopped && !plugin.isAlive());
      String out = plugin.output();
      int lost = count(out, Pattern.compile("is lost|it is lost"));
      int leaked = count(out, Pattern.compile(Pattern.quote(marker))) + count(hub.receivedText(),
          Pattern.compile(Pattern.quote(marker)));
      // The grep means something only if the marker reached the plugin's code and came back masked.
      int masked = 0;
      for (String id : usable) {
        if (hub.answersTo(id).stream().anyMatch(a -> a.path("error").path("message").asText()
            .contains("with token [REDACTED] and key [REDACTED]"))) {
          masked++;
        }
      }
      return new SuiteResult(name, usable.size(), usable.size() - missing.size(), lost, missing.size(), leaked,
          crashed, plugin.peakHeapBytes(), heap, notes + "; " + masked + " marker error(s) came back masked");
    }
  }

  /** A mix of quick and slow requests, with usable ids. */
  private void load(FakeHub hub, Set<String> usable, int n) {
    for (int i = 0; i < n; i++) {
      if (i % 5 == 0) {
        leak(hub, usable);
      } else if (i % 2 == 0) {
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"slow\",\"parameters\":{\"millis\":50}");
      } else {
        hub.request("invoke_tool", id(usable), "\"tool_name\":\"echo\",\"parameters\":{\"text\":\"hi\"}");
      }
    }
  }

  /** A request whose tool throws an exception quoting the marker: in a credential and in a nested Secret. */
  private void leak(FakeHub hub, Set<String> usable) {
    hub.request("invoke_tool", id(usable), "\"tool_name\":\"leak\",\"parameters\":{\"connection\":{\"host\":\"db\","
        + "\"token\":\"" + marker + "-token\"},\"key\":\"c1\"},\"credentials\":{\"c1\":{\"api_key\":\"" + marker
        + "-key\"}}");
  }

  private String id(Set<String> usable) {
    String id = "req-" + (++ids);
    usable.add(id);
    return id;
  }

  private static int count(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  Path logs() {
    return logs;
  }

  void ensureLogs() throws IOException {
    java.nio.file.Files.createDirectories(logs);
  }
}
