package dev.atomemo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's commands, run through the real ./atomemo4j launcher as a user would. */
class LauncherIT {

  static final Path ROOT = Path.of(System.getProperty("atomemo4j.root", "..")).toAbsolutePath().normalize();

  record Result(int status, byte[] out, String err) {}

  static Result launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("atomemo4j").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("atomemo4j-out", ".txt");
    Path err = Files.createTempFile("atomemo4j-err", ".txt");
    Process p = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
  }

  static Path official(String name) {
    return Path.of(System.getProperty("atomemo4j.shared", "../../shared"), "conformance", "official-definitions",
        name).toAbsolutePath().normalize();
  }

  @Test
  void validateThroughTheLauncherAcceptsTheOfficialDefinitions() throws Exception {
    Result r = launch("validate", official("airtable.json").toString(), official("notion.json").toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(new String(r.out(), StandardCharsets.UTF_8)).contains("OK " + official("airtable.json"))
        .contains("OK " + official("notion.json"));
  }

  @Test
  void formatThroughTheLauncherWritesTheOfficialBytesEvenUnderAPosixLocale() throws Exception {
    Result r = launch("format", official("get-current-time.json").toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Files.readAllBytes(official("get-current-time.json")));
  }

  @Test
  void aMissingFileGivesOneLineAndExitStatusTwo() throws Exception {
    Result r = launch("validate", "does-not-exist.json");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("atomemo4j: does-not-exist.json: no such file\n");
  }

  @Test
  void demoRunsTheExamplePluginAgainstALocalHubAndPrintsItsResult() throws Exception {
    Result r = launch("demo");
    String out = new String(r.out(), StandardCharsets.UTF_8);

    assertThat(r.status()).as(out + r.err()).isZero();
    assertThat(out).contains("registered").contains("\"format\" : \"iso\"").contains("\"timezone\" : \"UTC\"")
        .endsWith("stopped.\n");
  }

  @Test
  void invokeWithoutARunningHubSaysHowToStartOne() throws Exception {
    Result r = launch("invoke", "get-current-time", "get-current-time", "{}", "--hub", "http://127.0.0.1:9");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no dev hub answers at http://127.0.0.1:9").contains("./atomemo4j dev");
  }

  @Test
  void benchHelpThroughTheLauncherPrintsUsageWithoutBuildingTheBenchmarks() throws Exception {
    Result r = launch("bench", "--help");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(new String(r.out(), StandardCharsets.UTF_8)).startsWith("Usage: atomemo4j bench [--smoke]")
        .contains("--only N,M");
    assertThat(r.err()).doesNotContain("building");
  }

  @Test
  void invokeRejectsParametersThatAreNotAJsonObject() throws Exception {
    Result r = launch("invoke", "p", "t", "[1]");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("must be a JSON object");
  }

  @Test
  void devRunsAPluginModuleAndInvokeReachesItThroughTheHub(@org.junit.jupiter.api.io.TempDir Path data)
      throws Exception {
    Path log = Files.createTempFile("atomemo4j-dev", ".log");
    Process dev = new ProcessBuilder(ROOT.resolve("atomemo4j").toString(), "dev", "examples/get-current-time",
        "--port", "0", "--data", data.toString()).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      Result r = null;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (System.nanoTime() < deadline) {
        if (Files.exists(data.resolve("hub.json")) && Files.readString(log).contains("Registered plugin")) {
          r = launch("invoke", "get-current-time", "get-current-time", "{\"format\": \"unix\"}", "--data",
              data.toString());
          break;
        }
        assertThat(dev.isAlive()).as(Files.readString(log)).isTrue();
        assertThat(Files.readString(log)).doesNotContain("the plugin exited");
        Thread.sleep(250);
      }
      assertThat(r).as("the plugin registered in time; output:\n" + Files.readString(log)).isNotNull();
      assertThat(r.status()).as(r.err()).isZero();
      assertThat(new String(r.out(), StandardCharsets.UTF_8)).contains("\"format\" : \"unix\"");
      String output = Files.readString(log);
      assertThat(output).contains("  plugin:            get-current-time (examples/get-current-time)");
      assertThat(output).as("Maven's colour codes do not leak into dev's output").doesNotContain("\u001B");
    } finally {
      dev.destroy(); // SIGTERM, as Ctrl-C: the plugin and the hub stop
      assertThat(dev.waitFor(60, TimeUnit.SECONDS)).as("dev stopped on SIGTERM").isTrue();
    }
    assertThat(data.resolve("hub.json")).doesNotExist();
  }

  @Test
  void hostRunsTheGlossaryExampleServesItsContextRefreshesAndTearsDownOnSigterm(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path glossary = dir.resolve("glossary.txt");
    Files.writeString(glossary, "ARR: annual recurring revenue\n");
    Path hostFile = dir.resolve("host.yaml");
    Files.writeString(hostFile, String.join("\n",
        "http:",
        "  port: 0",
        "plugins:",
        "  - plugin: company-glossary",
        "    config:",
        "      path: ${GLOSSARY}",
        ""));
    Path log = Files.createTempFile("atomemo4j-host", ".log");
    ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("atomemo4j").toString(), "host", hostFile.toString(),
        "--module", "examples/company-glossary").directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("GLOSSARY", glossary.toString());
    Process host = pb.start();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    try {
      String admin = null;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (admin == null && System.nanoTime() < deadline) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("admin API:\\s+(http://\\S+)")
            .matcher(Files.readString(log));
        if (m.find()) {
          admin = m.group(1);
        } else {
          assertThat(host.isAlive()).as(Files.readString(log)).isTrue();
          Thread.sleep(250);
        }
      }
      assertThat(admin).as("the host started in time; output:\n" + Files.readString(log)).isNotNull();
      assertThat(Files.readString(log)).contains("company-glossary 0.1.0-SNAPSHOT: healthy");

      assertThat(get(http, admin + "/api/context")).contains("**ARR**: annual recurring revenue");

      Files.writeString(glossary, "ARR: annual recurring revenue\nNRR: net revenue retention\n");
      assertThat(post(http, admin + "/api/plugins/company-glossary/refresh")).contains("\"ok\":true");
      assertThat(get(http, admin + "/api/context")).contains("**NRR**: net revenue retention");
    } finally {
      host.destroy(); // SIGTERM: the host tears its plugins down
      assertThat(host.waitFor(60, TimeUnit.SECONDS)).as("host stopped on SIGTERM").isTrue();
    }
    assertThat(Files.readString(log)).contains("company-glossary: healthy -> teardown")
        .contains("glossary unloaded");
  }

  @Test
  void hostWithABadConfigListsEveryProblemAndExitsWithTwo(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path hostFile = dir.resolve("host.yaml");
    Files.writeString(hostFile, String.join("\n",
        "plugins:",
        "  - plugin: company-glossary",
        "    config:",
        "      path: \"  \"",
        "      maxTerms: 0",
        "      colour: blue",
        ""));
    Result r = launch("host", hostFile.toString(), "--module", "examples/company-glossary");

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("3 problems [host:invalid_config]")
        .contains("plugins.company-glossary.config.path: ").contains("[config:not_blank]")
        .contains("plugins.company-glossary.config.maxTerms: ").contains("[config:min]")
        .contains("plugins.company-glossary.config.colour: ").contains("[config:unknown_key]");
  }

  @Test
  void mcpOnStdioBuildsTheModuleAndKeepsStandardOutputForTheProtocol() throws Exception {
    Path out = Files.createTempFile("atomemo4j-mcp-out", ".txt");
    Path err = Files.createTempFile("atomemo4j-mcp-err", ".txt");
    Process mcp = new ProcessBuilder(ROOT.resolve("atomemo4j").toString(), "mcp", "examples/get-current-time")
        .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try (var in = mcp.getOutputStream()) {
      in.write(String.join("\n",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get-current-time\","
              + "\"arguments\":{\"format\":5}}}",
          "").getBytes(StandardCharsets.UTF_8));
      in.flush();
      // The answers come once the build is done and the server is up; end of input then stops the server.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (Files.readAllLines(out).size() < 2 && mcp.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    }
    assertThat(mcp.waitFor(60, TimeUnit.SECONDS)).as("the server ended with its input").isTrue();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).as("stderr: %s", Files.readString(err)).hasSize(2);
    assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\""));
    assertThat(lines.get(0)).contains("\"serverInfo\":{\"name\":\"get-current-time\"");
    // A wrong parameter type: the core's pipeline answers it, as a tool error carrying our stable code.
    assertThat(lines.get(1)).contains("\"isError\":true").contains("sdk:invalid_parameter");
    assertThat(Files.readString(err)).contains("atomemo4j: building examples/get-current-time");
    assertThat(mcp.exitValue()).isZero();
  }

  @Test
  void mcpWithAHostFileServesTheHostsContextPluginsAsResources() throws Exception {
    Path out = Files.createTempFile("atomemo4j-mcp-host-out", ".txt");
    Path err = Files.createTempFile("atomemo4j-mcp-host-err", ".txt");
    ProcessBuilder command = new ProcessBuilder(ROOT.resolve("atomemo4j").toString(), "mcp",
        "examples/company-glossary", "--host-file", "examples/company-glossary/host.yaml")
        .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    command.environment().put("GLOSSARY_ADMIN_PORT", "0");
    Process mcp = command.start();
    try (var in = mcp.getOutputStream()) {
      in.write(String.join("\n",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/list\",\"params\":{}}",
          "").getBytes(StandardCharsets.UTF_8));
      in.flush();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (Files.readAllLines(out).size() < 2 && mcp.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    }
    assertThat(mcp.waitFor(60, TimeUnit.SECONDS)).as("the server ended with its input").isTrue();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).as("stderr: %s", Files.readString(err)).hasSize(2);
    assertThat(lines.get(1)).contains("atomemo4j://context/company-glossary");
    assertThat(Files.readString(err)).contains("host booted: 1 plugin(s), 1 context resource(s)");
    assertThat(mcp.exitValue()).isZero();
  }

  @Test
  void mcpWithAHostFileServesTheHostsDatasourcesAsQueryTools() throws Exception {
    Path out = Files.createTempFile("atomemo4j-mcp-query-out", ".txt");
    Path err = Files.createTempFile("atomemo4j-mcp-query-err", ".txt");
    ProcessBuilder command = new ProcessBuilder(ROOT.resolve("atomemo4j").toString(), "mcp",
        "examples/h2-datasource", "--host-file", "examples/h2-datasource/host.yaml")
        .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    command.environment().put("SHOP_ADMIN_PORT", "0");
    Process mcp = command.start();
    try (var in = mcp.getOutputStream()) {
      in.write(String.join("\n",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}",
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"query_h2-datasource\",\"arguments\":{\"sql\":\"SELECT salary FROM staff_salaries\"}}}",
          "").getBytes(StandardCharsets.UTF_8));
      in.flush();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (Files.readAllLines(out).size() < 3 && mcp.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    }
    assertThat(mcp.waitFor(60, TimeUnit.SECONDS)).as("the server ended with its input").isTrue();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).as("stderr: %s", Files.readString(err)).hasSize(3);
    assertThat(lines.get(1)).contains("\"name\":\"query_h2-datasource\"").contains("H2 SQL.");
    // The host's whitelist refused it: a tool error carrying the host's stable code.
    assertThat(lines.get(2)).contains("\"isError\":true").contains("query:table_not_allowed");
    assertThat(Files.readString(err)).contains("1 query tool(s)");
    assertThat(mcp.exitValue()).isZero();
  }

  @Test
  void mcpWithoutAPluginGivesOneLineAndExitStatusTwo() throws Exception {
    Result r = launch("mcp", "does-not-exist.jar");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("atomemo4j: does-not-exist.jar is neither a Maven module directory nor a jar\n");
    assertThat(r.out()).isEmpty();
  }

  private static String get(java.net.http.HttpClient http, String url) throws Exception {
    return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String post(java.net.http.HttpClient http, String url) throws Exception {
    return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }
}
