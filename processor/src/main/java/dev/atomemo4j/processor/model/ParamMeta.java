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
    String mapper,
    UiExtra extra) {

  public static final ParamMeta NONE = new ParamMeta(null, null, "AUTO", null, null, null, null, null, false, false,
      false, false, null, List.of(), null, null, null, null, null, null, null, List.of(), null, null, null, null,
      null, null, null, null, List.of(), null, null, null, null, UiExtra.NONE);

  /** A meta without the UI members that only some components have. */
  public ParamMeta(String name, String displayName, String required, String hint, String placeholder,
      String llmDescription, String component, String width, boolean supportExpression, boolean sensitive,
      boolean readonly, boolean disabled, Integer indentation, List<OptionMeta> options, Boolean searchable,
      Boolean clearable, String language, Double step, String suffix, JsonValue defaultValue, JsonValue constant,
      List<JsonValue> allowed, Double minimum, Double maximum, Integer minLength, Integer maxLength,
      Integer minItems, Integer maxItems, JsonValue showWhen, JsonValue hideWhen, List<String> dependsOn,
      String decoder, String key, LocatorMeta locator, String mapper) {
    this(name, displayName, required, hint, placeholder, llmDescription, component, width, supportExpression,
        sensitive, readonly, disabled, indentation, options, searchable, clearable, language, step, suffix,
        defaultValue, constant, allowed, minimum, maximum, minLength, maxLength, minItems, maxItems, showWhen,
        hideWhen, dependsOn, decoder, key, locator, mapper, UiExtra.NONE);
  }

  /** Whether any attribute that lives in {@code ui} was given. */
  public boolean hasUi() {
    return hint != null || placeholder != null || component != null || width != null || supportExpression
        || sensitive || readonly || disabled || indentation != null || !options.isEmpty() || searchable != null
        || clearable != null || language != null || step != null || suffix != null || extra.hasUi();
  }

  public record OptionMeta(String value, JsonValue jsonValue, String label, String icon) {}

  /** {@code @Locator}: which modes, in which order, with which texts (null: not set). */
  public record LocatorMeta(String list, boolean searchable, String urlRegex, boolean id, List<String> order,
      String listDisplayName, String listPlaceholder, String urlDisplayName, String urlPlaceholder,
      String idDisplayName, String idPlaceholder) {

    public LocatorMeta(String list, boolean searchable, String urlRegex, boolean id) {
      this(list, searchable, urlRegex, id, List.of(), null, null, null, null, null, null);
    }
  }

  /**
   * The component-specific UI members, {@code explicitFalse} (UI booleans written as {@code false}), {@code noUi}
   * (no {@code ui} member at all) and {@code optionsAsEnum}.
   */
  public record UiExtra(
      boolean displayNone,
      List<String> explicitFalse,
      boolean noUi,
      Double minHeight,
      Double maxHeight,
      Double rows,
      boolean lineNumbers,
      boolean lineWrapping,
      JsonValue marks,
      boolean showValue,
      String addButtonLabel,
      String emptyDescription,
      String sectionHeader,
      String size,
      String addLabel,
      String emptyMessage,
      String removeTooltip,
      String panelTitle,
      boolean collapsible,
      boolean sortable,
      boolean defaultCollapsed,
      boolean optionsAsEnum) {

    public static final UiExtra NONE = new UiExtra(false, List.of(), false, null, null, null, false, false, null,
        false, null, null, null, null, null, null, null, null, false, false, false, false);

    boolean hasUi() {
      return displayNone || !explicitFalse.isEmpty() || minHeight != null || maxHeight != null || rows != null
          || lineNumbers || lineWrapping || marks != null || showValue || addButtonLabel != null
          || emptyDescription != null || sectionHeader != null || size != null || addLabel != null
          || emptyMessage != null || removeTooltip != null || panelTitle != null || collapsible || sortable
          || defaultCollapsed;
    }
  }
}
