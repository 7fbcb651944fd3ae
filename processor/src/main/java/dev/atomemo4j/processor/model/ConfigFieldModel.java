package dev.atomemo4j.processor.model;

import dev.atomemo4j.model.JsonValue;
import java.util.List;

/**
 * One component of a plugin's config record: its form field, its JSON Schema and its constraint checks.
 *
 * @param key the config key, the component name as written in Java
 * @param type the value's type with any Optional unwrapped
 * @param optional whether the Java type is {@code Optional<T>} (the accessor returns an Optional)
 * @param nullable whether the value may be absent ({@code Optional}, {@code @Nullable})
 * @param required whether the key must be present: not nullable and no default
 * @param kind the admin form's field type
 * @param options the select's values (a String's {@code options}, an enum's wire names), empty otherwise
 * @param optionLabels the select's labels, parallel to {@code options}
 * @param defaultValue the parsed default, or null
 * @param showWhen the condition on another field, or null
 * @param constraints the Jakarta constraints, in source order
 */
public record ConfigFieldModel(
    String key,
    TypeRef type,
    boolean optional,
    boolean nullable,
    boolean required,
    boolean secret,
    FormKind kind,
    String label,
    String description,
    List<String> options,
    List<String> optionLabels,
    JsonValue defaultValue,
    ShowWhen showWhen,
    List<Constraint> constraints) {

  public ConfigFieldModel {
    options = List.copyOf(options);
    optionLabels = List.copyOf(optionLabels);
    constraints = List.copyOf(constraints);
  }

  /** Atlas's {@code ConfigSchemaField.type}. */
  public enum FormKind {
    STRING("string"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    SELECT("select");

    private final String wire;

    FormKind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  public record ShowWhen(String field, List<String> equals) {
    public ShowWhen {
      equals = List.copyOf(equals);
    }
  }

  /** A supported Jakarta constraint, with its attributes already checked. */
  public sealed interface Constraint {
    /** The rule's stable name: the {@code config:<rule>} code the check reports. */
    String rule();
  }

  public record NotNull() implements Constraint {
    public String rule() {
      return "not_null";
    }
  }

  public record NotBlank() implements Constraint {
    public String rule() {
      return "not_blank";
    }
  }

  public record NotEmpty() implements Constraint {
    public String rule() {
      return "not_empty";
    }
  }

  /** {@code @Size}: inclusive length bounds. */
  public record Size(int min, int max) implements Constraint {
    public String rule() {
      return "size";
    }
  }

  /** {@code @Min} ({@code isMax} false) or {@code @Max}. */
  public record Bound(boolean isMax, long value) implements Constraint {
    public String rule() {
      return isMax ? "max" : "min";
    }
  }

  /** {@code @DecimalMin} / {@code @DecimalMax}: the bound as written, a BigDecimal literal. */
  public record DecimalBound(boolean isMax, String value, boolean inclusive) implements Constraint {
    public String rule() {
      return isMax ? "decimal_max" : "decimal_min";
    }
  }

  /** {@code @Positive}, {@code @PositiveOrZero}, {@code @Negative}, {@code @NegativeOrZero}. */
  public record Sign(boolean positive, boolean orZero) implements Constraint {
    public String rule() {
      return (positive ? "positive" : "negative") + (orZero ? "_or_zero" : "");
    }
  }

  /** {@code @Pattern}: the regexp and the OR of its flags' {@code java.util.regex.Pattern} bits. */
  public record Regex(String regexp, int flags) implements Constraint {
    public String rule() {
      return "pattern";
    }
  }

  /** {@code @Email}; {@code regexp} is {@code ".*"} unless the author narrowed it. */
  public record Email(String regexp, int flags) implements Constraint {
    public String rule() {
      return "email";
    }
  }

  /** {@code @AssertTrue} ({@code expected} true) / {@code @AssertFalse}. */
  public record Assert(boolean expected) implements Constraint {
    public String rule() {
      return expected ? "assert_true" : "assert_false";
    }
  }

  /** {@code @Digits}: at most {@code integer} integral and {@code fraction} fractional digits. */
  public record Digits(int integer, int fraction) implements Constraint {
    public String rule() {
      return "digits";
    }
  }
}
