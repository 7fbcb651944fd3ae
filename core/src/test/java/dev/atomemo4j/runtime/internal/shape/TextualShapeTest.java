package dev.atomemo4j.runtime.internal.shape;

import static dev.atomemo4j.runtime.internal.shape.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.Shape.TextKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strings that are typed values in Java: decoded into the type, refused with a readable message, encoded back. */
class TextualShapeTest {

  static List<Arguments> goodValues() {
    return List.of(
        Arguments.of(TextKind.INSTANT, "2024-05-01T10:15:30Z", Instant.parse("2024-05-01T10:15:30Z")),
        Arguments.of(TextKind.INSTANT, "2024-05-01T12:15:30+02:00", Instant.parse("2024-05-01T10:15:30Z")),
        Arguments.of(TextKind.OFFSET_DATE_TIME, "2024-05-01T10:15:30+02:00",
            OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2))),
        Arguments.of(TextKind.ZONED_DATE_TIME, "2024-05-01T10:15:30+02:00[Europe/Paris]",
            ZonedDateTime.parse("2024-05-01T10:15:30+02:00[Europe/Paris]")),
        Arguments.of(TextKind.LOCAL_DATE, "2024-05-01", LocalDate.of(2024, 5, 1)),
        Arguments.of(TextKind.LOCAL_TIME, "10:15", LocalTime.of(10, 15)),
        Arguments.of(TextKind.LOCAL_DATE_TIME, "2024-05-01T10:15:30", LocalDateTime.of(2024, 5, 1, 10, 15, 30)),
        Arguments.of(TextKind.DURATION, "PT15M", Duration.ofMinutes(15)),
        Arguments.of(TextKind.UUID, "123e4567-e89b-12d3-a456-426614174000",
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
        Arguments.of(TextKind.URI, "https://example.com/a?b=c", URI.create("https://example.com/a?b=c")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("goodValues")
  void decodesAGoodValueIntoItsJavaType(TextKind kind, String text, Object expected) {
    Decoded d = ShapeDecoder.decode(new Shape.Textual(kind), json("'" + text + "'"), DecodeContext.EMPTY);

    assertThat(d.problems()).isEmpty();
    assertThat(d.value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("goodValues")
  void encodesTheValueBackToTheSameText(TextKind kind, String text, Object value) {
    // Instants are written in UTC, zoned date-times with their offset, local times with seconds.
    String expected = kind == TextKind.INSTANT ? "2024-05-01T10:15:30Z"
        : kind == TextKind.ZONED_DATE_TIME ? "2024-05-01T10:15:30+02:00"
        : kind == TextKind.LOCAL_TIME ? "10:15:00" : text;

    assertThat(ShapeEncoder.encode(value, new Shape.Textual(kind)).textValue()).isEqualTo(expected);
  }

  static List<Arguments> badValues() {
    return List.of(
        Arguments.of(TextKind.INSTANT, "'2024-05-01 10:15'", "must be an instant with an offset, e.g. "
            + "2024-05-01T10:15:30Z, got \"2024-05-01 10:15\""),
        Arguments.of(TextKind.LOCAL_DATE, "'2024-13-01'", "must be a date, e.g. 2024-05-01, got \"2024-13-01\""),
        Arguments.of(TextKind.DURATION, "'15 minutes'", "must be an ISO-8601 duration, e.g. PT15M or P1DT2H, got "
            + "\"15 minutes\""),
        Arguments.of(TextKind.UUID, "'1-2-3-4-5'", "must be a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000, got "
            + "\"1-2-3-4-5\""),
        Arguments.of(TextKind.URI, "'/relative/path'", "must be an absolute URI, e.g. https://example.com/a, got "
            + "\"/relative/path\""),
        Arguments.of(TextKind.URL, "'mailto x'", "must be an absolute URL, e.g. https://example.com/a, got "
            + "\"mailto x\""),
        Arguments.of(TextKind.BASE64, "'not base64!'", "must be bytes in base64, e.g. aGVsbG8=, got \"not base64!\""),
        Arguments.of(TextKind.LOCAL_DATE, "20240501", "must be a string: a date, e.g. 2024-05-01, got 20240501"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badValues")
  void refusesABadValueSayingWhatAGoodOneLooksLike(TextKind kind, String json, String message) {
    Decoded d = ShapeDecoder.decode(new Shape.Textual(kind), json(json), DecodeContext.EMPTY);

    assertThat(d.problems()).containsExactly(new Problem("", message));
  }

  @org.junit.jupiter.api.Test
  void bytesTravelAsBase64BothWays() {
    Decoded d = ShapeDecoder.decode(new Shape.Textual(TextKind.BASE64), json("'aGVsbG8='"), DecodeContext.EMPTY);

    assertThat((byte[]) d.value()).isEqualTo("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(ShapeEncoder.encode("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)).textValue())
        .isEqualTo("aGVsbG8=");
  }

  @org.junit.jupiter.api.Test
  void aUrlIsEncodedAsItsText() throws Exception {
    assertThat(ShapeEncoder.encode(new java.net.URL("https://example.com/x")).textValue())
        .isEqualTo("https://example.com/x");
  }
}
