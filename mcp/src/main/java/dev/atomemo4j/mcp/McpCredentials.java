package dev.atomemo4j.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The credential values an MCP server hands its plugin's tools: on the Hub a person picks a credential instance per
 * call; an MCP client knows nothing of credentials, so the server's operator configures one set of values per
 * credential, and every call of a tool that needs it gets those. Values never appear in {@link #toString()}, logs
 * or error messages.
 *
 * <p>Sources: {@link #fromEnvironment} reads {@code ATOMEMO4J_CREDENTIAL_<NAME>} (the credential name upper-cased,
 * every character other than a letter or digit as {@code _}) holding a JSON object of the credential's values;
 * {@link #fromFile} reads a JSON file {@code {"<credential name>": {<values>}}}. {@link #and} combines them.
 */
public final class McpCredentials {

  /** Prefix of the environment variables {@link #fromEnvironment} reads. */
  public static final String ENV_PREFIX = "ATOMEMO4J_CREDENTIAL_";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final McpCredentials NONE = new McpCredentials(Map.of());

  /** Credential name → its values (a JSON object). */
  private final Map<String, ObjectNode> values;

  private McpCredentials(Map<String, ObjectNode> values) {
    this.values = Map.copyOf(values);
  }

  /** No credentials: tools that need one answer {@link McpErrorCodes#CREDENTIAL_MISSING}. */
  public static McpCredentials none() {
    return NONE;
  }

  /** Explicit values, credential name → values (an embedding application's own configuration). */
  public static McpCredentials of(Map<String, ? extends JsonNode> values) {
    Map<String, ObjectNode> copy = new LinkedHashMap<>();
    values.forEach((name, v) -> copy.put(name, requireObject(v, "the values of credential `" + name + "`")));
    return new McpCredentials(copy);
  }

  /** The environment variable that holds {@code credentialName}'s values. */
  public static String environmentVariable(String credentialName) {
    return ENV_PREFIX + credentialName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * The values of {@code plugin}'s credentials found in {@code env}.
   *
   * @throws IllegalArgumentException if a variable is not a JSON object (the message names the variable, never
   *     its content)
   */
  public static McpCredentials fromEnvironment(PluginDescriptor plugin, Map<String, String> env) {
    Map<String, ObjectNode> found = new LinkedHashMap<>();
    for (CredentialBinding c : plugin.credentials()) {
      String variable = environmentVariable(c.name());
      String text = env.get(variable);
      if (text != null && !text.isBlank()) {
        found.put(c.name(), parseObject(text, "environment variable " + variable));
      }
    }
    return new McpCredentials(found);
  }

  /**
   * The values in a JSON file {@code {"<credential name>": {...}}}.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not such an object (the message never quotes values)
   */
  public static McpCredentials fromFile(Path file) throws IOException {
    String what = "credentials file " + file;
    JsonNode root = parse(Files.readString(file), what);
    if (!root.isObject()) {
      throw new IllegalArgumentException(what + " must hold a JSON object {\"<credential name>\": {values}}");
    }
    Map<String, ObjectNode> found = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      found.put(e.getKey(), requireObject(e.getValue(), "member `" + e.getKey() + "` of " + what));
    }
    return new McpCredentials(found);
  }

  /** These values, with {@code other}'s where both have a credential. */
  public McpCredentials and(McpCredentials other) {
    Map<String, ObjectNode> merged = new LinkedHashMap<>(values);
    merged.putAll(other.values);
    return new McpCredentials(merged);
  }

  /** The values of {@code credentialName}, when configured. */
  public Optional<ObjectNode> valuesOf(String credentialName) {
    return Optional.ofNullable(values.get(credentialName));
  }

  /** Names only: the values are secret. */
  @Override
  public String toString() {
    return "McpCredentials" + values.keySet();
  }

  private static ObjectNode parseObject(String text, String what) {
    return requireObject(parse(text, what), what);
  }

  private static JsonNode parse(String text, String what) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      // Not e.getMessage(): Jackson quotes the offending text, which is a secret here.
      throw new IllegalArgumentException(what + " is not valid JSON");
    }
  }

  private static ObjectNode requireObject(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object of the credential's values");
    }
    return (ObjectNode) node;
  }
}
