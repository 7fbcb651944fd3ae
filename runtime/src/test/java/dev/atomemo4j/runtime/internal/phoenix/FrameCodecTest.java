package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.testsupport.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodecTest {

  private final FrameCodec codec = new FrameCodec(1024);

  @Test
  void decodesAServerPush() throws Exception {
    Frame frame = codec.decode("[\"1\",null,\"debug_plugin:x\",\"invoke_tool\",{\"request_id\":\"r\"}]");

    assertThat(frame.joinRef()).isEqualTo("1");
    assertThat(frame.ref()).isNull();
    assertThat(frame.topic()).isEqualTo("debug_plugin:x");
    assertThat(frame.event()).isEqualTo("invoke_tool");
    assertThat(frame.payload()).isEqualTo(Json.parse("{'request_id':'r'}"));
  }

  @Test
  void topicsAndPayloadsMayHoldCommasQuotesAndBrackets() throws Exception {
    Frame frame = codec.decode("[null,\"7\",\"a,b\\\"]\",\"e,\",{\"k\":\"],[\\\"\"}]");

    assertThat(frame.topic()).isEqualTo("a,b\"]");
    assertThat(frame.event()).isEqualTo("e,");
    assertThat(frame.payload().get("k").asText()).isEqualTo("],[\"");
  }

  @Test
  void encodesNullRefsAndEmbedsThePayloadVerbatim() {
    assertThat(codec.encode(null, "3", "phoenix", "heartbeat", "{}"))
        .isEqualTo("[null,\"3\",\"phoenix\",\"heartbeat\",{}]");
    assertThat(codec.encode("1", "2", "t\"q", "e", "{\"a\":[1,2]}"))
        .isEqualTo("[\"1\",\"2\",\"t\\\"q\",\"e\",{\"a\":[1,2]}]");
  }

  @Test
  void escapesControlCharactersInTopicsAsJacksonDoes() throws Exception {
    String topic = "a\u0001b\\c\n";

    String text = codec.encode(null, "1", topic, "e", "{}");

    assertThat(text).isEqualTo("[null,\"1\",\"a\\u0001b\\\\c\\n\",\"e\",{}]");
    assertThat(codec.decode(text).topic()).isEqualTo(topic);
  }

  @Test
  void aFramesCountedSizeIsItsUtf8Length() {
    String payload = "{\"t\":\"é中😀\"}";
    long payloadBytes = FrameCodec.utf8Length(payload);

    FrameCodec.Encoded frame = codec.encodeFrame("1", "2", "topic:é", "ev", payload, payloadBytes);

    assertThat(frame.bytes()).isEqualTo(frame.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(codec.encodeFrame("1", "2", "topic:é", "ev", payload).bytes()).isEqualTo(frame.bytes());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "nope",
        "{}",
        "[]",
        "[null,null,\"t\",\"e\"]",
        "[null,null,\"t\",\"e\",{},1]",
        "[1,null,\"t\",\"e\",{}]",
        "[null,true,\"t\",\"e\",{}]",
        "[null,null,null,\"e\",{}]",
        "[null,null,\"t\",5,{}]",
        "[null,null,\"t\",\"e\",[]]",
        "[null,null,\"t\",\"e\",\"s\"]",
        "[null,null,\"t\",\"e\",null]",
        "[null,null,\"t\",\"e\",{}] [1]",
        "[null,null,\"t\",\"e\",{\"a\":}]"
      })
  void rejectsAnythingButAFiveElementArrayWithStringFieldsAndAnObjectPayload(String text) {
    assertThatThrownBy(() -> codec.decode(text)).isInstanceOf(FrameCodec.MalformedFrameException.class);
  }

  @Test
  void rejectsFramesOverTheLimitBeforeParsing() {
    String big = "[null,null,\"t\",\"e\",{\"a\":\"" + "é".repeat(600) + "\"}]"; // 1200+ bytes, ~620 chars

    assertThatThrownBy(() -> codec.decode(big))
        .isInstanceOf(FrameCodec.MalformedFrameException.class)
        .hasMessageContaining("exceeds the limit of 1024 bytes");
  }

  @Test
  void malformedFrameMessagesNeverQuoteTheFrame() {
    assertThatThrownBy(() -> codec.decode("[null,null,\"t\",\"e\",{\"secret\": sekret}]"))
        .isInstanceOf(FrameCodec.MalformedFrameException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sekret").startsWith("invalid JSON at line 1"));
  }

  @Test
  void utf8LengthCountsBytesNotChars() {
    assertThat(FrameCodec.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
  }
}
