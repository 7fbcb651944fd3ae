package dev.atomemo4j.processor.model;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

/**
 * What {@code @Param} (and {@code @Locator}/{@code @Mapper}) said about a parameter, with JSON attributes already
 * parsed. Null means "not set". {@code key} is the translation key prefix.
 */
public record ParamMeta(
    String name,
    String displayName,
    String required,
    String hint,
    String placeholder,
    String llmDescription,
    String component,
    String width,
    boolean supportExpression,
    boolean sensitive,
    boolean readonly,
    boolean disabled,
    Integer indentation,
    List<OptionMeta> options,
    Boolean searchable,
    Boolean clearable,
    String language,
    Double step,
    String suffix,
    JsonValue defaultValue,
    JsonValue constant,
    List<JsonValue> allowed,
    Double minimum,
    Double maximum,
    Integer minLength,
    Integer maxLength,
    Integer minItems,
    Integer maxItems,
    JsonValue showWhen,
    JsonValue hideWhen,
    List<String> dependsOn,
    String decoder,
    String key,
    LocatorMeta locator,
    String mapper) {

  public static final ParamMeta NONE = new ParamMeta(null, null, "AUTO", null, null, null, null, null, false, false,
      false, false, null, List.of(), null, null, null, null, null, null, null, List.of(), null, null, null, null,
      null, null, null, null, List.of(), null, null, null, null);

  /** Whether any attribute that lives in {@code ui} was given. */
  public boolean hasUi() {
    return hint != null || placeholder != null || component != null || width != null || supportExpression
        || sensitive || readonly || disabled || indentation != null || !options.isEmpty() || searchable != null
        || clearable != null || language != null || step != null || suffix != null;
  }

  public record OptionMeta(String value, JsonValue jsonValue, String label, String icon) {}

  public record LocatorMeta(String list, boolean searchable, String urlRegex, boolean id) {}
}
