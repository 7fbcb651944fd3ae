package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** hub-protocol.md §2.1: {@code <endpoint>/websocket?<params in order>&vsn=2.0.0}. */
class EndpointUrlTest {

  @Test
  void debugUrlPutsApiKeyBeforeVsn() {
    assertThat(PhoenixSocket.endPointUrl("wss://plugin-hub.atomemo.ai/debug_socket", Map.of("api_key", "K3y")))
        .isEqualTo("wss://plugin-hub.atomemo.ai/debug_socket/websocket?api_key=K3y&vsn=2.0.0");
  }

  @Test
  void releaseUrlHasOnlyVsn() {
    assertThat(PhoenixSocket.endPointUrl("wss://plugin-hub.atomemo.ai/release_socket", Map.of()))
        .isEqualTo("wss://plugin-hub.atomemo.ai/release_socket/websocket?vsn=2.0.0");
  }

  @Test
  void paramsKeepInsertionOrder() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("z", "1");
    params.put("a", "2");
    assertThat(PhoenixSocket.endPointUrl("ws://h/s", params)).isEqualTo("ws://h/s/websocket?z=1&a=2&vsn=2.0.0");
  }

  @Test
  void anEndpointWithAQueryIsContinuedWithAmpersand() {
    assertThat(PhoenixSocket.endPointUrl("ws://h/s?x=1", Map.of("api_key", "k")))
        .isEqualTo("ws://h/s?x=1/websocket&api_key=k&vsn=2.0.0");
  }

  @Test
  void encodesLikeEncodeUriComponent() {
    assertThat(PhoenixSocket.encodeUriComponent("AZaz09-_.!~*'()")).isEqualTo("AZaz09-_.!~*'()");
    assertThat(PhoenixSocket.encodeUriComponent(" &=+/?#%\"")).isEqualTo("%20%26%3D%2B%2F%3F%23%25%22");
    assertThat(PhoenixSocket.encodeUriComponent("é€😀")).isEqualTo("%C3%A9%E2%82%AC%F0%9F%98%80");
  }

  @Test
  void rejectsAnUnpairedSurrogateInsteadOfCorruptingTheValue() {
    assertThatThrownBy(() -> PhoenixSocket.encodeUriComponent("a\uD800b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
