package dev.atomemo4j.examples.time;

import dev.atomemo4j.annotations.Option;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The one tool of get-current-time. */
public final class TimeTools {
  private static final Set<String> FORMATS = Set.of("iso", "locale", "unix", "custom");

  /** JavaScript's {@code Date.prototype.toISOString}: UTC, always three fraction digits. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** JavaScript's {@code toLocaleString()} in en-US: {@code 12/3/2026, 8:12:57 AM}. */
  private static final DateTimeFormatter LOCALE_STRING = DateTimeFormatter.ofPattern("M/d/uuuu, h:mm:ss a", Locale.US);

  private final java.time.Clock clock;

  public TimeTools() {
    this(java.time.Clock.systemUTC());
  }

  TimeTools(java.time.Clock clock) {
    this.clock = clock;
  }

  @Tool(
      name = "get-current-time",
      displayName = "Get Current Time",
      description = "Get the current date and time, optionally in a specified timezone and format.",
      skillResource = "skills/get-current-time.md",
      // Reads the clock only. MCP tool annotations; not written to definition.json.
      readOnly = true,
      openWorld = false)
  public Map<String, Object> currentTime(
      @Param(name = "timezone", displayName = "Timezone", supportExpression = true, width = "full",
          hint = "IANA timezone (e.g. Asia/Shanghai, America/New_York). Leave empty for system timezone.",
          placeholder = "e.g. Asia/Shanghai")
          Optional<String> timezone,
      @Param(name = "format", displayName = "Format", supportExpression = true, width = "full",
          hint = "Output format for the primary current_time field.", component = "select",
          options = {
              @Option(value = "iso", label = "ISO 8601"),
              @Option(value = "locale", label = "Locale string"),
              @Option(value = "unix", label = "Unix timestamp"),
              @Option(value = "custom", label = "Custom pattern")})
          Optional<String> format,
      @Param(name = "format_pattern", displayName = "Custom format pattern", supportExpression = true,
          width = "full", placeholder = "e.g. yyyy-MM-dd or yyyy-MM-dd HH:mm:ss",
          hint = "Used when Format is Custom. Placeholders: yyyy (year), MM (month), dd (day), HH (hour), "
              + "mm (minute), ss (second), SSS (ms). Example: yyyy-MM-dd HH:mm:ss")
          Optional<String> formatPattern) {
    // As the official tool: blank means absent, an unknown format means iso, custom defaults to yyyy-MM-dd, and a
    // failure (an unknown time zone) is a successful answer carrying {"error": …}, not a tool error.
    String chosen = trimmed(format).filter(FORMATS::contains).orElse("iso");
    String pattern = trimmed(formatPattern).orElse("yyyy-MM-dd");
    ZoneId zone;
    try {
      zone = trimmed(timezone).map(ZoneId::of).orElse(ZoneId.systemDefault());
    } catch (DateTimeException e) {
      return Map.of("error", "Invalid time zone specified: " + timezone.orElse("").strip());
    }
    Instant now = clock.instant();
    ZonedDateTime time = now.atZone(zone);
    String iso = ISO_MILLIS.format(now);
    String locale = LOCALE_STRING.format(time);
    long unix = now.getEpochSecond();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("current_time", switch (chosen) {
      case "unix" -> unix;
      case "locale" -> locale;
      case "custom" -> formatByTokens(time, pattern);
      default -> iso;
    });
    result.put("format", chosen);
    if (chosen.equals("custom")) {
      result.put("format_pattern", pattern);
    }
    result.put("iso", iso);
    result.put("locale", locale);
    result.put("unix", unix);
    result.put("timezone", zone.getId());
    return result;
  }

  /**
   * The official tool's own pattern language, not Java's: only {@code yyyy yy MM dd HH mm ss SSS} are replaced, in
   * that order, and everything else is kept as written (so no pattern is ever invalid).
   */
  static String formatByTokens(ZonedDateTime time, String pattern) {
    String year = String.format(Locale.ROOT, "%04d", time.getYear());
    return pattern
        .replace("yyyy", year)
        .replace("yy", year.substring(year.length() - 2))
        .replace("MM", two(time.getMonthValue()))
        .replace("dd", two(time.getDayOfMonth()))
        .replace("HH", two(time.getHour()))
        .replace("mm", two(time.getMinute()))
        .replace("ss", two(time.getSecond()))
        .replace("SSS", String.format(Locale.ROOT, "%03d", time.getNano() / 1_000_000));
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  private static Optional<String> trimmed(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
