package dev.atomemo4j.mcp;

import static dev.atomemo4j.mcp.NodeClient.call;
import static dev.atomemo4j.mcp.NodeClient.errorOf;
import static dev.atomemo4j.mcp.NodeClient.list;
import static dev.atomemo4j.mcp.NodeClient.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.mcp.fixture.VaultRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credential values come from the server's configuration, never from the client, and never leak. */
class CredentialsTest {

  static final String KEY = "s3cr3t-vault-key-42";
  static JsonNode configured;
  static JsonNode unconfigured;

  @BeforeAll
  static void runClients() throws Exception {
    McpCredentials credentials = McpCredentials.fromEnvironment(new VaultRegistry().descriptor(),
        Map.of("ATOMEMO4J_CREDENTIAL_VAULT_KEY", "{\"owner\": \"ada\", \"key\": \"" + KEY + "\"}"));
    ObjectNode plan = list(plan());
    call(plan, "whoami", "{}");
    call(plan, "leak-key", "{}");
    configured = serve(credentials, plan);

    plan = plan();
    call(plan, "whoami", "{\"key\": \"vault-key\"}");
    unconfigured = serve(McpCredentials.none(), plan);
  }

  static JsonNode serve(McpCredentials credentials, ObjectNode plan) throws Exception {
    try (McpPluginServer.Running http = McpPluginServer.builder(new VaultRegistry()).credentials(credentials).build()
        .serveHttp(new InetSocketAddress("127.0.0.1", 0))) {
      plan.put("http", http.url().orElseThrow().toString());
      return NodeClient.run(plan);
    }
  }

  @Test
  void theCredentialParameterIsHiddenFromTheClient() {
    JsonNode whoami = configured.path("steps").get(0).path("tools").get(0);
    assertThat(whoami.path("inputSchema").path("properties").has("key")).isFalse();
    assertThat(whoami.path("inputSchema").path("required").toString()).doesNotContain("\"key\"");
  }

  @Test
  void aToolGetsTheConfiguredCredential() {
    JsonNode result = configured.path("steps").get(1).path("result");
    assertThat(result.path("structuredContent").path("owner").asText()).as("%s", result).isEqualTo("ada");
    assertThat(result.path("structuredContent").path("key_length").asInt()).isEqualTo(KEY.length());
  }

  @Test
  void aSecretQuotedInAToolErrorIsRedacted() throws Exception {
    JsonNode error = errorOf(configured.path("steps").get(2));
    assertThat(error.path("code").asText()).isEqualTo("vault:refused");
    assertThat(error.path("message").asText()).doesNotContain(KEY).contains("[REDACTED]");
  }

  @Test
  void aToolWhoseCredentialIsNotConfiguredAnswersCredentialMissing() throws Exception {
    JsonNode error = errorOf(unconfigured.path("steps").get(0));
    assertThat(error.path("code").asText()).isEqualTo(McpErrorCodes.CREDENTIAL_MISSING);
    assertThat(error.path("message").asText()).contains("vault-key").contains("ATOMEMO4J_CREDENTIAL_VAULT_KEY");
  }

  @Test
  void aCredentialsFileGivesValuesByCredentialName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("credentials.json");
    Files.writeString(file, "{\"vault-key\": {\"owner\": \"bob\", \"key\": \"k\"}}");
    assertThat(McpCredentials.fromFile(file).valuesOf("vault-key").orElseThrow().path("owner").asText())
        .isEqualTo("bob");
  }

  @Test
  void anEnvironmentValueThatIsNotJsonIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> McpCredentials.fromEnvironment(new VaultRegistry().descriptor(),
        Map.of("ATOMEMO4J_CREDENTIAL_VAULT_KEY", "not json " + KEY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ATOMEMO4J_CREDENTIAL_VAULT_KEY")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void credentialsPrintOnlyTheirNames() throws Exception {
    McpCredentials c = McpCredentials.of(Map.of("vault-key", NodeClient.JSON.readTree("{\"key\": \"" + KEY + "\"}")));
    assertThat(c.toString()).contains("vault-key").doesNotContain(KEY);
  }
}
