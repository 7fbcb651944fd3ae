package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one tool or credential parameter: on a method parameter, a record component, or a field of a POJO;
 * on a type argument ({@code List<@Param(name = "tag") String>}) it describes the items of a list or the values of
 * a map.
 *
 * <p>Numbers use {@code NaN}, counts {@code -1} and strings {@code ""} for "not set". JSON-valued attributes
 * ({@link #defaultValue()}, {@link #constant()}, {@link #showWhen()}, …) are JSON text, checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD,
    ElementType.TYPE_USE})
public @interface Param {

  /**
   * The wire name: letters, digits and single {@code _}, starting with a letter. Defaults to the Java name in
   * snake_case ({@code resultsPerPage} → {@code results_per_page}) for method parameters, record components and
   * fields alike; a tool class compiled without {@code -parameters} has no source names and must name them here.
   */
  String name() default "";

  /** The {@code en_US} display name. */
  String displayName() default "";

  Required required() default Required.AUTO;

  /** {@code ui.hint} in {@code en_US}. */
  String hint() default "";

  /** {@code ui.placeholder} in {@code en_US}. */
  String placeholder() default "";

  /** {@code ai.llm_description} in {@code en_US}: how the AI should fill this parameter. */
  String llmDescription() default "";

  /** The UI component; empty picks the type's usual one (input, number-input, switch, select for enums, …). */
  String component() default "";

  /** {@code ui.width}: small, medium or full. */
  String width() default "";

  /** {@code ui.support_expression: true}: the value may be an expression. */
  boolean supportExpression() default false;

  /** {@code ui.sensitive: true}. */
  boolean sensitive() default false;

  /** {@code ui.readonly: true}. */
  boolean readonly() default false;

  /** {@code ui.disabled: true}. */
  boolean disabled() default false;

  /** {@code ui.display_none: true}: the field is kept but not shown. */
  boolean displayNone() default false;

  /**
   * UI booleans to write as an explicit {@code false}, by attribute name: {@code {"supportExpression"}} writes
   * {@code "support_expression": false}. Official definitions state {@code false} on some fields; an unset boolean
   * is simply absent. Names: supportExpression, sensitive, readonly, disabled, displayNone, lineNumbers,
   * lineWrapping, showValue, collapsible, sortable, defaultCollapsed.
   */
  String[] explicitFalse() default {};

  /**
   * Text attributes to write as an empty text ({@code {"placeholder"}} writes {@code "placeholder": {"en_US": ""}}),
   * since an empty attribute means "not set". Names: displayName, hint, placeholder, llmDescription and the UI
   * labels (addButtonLabel, emptyDescription, sectionHeader, addLabel, emptyMessage, removeTooltip, panelTitle).
   */
  String[] explicitEmpty() default {};

  /**
   * Writes no {@code ui} member at all: no component and no UI props (official OAuth2 token fields and
   * credential selects do this). Combining it with a UI attribute is a compile error.
   */
  boolean noUi() default false;

  /** {@code ui.indentation}: an even number from 2 to 80; -1 to omit. */
  int indentation() default -1;

  /** Options of a select, radio group or multi-select. Enums get options from their constants. */
  Option[] options() default {};

  /** {@code ui.searchable} / {@code ui.clearable} of a select: true, false, or unset. */
  Flag searchable() default Flag.UNSET;

  Flag clearable() default Flag.UNSET;

  /** Code editor language: json, javascript, python3 or markdown. */
  String language() default "";

  /** {@code ui.step} of a number input or slider; NaN to omit. */
  double step() default Double.NaN;

  /** {@code ui.suffix} of a number input. */
  String suffix() default "";

  /** {@code ui.min_height} / {@code ui.max_height} of a textarea or code editor; NaN to omit. */
  double minHeight() default Double.NaN;

  double maxHeight() default Double.NaN;

  /** {@code ui.rows} of a code editor; NaN to omit. */
  double rows() default Double.NaN;

  /** {@code ui.line_numbers: true} / {@code ui.line_wrapping: true} of a code editor. */
  boolean lineNumbers() default false;

  boolean lineWrapping() default false;

  /** {@code ui.marks} of a slider: a JSON object mapping numbers to labels, e.g. {@code "{\"0\": \"min\"}"}. */
  String marks() default "";

  /** {@code ui.show_value: true} of a slider. */
  boolean showValue() default false;

  /** {@code ui.add_button_label}, {@code ui.empty_description}, {@code ui.section_header} of a key-value editor. */
  String addButtonLabel() default "";

  String emptyDescription() default "";

  String sectionHeader() default "";

  /** {@code ui.size} of an emoji picker: extra-small, small, medium or large. */
  String size() default "";

  /** {@code ui.add_label}, {@code ui.empty_message} of an array section (en_US). */
  String addLabel() default "";

  String emptyMessage() default "";

  /** {@code ui.remove_tooltip} of an array section or collapsible panel (en_US). */
  String removeTooltip() default "";

  /** {@code ui.panel_title} of a collapsible panel (en_US). */
  String panelTitle() default "";

  /** {@code ui.collapsible: true} / {@code ui.sortable: true} of an array section or collapsible panel. */
  boolean collapsible() default false;

  boolean sortable() default false;

  /** {@code ui.default_collapsed: true} of a collapsible panel. */
  boolean defaultCollapsed() default false;

  /** The default value as JSON text, e.g. {@code "20"}, {@code "\"story\""}, {@code "[\"story\"]"}. */
  String defaultValue() default "";

  /** A constant value as JSON text. */
  String constant() default "";

  /** Allowed values, each as JSON text (strings may be bare words). Enums get theirs from their constants. */
  String[] allowed() default {};

  /**
   * Also writes the values of {@link #options()} as the {@code enum} of a string select, so the schema and the
   * runtime reject any other string. Off by default: official selects list options without an {@code enum}.
   */
  boolean optionsAsEnum() default false;

  /** Inclusive bounds of a number; NaN to omit. */
  double minimum() default Double.NaN;

  double maximum() default Double.NaN;

  /** Length bounds of a string; -1 to omit. */
  int minLength() default -1;

  int maxLength() default -1;

  /** Size bounds of an array; -1 to omit. */
  int minItems() default -1;

  int maxItems() default -1;

  /** {@code display.show}: a filter over sibling values as JSON, e.g. {@code "{\"format\": \"custom\"}"}. */
  String showWhen() default "";

  /** {@code display.hide}: a filter over sibling values as JSON. */
  String hideWhen() default "";

  /** Sibling parameters this one depends on ({@code depends_on}). */
  String[] dependsOn() default {};

  /** {@code decoder}: "json" makes the Hub parse a JSON string into the value before delivery. */
  String decoder() default "";

  /** Translation key prefix; empty means the generated one (see the README). */
  String key() default "";

  /** A boolean attribute that can also be left out. */
  enum Flag {
    UNSET,
    TRUE,
    FALSE
  }
}
