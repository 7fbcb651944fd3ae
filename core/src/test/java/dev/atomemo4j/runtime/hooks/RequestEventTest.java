package dev.atomemo4j.runtime.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestEventTest {

  @Test
  void credentialHeadersReachHooksRedacted() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Authorization", List.of("Bearer s3cr3t-token"));
    headers.put("Cookie", List.of("session=abc123"));
    headers.put("X-Api-Key", List.of("k-999"));
    headers.put("Content-Type", List.of("application/json"));

    RequestEvent event = new RequestEvent(null, "POST", "/api/actions", headers);

    assertThat(event.header("authorization")).containsExactly(RequestEvent.REDACTED);
    assertThat(event.header("cookie")).containsExactly(RequestEvent.REDACTED);
    assertThat(event.header("x-api-key")).containsExactly(RequestEvent.REDACTED);
    assertThat(event.toString()).doesNotContain("s3cr3t-token").doesNotContain("abc123").doesNotContain("k-999");
  }

  @Test
  void otherHeadersArriveAsSentAndAreLookedUpIgnoringCase() {
    RequestEvent event = new RequestEvent("hooks", "GET", "/plugins/hooks/x",
        Map.of("X-Signature", List.of("sha256=ab", "sha256=cd")));

    assertThat(event.header("x-signature")).containsExactly("sha256=ab", "sha256=cd");
    assertThat(event.header("absent")).isEmpty();
  }

  @Test
  void theHeadersCannotBeChangedThroughTheEventOrTheCallersMap() {
    List<String> values = new ArrayList<>(List.of("a"));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Trace", values);
    RequestEvent event = new RequestEvent(null, "GET", "/", headers);
    values.add("b");
    headers.put("X-Late", List.of("c"));

    assertThat(event.headers()).containsOnlyKeys("X-Trace");
    assertThat(event.header("X-Trace")).containsExactly("a");
    assertThatThrownBy(() -> event.headers().put("X", List.of())).isInstanceOf(UnsupportedOperationException.class);
  }
}
