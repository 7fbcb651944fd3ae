package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refines the column a component of a {@link Table} record becomes. Without it a component is a nullable column
 * named after the component, typed from its Java type, created with the table.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// FIELD too: javac keeps a record component's source position on its field, where diagnostics point.
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Column {
  /** The column name; empty means the component's name. Letters, digits and {@code _}, not starting with a digit. */
  String name() default "";

  /** {@code UNIQUE}. */
  boolean unique() default false;

  /** {@code NOT NULL}. A column added after version 1 ({@code since > 1}) needs a {@link #defaultValue()} too. */
  boolean required() default false;

  /**
   * The column's {@code DEFAULT}, written as the type prints: {@code "open"}, {@code "42"}, {@code "1.5"},
   * {@code "true"}, {@code "2026-01-01T00:00:00Z"}, a UUID, JSON text. Checked against the type at compile time.
   * Empty means no default.
   */
  String defaultValue() default "";

  /** The schema version that adds the column ({@code ALTER TABLE … ADD COLUMN}); at least the table's. */
  int since() default 1;

  /** The SQL type; {@code AUTO} derives it from the Java type. {@code JSON} also applies to a String. */
  ColumnType type() default ColumnType.AUTO;
}
