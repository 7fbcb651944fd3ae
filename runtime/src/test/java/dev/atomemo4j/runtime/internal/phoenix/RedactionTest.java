package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void masksTheApiKeyAndKeepsTheOtherParameters() {
    assertThat(Redaction.redact("wss://hub/debug_socket/websocket?api_key=K3y%2F+x&vsn=2.0.0"))
        .isEqualTo("wss://hub/debug_socket/websocket?api_key=REDACTED&vsn=2.0.0");
  }

  @Test
  void masksAKeyThatIsNotTheFirstParameterOrEndsTheUrl() {
    assertThat(Redaction.redact("ws://h/s?a=1&api_key=abc")).isEqualTo("ws://h/s?a=1&api_key=REDACTED");
    assertThat(Redaction.redact("ws://h/s?api_key=abc#frag")).isEqualTo("ws://h/s?api_key=REDACTED#frag");
  }

  @Test
  void masksKeysInsideLongerMessagesWhateverTheCase() {
    assertThat(Redaction.redact("Response{code=403, url=http://h/s?API_KEY=abc&vsn=2.0.0} and ?api_key=def x"))
        .isEqualTo("Response{code=403, url=http://h/s?API_KEY=REDACTED&vsn=2.0.0} and ?api_key=REDACTED x");
  }

  @Test
  void masksEveryCharacterEncodeUriComponentCanLeaveInAValue() {
    String key = "a-_.!~*'()Z9%20%26";
    assertThat(Redaction.redact("?api_key=" + key)).isEqualTo("?api_key=REDACTED");
  }

  @Test
  void leavesOtherTextAndNullAlone() {
    assertThat(Redaction.redact("no key here: my_api_key_name")).isEqualTo("no key here: my_api_key_name");
    assertThat(Redaction.redact(null)).isNull();
  }

  @Test
  void describesAThrowableChainRedactedAndWithoutStackTrace() {
    IOException e = new IOException("failed GET ws://h/s?api_key=abc", new IllegalStateException("api_key=def"));

    assertThat(Redaction.describe(e))
        .isEqualTo(
            "java.io.IOException: failed GET ws://h/s?api_key=REDACTED "
                + "caused by java.lang.IllegalStateException: api_key=REDACTED");
  }
}
