package dev.atomemo4j.examples.deepseek;

import dev.atomemo4j.annotations.Model;
import dev.atomemo4j.annotations.Plugin;

/**
 * The official deepseek plugin, declared with atomemo4j: no tools, one API-key credential, and two chat models the
 * Hub runs itself with the auth spec {@link DeepSeekApiKey#authenticate()} returns.
 */
@Plugin(
    name = "deepseek",
    displayName = "DeepSeek",
    description = "DeepSeek official models for chat completions (DeepSeek-V3.2, non-thinking and thinking modes).",
    icon = "symbol:icon-deepseek",
    repo = "https://github.com/choice-open/atomemo-official-plugins/plugins/deepseek",
    locales = {"en-US", "zh-Hans"},
    credentials = DeepSeekApiKey.class)
@Model(
    name = "deepseek-chat",
    displayName = "DeepSeek Chat",
    description = "DeepSeek-V3.2 non-thinking mode: fast chat, tool calls, JSON output.",
    icon = "🤖",
    pricing = @Model.Pricing(currency = "USD", input = 0.25, inputCacheRead = 0.125, output = 0.38),
    temperature = @Model.Bounds(defaultValue = 1, maximum = 2, minimum = 0),
    unsupportedParameters = {"parallel_tool_calls", "verbosity"})
@Model(
    name = "deepseek-reasoner",
    displayName = "DeepSeek Reasoner",
    description = "DeepSeek-V3.2 thinking mode: extended reasoning, tool calls, JSON output.",
    icon = "🤖",
    pricing = @Model.Pricing(currency = "USD", input = 0.25, inputCacheRead = 0.125, output = 0.38),
    temperature = @Model.Bounds(defaultValue = 1, maximum = 2, minimum = 0),
    unsupportedParameters = {"parallel_tool_calls", "verbosity"})
public final class DeepSeek {
  private DeepSeek() {}
}
