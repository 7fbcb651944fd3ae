package dev.atomemo4j.examples.time;

import dev.atomemo4j.annotations.Plugin;

/** The official get-current-time plugin, declared with atomemo4j. */
@Plugin(
    name = "get-current-time",
    displayName = "Get Current Time",
    description = "Get the current date and time, optionally in a specified timezone and format.",
    icon = "🕐",
    repo = "https://github.com/choice-open/atomemo-official-plugins/plugins/get-current-time",
    locales = {"en-US", "zh-Hans"},
    tools = TimeTools.class)
public final class GetCurrentTime {
  private GetCurrentTime() {}
}
