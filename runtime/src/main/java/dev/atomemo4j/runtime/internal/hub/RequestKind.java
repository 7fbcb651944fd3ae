package dev.atomemo4j.runtime.internal.hub;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The seven requests the Hub sends (hub-protocol §8.2–8.8), with their processing limits (§8.10). */
enum RequestKind {
  INVOKE_TOOL("invoke_tool", Duration.ofMinutes(30)),
  CREDENTIAL_AUTH_SPEC("credential_auth_spec", Duration.ofSeconds(5)),
  OAUTH2_BUILD_AUTHORIZE_URL("oauth2_build_authorize_url", Duration.ofSeconds(60)),
  OAUTH2_GET_TOKEN("oauth2_get_token", Duration.ofSeconds(60)),
  OAUTH2_REFRESH_TOKEN("oauth2_refresh_token", Duration.ofSeconds(60)),
  LOCATOR_LIST("locator_list", Duration.ofSeconds(15)),
  RESOURCE_MAPPING("resource_mapping", Duration.ofSeconds(15));

  private static final Map<String, RequestKind> BY_EVENT =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(RequestKind::event, Function.identity()));

  private final String event;
  private final Duration limit;

  RequestKind(String event, Duration limit) {
    this.event = event;
    this.limit = limit;
  }

  /** The event the Hub sends. */
  String event() {
    return event;
  }

  String responseEvent() {
    return event + "_response";
  }

  String errorEvent() {
    return event + "_error";
  }

  /** §8.10: the plugin-side limit; for {@code invoke_tool}, the most a tool's own timeout may ask for. */
  Duration limit() {
    return limit;
  }

  boolean isCredentialCallback() {
    return this == CREDENTIAL_AUTH_SPEC || this == OAUTH2_BUILD_AUTHORIZE_URL || this == OAUTH2_GET_TOKEN
        || this == OAUTH2_REFRESH_TOKEN;
  }

  static RequestKind byEvent(String event) {
    return BY_EVENT.get(event);
  }
}
