package dev.atomemo4j.examples.time;

import dev.atomemo4j.annotations.Option;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;
import dev.atomemo4j.runtime.ToolException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The one tool of get-current-time. */
public final class TimeTools {
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
          Optional<String> formatPattern)
      throws ToolException {
    ZoneId zone;
    try {
      zone = timezone.filter(z -> !z.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
    } catch (DateTimeException e) {
      throw new ToolException("get_current_time:invalid_timezone",
          "unknown timezone \"" + timezone.orElse("") + "\"; use an IANA name such as Asia/Shanghai");
    }
    Instant now = clock.instant();
    ZonedDateTime time = now.atZone(zone);
    String chosen = format.filter(f -> !f.isBlank()).orElse("iso");
    String iso = DateTimeFormatter.ISO_INSTANT.format(now);
    String locale = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.US).format(time);
    Map<String, Object> result = new LinkedHashMap<>();
    switch (chosen) {
      case "iso" -> result.put("current_time", iso);
      case "locale" -> result.put("current_time", locale);
      case "unix" -> result.put("current_time", now.getEpochSecond());
      case "custom" -> {
        String pattern = formatPattern.filter(p -> !p.isBlank()).orElseThrow(() -> new ToolException(
            "get_current_time:missing_pattern", "format is custom, so format_pattern is required"));
        try {
          result.put("current_time", DateTimeFormatter.ofPattern(pattern, Locale.US).format(time));
        } catch (IllegalArgumentException e) {
          throw new ToolException("get_current_time:invalid_pattern", "format_pattern is invalid: " + e.getMessage());
        }
        result.put("format_pattern", pattern);
      }
      default -> throw new ToolException("get_current_time:invalid_format",
          "format must be iso, locale, unix or custom, not \"" + chosen + "\"");
    }
    result.put("format", chosen);
    result.put("iso", iso);
    result.put("locale", locale);
    result.put("unix", now.getEpochSecond());
    result.put("timezone", zone.getId());
    return result;
  }
}
