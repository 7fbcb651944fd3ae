package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.host.actions.JdbcActionStore;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import dev.atomemo4j.host.testplugins.ActionsPluginRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's action routes, over real HTTP on loopback. */
class ActionsHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String MARKER = "MARKER-http-5ec2e7";

  @TempDir
  Path dir;
  JdbcActionStore store;
  PluginHost host;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    ActionsPlugin.reset();
    store = JdbcActionStore.h2File(dir.resolve("http"));
    host = PluginHost.builder().plugin(new ActionsPluginRegistry()).actionStore(store).adminPort(0).start();
  }

  @AfterEach
  void stop() {
    host.close();
    store.close();
  }

  HttpResponse<String> send(String method, String path, String body, String user, String roles) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.adminUrl().orElseThrow() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("X-Atomemo4j-User", user);
    }
    if (roles != null) {
      b.header("X-Atomemo4j-Roles", roles);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String propose() throws Exception {
    HttpResponse<String> r = send("POST", "/api/actions/requests", "{\"plugin\":\"actions\",\"action\":"
        + "\"open_ticket\",\"input\":{\"title\":\"printer\",\"token\":\"" + MARKER + "\"}}", "bob", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asText();
  }

  @Test
  void aProposedRequestIsListedAsPendingWithItsSummaryAndMaskedInput() throws Exception {
    String id = propose();

    HttpResponse<String> list = send("GET", "/api/actions/requests?state=pending", null, null, null);

    JsonNode requests = JSON.readTree(list.body()).get("requests");
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).get("id").asText()).isEqualTo(id);
    assertThat(requests.get(0).get("summary").asText()).isEqualTo("Open ticket: printer (token [REDACTED])");
    assertThat(requests.get(0).get("input").get("token").asText()).isEqualTo("[REDACTED]");
    assertThat(list.body()).doesNotContain(MARKER);
  }

  @Test
  void approvingOverHttpRunsTheActionOnceAndTheRequestShowsItsResultAndAudit() throws Exception {
    String id = propose();

    HttpResponse<String> approved = send("POST", "/api/actions/requests/" + id + "/approve", null, "alice",
        "approver");
    HttpResponse<String> again = send("POST", "/api/actions/requests/" + id + "/approve", null, "carol",
        "approver");
    HttpResponse<String> one = send("GET", "/api/actions/requests/" + id, null, null, null);

    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(approved.body()).get("state").asText()).isEqualTo("succeeded");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("code").asText()).isEqualTo("action:not_pending");
    JsonNode request = JSON.readTree(one.body());
    assertThat(request.get("result").asText()).isEqualTo("T-printer");
    assertThat(request.get("audit")).extracting(a -> a.get("to").asText())
        .containsExactly("pending", "approved", "executing", "succeeded");
    assertThat(ActionsPlugin.RUNS.get(id)).hasValue(1);
    assertThat(one.body()).doesNotContain(MARKER);
  }

  @Test
  void aDecisionWithoutAUserIsRefusedWith401AndNothingRuns() throws Exception {
    String id = propose();

    HttpResponse<String> r = send("POST", "/api/actions/requests/" + id + "/approve", null, null, null);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("action:no_user");
    assertThat(ActionsPlugin.RUNS).doesNotContainKey(id);
  }

  @Test
  void denyingOverHttpMovesTheRequestToDenied() throws Exception {
    String id = propose();

    HttpResponse<String> r = send("POST", "/api/actions/requests/" + id + "/deny", null, "alice", "approver");
    HttpResponse<String> denied = send("GET", "/api/actions/requests?state=denied", null, null, null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(denied.body()).get("requests").get(0).get("id").asText()).isEqualTo(id);
    assertThat(ActionsPlugin.RUNS).doesNotContainKey(id);
  }

  @Test
  void anUnknownRequestIs404() throws Exception {
    HttpResponse<String> r = send("GET", "/api/actions/requests/nope", null, null, null);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("action:not_found");
  }
}
