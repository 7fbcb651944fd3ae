package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which OkHttp clients a plugin uses: no TLS set up to register with a ws:// hub, TLS on first https need. */
class RuntimeHttpTest {

  @TempDir Path dir;

  @Test
  void aWsHubGetsASocketClientThatCannotSpeakTlsSoNoTrustStoreIsLoaded() {
    RuntimeHttp http = RuntimeHttp.forEndpoint("ws://127.0.0.1:4000/debug_socket");

    assertThat(http.socket().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
    // OkHttp builds no SSL socket factory (and loads no trust store) for a cleartext-only client.
    assertThatThrownBy(() -> http.socket().sslSocketFactory()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theCallsClientOfAWsHubSpeaksTlsAndSharesTheSocketClientsPoolAndDispatcher() {
    RuntimeHttp http = RuntimeHttp.forEndpoint("WS://localhost:4000/debug_socket");

    OkHttpClient calls = http.calls();

    assertThat(calls.connectionSpecs()).contains(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
    assertThat(calls.sslSocketFactory()).isNotNull();
    assertThat(calls.connectionPool()).isSameAs(http.socket().connectionPool());
    assertThat(calls.dispatcher()).isSameAs(http.socket().dispatcher());
    assertThat(http.calls()).isSameAs(calls);
  }

  @Test
  void aWssHubGetsOneTlsClientForTheSocketAndTheCalls() {
    RuntimeHttp http = RuntimeHttp.forEndpoint("wss://hub.atomemo.ai/debug_socket");

    assertThat(http.socket().connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
    assertThat(http.calls()).isSameAs(http.socket());
  }

  @Test
  void theAuthorsClientIsUsedForBothAndLeftRunningAtShutDown() {
    OkHttpClient mine = new OkHttpClient();
    RuntimeHttp http = RuntimeHttp.given(mine);

    http.shutDown();

    assertThat(http.socket()).isSameAs(mine);
    assertThat(http.calls()).isSameAs(mine);
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void shutDownStopsTheRuntimesOwnDispatcher() {
    RuntimeHttp http = RuntimeHttp.forEndpoint("ws://127.0.0.1:4000/debug_socket");
    OkHttpClient calls = http.calls();

    http.shutDown();

    assertThat(calls.dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void aPluginWithTheRuntimesOwnClientsRegistersOverWsAndUploadsWithTheCallsClient() throws Exception {
    try (HubFixture fx = new HubFixture(dir); MockWebServer storage = new MockWebServer()) {
      storage.start();
      fx.options.httpClient = null;
      HubConnection hub = fx.startAndRegister();
      storage.enqueue(new MockResponse.Builder().code(200).build());

      fx.send("invoke_tool", "{'request_id':'r','tool_name':'upload','parameters':{'text':'hello'}}");
      ArrayNode call = hub.expectEvent("hub_call:get_upload_url");
      fx.send("hub_call_response", "{'request_id':'" + call.get(4).get("request_id").asText() + "','data':"
          + "{'presigned_url':'" + storage.url("/bucket/up?sig=2") + "','res_key':'org/out/note.txt'}}");

      assertThat(hub.expectEvent("invoke_tool_response").get(4).get("data").get("res_key").asText())
          .isEqualTo("org/out/note.txt");
      RecordedRequest put = storage.takeRequest(5, TimeUnit.SECONDS);
      assertThat(put.getMethod()).isEqualTo("PUT");
      assertThat(put.getBody().utf8()).isEqualTo("hello");
    }
  }
}
