package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a plugin's config record ({@link Plugin#config()}) for the admin form and the config's
 * JSON Schema. Optional: a component without it is still a config field, labelled after its name.
 *
 * <p>Constraints come from the standard Jakarta annotations on the same component ({@code @NotNull},
 * {@code @NotBlank}, {@code @Size}, {@code @Min}, {@code @Max}, {@code @Pattern}, {@code @Email}, …). Only the
 * annotations are used, at compile time: the processor generates the validator, and no Bean Validation provider
 * runs.
 *
 * <pre>{@code
 * public record TicketConfig(
 *     @ConfigField(label = "API URL") @NotBlank @Pattern(regexp = "https?://.+") String apiUrl,
 *     @ConfigField(label = "API key") Secret apiKey,
 *     @ConfigField(label = "Default priority", options = {"low", "normal", "high"}, defaultValue = "\"normal\"")
 *         String defaultPriority) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ConfigField {

  /** The form label; empty means one made from the component name ({@code apiUrl} → "Api url"). */
  String label() default "";

  /** Help text shown under the field. */
  String description() default "";

  /**
   * A secret (API key, password, token): masked in every admin answer, log and error. The component must be of type
   * {@code Secret}, whose {@code toString} never shows the value, so the record itself cannot leak it either.
   * A component of type {@code Secret} is secret without this flag.
   */
  boolean secret() default false;

  /** The allowed values of a string field, shown as a select. An enum component gets its constants without this. */
  String[] options() default {};

  /** Show the field only when another field has one of some values (at most one). */
  ShowWhen[] showWhen() default {};

  /** The value used when the key is absent, as JSON text ({@code "\"normal\""}, {@code "20"}, {@code "true"}). */
  String defaultValue() default "";

  /** A condition on another config field: {@code field}'s value is one of {@code equals}. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface ShowWhen {
    /** The other field's key (its component name). */
    String field();

    /** The values, as strings, for which this field is shown. */
    String[] equals();
  }
}
