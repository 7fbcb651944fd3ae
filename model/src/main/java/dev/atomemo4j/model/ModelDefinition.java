package dev.atomemo4j.model;

import java.util.List;

/** An LLM the Hub can execute with the auth spec of one of the plugin's credentials. */
public record ModelDefinition(
    String name,
    I18nText displayName,
    I18nText description,
    String icon,
    String modelType,
    String defaultEndpoint,
    List<String> inputModalities,
    List<String> outputModalities,
    Pricing pricing,
    OverrideParameters overrideParameters,
    List<String> unsupportedParameters) {

  public ModelDefinition {
    inputModalities = inputModalities == null ? null : List.copyOf(inputModalities);
    outputModalities = outputModalities == null ? null : List.copyOf(outputModalities);
    unsupportedParameters = unsupportedParameters == null ? null : List.copyOf(unsupportedParameters);
  }

  /** Prices of a model; every member may be absent. */
  public record Pricing(
      String currency, Double input, Double inputCacheRead, Double inputCacheWrite, Double output,
      Double request) {}

  /** Parameter bounds the Hub applies instead of the provider's. */
  public record OverrideParameters(
      Bounds temperature, Bounds frequencyPenalty, Bounds maxTokens, Verbosity verbosity) {}

  /** {@code default}/{@code maximum}/{@code minimum}; {@code max_tokens} never carries a minimum. */
  public record Bounds(Double defaultValue, Double maximum, Double minimum) {}

  public record Verbosity(String defaultValue) {}
}
