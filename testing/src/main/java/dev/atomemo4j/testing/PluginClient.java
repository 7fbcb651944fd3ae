package dev.atomemo4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.devhub.DevHub;
import dev.atomemo4j.devhub.DevHubException;
import dev.atomemo4j.devhub.RequestOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to the plugin under test the way the Hub does: every call is a real request over the WebSocket, answered
 * by the plugin's generated registry, so parameter validation, credentials and error codes behave as in
 * production. Parameters are given as maps (or JSON text) of wire names to values.
 */
public final class PluginClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DevHub hub;
  private final String plugin;
  private final Duration startup;

  PluginClient(DevHub hub, String plugin, Duration startup) {
    this.hub = hub;
    this.plugin = plugin;
    this.startup = startup;
  }

  /** Invokes a tool with parameters (wire names to values). */
  public ToolResult invoke(String tool, Map<String, ?> parameters) {
    return invoke(tool, parameters, Map.of());
  }

  /**
   * Invokes a tool, passing stored credential instances for its credential parameters.
   *
   * @param credentials credential parameter name → instance id from {@link #seedCredential}
   */
  public ToolResult invoke(String tool, Map<String, ?> parameters, Map<String, String> credentials) {
    return await(() -> hub.invokeTool(plugin, tool, MAPPER.valueToTree(parameters), credentials, null));
  }

  /** Invokes a tool with parameters written as JSON text, e.g. {@code "{\"format\": \"iso\"}"}. */
  public ToolResult invokeJson(String tool, String parametersJson) {
    JsonNode parameters;
    try {
      parameters = MAPPER.readTree(parametersJson);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("parameters are not JSON: " + e.getMessage(), e);
    }
    return await(() -> hub.invokeTool(plugin, tool, parameters, Map.of(), null));
  }

  /** Stores a credential instance with these values in the hub and returns its id. */
  public String seedCredential(String credentialName, Map<String, ?> values) {
    return hub.createCredential(plugin, credentialName, credentialName + " (test)", MAPPER.valueToTree(values));
  }

  /** Asks the plugin for the auth spec of a stored credential instance ({@code credential_auth_spec}). */
  public ToolResult authSpec(String credentialName, String instanceId) {
    return await(() -> hub.credentialAuthSpec(plugin, credentialName, instanceId));
  }

  /** Asks for one page of a resource locator's list ({@code locator_list}). */
  public ToolResult locatorList(String tool, String method, Map<String, ?> parameters, String filter) {
    return await(() -> hub.locatorList(plugin, tool, method, MAPPER.valueToTree(parameters), filter, null));
  }

  /** Asks for the fields of a resource mapper ({@code resource_mapping}). */
  public ToolResult resourceMapping(String tool, String method, Map<String, ?> parameters) {
    return await(() -> hub.resourceMapping(plugin, tool, method, MAPPER.valueToTree(parameters)));
  }

  /** The plugin's name, as it registered. */
  public String pluginName() {
    return plugin;
  }

  /** The dev hub the plugin is connected to: files, frames, catalogue. */
  public DevHub hub() {
    return hub;
  }

  /** How long starting the hub and connecting and registering the plugin took. */
  public Duration startupTime() {
    return startup;
  }

  private interface Request {
    CompletableFuture<RequestOutcome> send();
  }

  private ToolResult await(Request request) {
    try {
      // The hub applies its own request timeout; this bound only guards against a hub that never answers.
      RequestOutcome o = request.send().get(hub.requestTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
      return new ToolResult(o.ok(), o.ok() ? o.data() : null, o.ok() ? null : ToolError.of(o.error()),
          Duration.ofMillis(o.elapsedMs()));
    } catch (DevHubException e) {
      return new ToolResult(false, null, new ToolError(e.code(), e.getMessage(), null), Duration.ZERO);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof DevHubException d) {
        return new ToolResult(false, null, new ToolError(d.code(), d.getMessage(), null), Duration.ZERO);
      }
      throw new AssertionError("the request failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the plugin", e);
    } catch (TimeoutException e) {
      throw new AssertionError("the dev hub did not answer within its request timeout", e);
    }
  }
}
