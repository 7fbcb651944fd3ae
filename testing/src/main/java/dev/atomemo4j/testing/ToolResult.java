package dev.atomemo4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;

/**
 * How one request to the plugin ended: {@code ok} with the answered {@code data}, or not ok with an
 * {@link #error()}; and how long the round trip took.
 */
public record ToolResult(boolean ok, JsonNode data, ToolError error, Duration elapsed) {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The data read into {@code type} (records and POJOs with Jackson; test code may use reflection). */
  public <T> T as(Class<T> type) {
    assertOk();
    try {
      return MAPPER.treeToValue(data, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the result does not fit " + type.getName() + ": " + e.getOriginalMessage()
          + "\nresult: " + data, e);
    }
  }

  /** This result, when it is ok; otherwise an AssertionError showing the error. */
  public ToolResult assertOk() {
    if (!ok) {
      throw new AssertionError("expected an ok result, got error " + error + (error.raw() == null ? ""
          : "\nerror: " + error.raw()));
    }
    return this;
  }

  /** This result, when it failed with {@code code}; otherwise an AssertionError. */
  public ToolResult assertError(String code) {
    if (ok) {
      throw new AssertionError("expected error " + code + ", got ok result " + data);
    }
    if (!code.equals(error.code())) {
      throw new AssertionError("expected error " + code + ", got " + error);
    }
    return this;
  }
}
