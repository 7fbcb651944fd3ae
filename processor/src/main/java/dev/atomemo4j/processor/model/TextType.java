package dev.atomemo4j.processor.model;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Java types that travel as strings: dates and times, durations, UUIDs, URIs and URLs, and {@code byte[]} in
 * base64. Each names the runtime's {@code Shape.TextKind} (the generated registry refers to it by name) and the
 * JSON Schema {@code format} of its schemas; {@link #check} tells at compile time whether a default parses.
 */
public enum TextType {
  INSTANT("java.time.Instant", "date-time"),
  OFFSET_DATE_TIME("java.time.OffsetDateTime", "date-time"),
  ZONED_DATE_TIME("java.time.ZonedDateTime", "date-time"),
  LOCAL_DATE("java.time.LocalDate", "date"),
  LOCAL_TIME("java.time.LocalTime", null),
  LOCAL_DATE_TIME("java.time.LocalDateTime", null),
  DURATION("java.time.Duration", "duration"),
  UUID("java.util.UUID", "uuid"),
  URI("java.net.URI", "uri"),
  URL("java.net.URL", "uri"),
  BASE64("byte[]", null);

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final String javaName;
  private final String format;

  TextType(String javaName, String format) {
    this.javaName = javaName;
    this.format = format;
  }

  /** The text type of a qualified class name, or null. */
  public static TextType of(String qualifiedName) {
    for (TextType t : values()) {
      if (t.javaName.equals(qualifiedName)) {
        return t;
      }
    }
    return null;
  }

  /** The JSON Schema {@code format}; null for local times (no format matches them) and base64. */
  public String format() {
    return format;
  }

  /** Null when {@code text} is a value of this type, else why not. */
  public String check(String text) {
    try {
      switch (this) {
        case INSTANT, OFFSET_DATE_TIME -> java.time.OffsetDateTime.parse(text);
        case ZONED_DATE_TIME -> java.time.ZonedDateTime.parse(text);
        case LOCAL_DATE -> java.time.LocalDate.parse(text);
        case LOCAL_TIME -> java.time.LocalTime.parse(text);
        case LOCAL_DATE_TIME -> java.time.LocalDateTime.parse(text);
        case DURATION -> java.time.Duration.parse(text);
        case UUID -> {
          if (!CANONICAL_UUID.matcher(text).matches()) {
            return "not a canonical UUID";
          }
        }
        case URI, URL -> {
          java.net.URI u = new java.net.URI(text);
          if (!u.isAbsolute()) {
            return "not an absolute URI";
          }
          if (this == URL) {
            u.toURL();
          }
        }
        case BASE64 -> Base64.getDecoder().decode(text);
        default -> throw new AssertionError(this);
      }
      return null;
    } catch (Exception e) {
      return e.getMessage();
    }
  }
}
