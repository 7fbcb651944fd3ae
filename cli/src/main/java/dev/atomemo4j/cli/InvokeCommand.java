package dev.atomemo4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    header = "Invokes a tool through a running dev hub and prints the result.",
    description = {
        "Invokes a tool through a running dev hub (atomemo4j dev) and prints the result.",
        "Exit status: 0 the tool answered, 1 it answered an error, 2 bad input or no hub."})
final class InvokeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLUGIN", description = "the plugin name")
  String plugin;

  @Parameters(index = "1", paramLabel = "TOOL", description = "the tool name")
  String tool;

  @Parameters(index = "2", arity = "0..1", paramLabel = "JSON", defaultValue = "{}",
      description = "the parameters as a JSON object (default {})")
  String parameters;

  @Option(names = "--credential", paramLabel = "PARAM=ID",
      description = "a credential parameter and the stored instance id to pass (repeatable)")
  Map<String, String> credentials = new LinkedHashMap<>();

  @Option(names = "--hub", description = "the dev hub's URL (default: the one atomemo4j dev recorded, else "
      + "http://127.0.0.1:4000)")
  URI hub;

  @Option(names = "--data", defaultValue = ".atomemo4j-devhub", description = "the dev hub's data directory")
  Path data;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonNode params;
    try {
      params = JSON.readTree(parameters);
    } catch (IOException e) {
      err.println("atomemo4j: the parameters are not JSON: " + e.getMessage().lines().findFirst().orElse(""));
      return ExitCodes.BAD_INPUT;
    }
    if (!params.isObject()) {
      err.println("atomemo4j: the parameters must be a JSON object, e.g. '{\"format\": \"iso\"}'");
      return ExitCodes.BAD_INPUT;
    }
    URI base = hub;
    if (base != null && !isHttpUrl(base)) {
      err.println("atomemo4j: --hub must be the dev hub's http:// URL, e.g. http://127.0.0.1:4000 (as atomemo4j dev"
          + " prints it); got \"" + base + "\"");
      return ExitCodes.BAD_INPUT;
    }
    if (base == null) {
      String recorded = HubFile.url(data);
      base = URI.create(recorded != null ? recorded : "http://127.0.0.1:4000");
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("parameters", params);
    if (!credentials.isEmpty()) {
      body.set("credentials", JSON.valueToTree(credentials));
    }
    URI uri = base.resolve("/api/plugins/" + encode(plugin) + "/tools/" + encode(tool) + "/invoke");
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(uri).header("content-type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      err.println("atomemo4j: no dev hub answers at " + base + " (start one with ./atomemo4j dev, or pass --hub)");
      return ExitCodes.BAD_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.BAD_INPUT;
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      err.println("atomemo4j: the hub answered " + response.statusCode() + " with something that is not JSON");
      return ExitCodes.BAD_INPUT;
    }
    if (response.statusCode() != 200) {
      JsonNode e = answer.path("error");
      err.println("atomemo4j: [" + e.path("code").asText("error") + "] " + e.path("message").asText(response.body()));
      return ExitCodes.BAD_INPUT;
    }
    try {
      if (answer.path("ok").asBoolean()) {
        out.println(JSON.writeValueAsString(answer.get("data")));
        return ExitCodes.OK;
      }
      err.println(JSON.writeValueAsString(answer.get("error")));
      return ExitCodes.INVALID;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isHttpUrl(URI uri) {
    String scheme = uri.getScheme();
    return uri.isAbsolute() && uri.getHost() != null
        && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
