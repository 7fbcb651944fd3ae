package dev.atomemo4j.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable JSON value, used wherever the definition format copies a value verbatim: {@code constant},
 * {@code default} and {@code enum} members, display filters and slider marks.
 *
 * <p>Numbers keep their exact decimal so that the validator can reject integers beyond ±2^53 (which would not
 * survive JavaScript) instead of silently rounding them. Objects keep insertion order; the writer applies
 * JavaScript's integer-key ordering when it prints them.
 */
public sealed interface JsonValue {

  /** The JSON {@code null}. */
  Null NULL = new Null();

  static JsonValue of(String s) {
    return new Text(s);
  }

  static JsonValue of(boolean b) {
    return new Bool(b);
  }

  static JsonValue of(long n) {
    return new Num(BigDecimal.valueOf(n));
  }

  static JsonValue of(double n) {
    return new Num(new BigDecimal(Double.toString(n)));
  }

  /** What a JavaScript {@code typeof}-style check would call this value; used in messages. */
  String kind();

  record Text(String value) implements JsonValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
      return "string";
    }
  }

  record Num(BigDecimal value) implements JsonValue {
    public Num {
      Objects.requireNonNull(value, "value");
    }

    public double doubleValue() {
      return value.doubleValue();
    }

    /** True when the value has no fractional part. */
    public boolean isIntegral() {
      return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    @Override
    public String kind() {
      return "number";
    }
  }

  record Bool(boolean value) implements JsonValue {
    @Override
    public String kind() {
      return "boolean";
    }
  }

  record Null() implements JsonValue {
    @Override
    public String kind() {
      return "null";
    }
  }

  record Array(List<JsonValue> items) implements JsonValue {
    public Array {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "array";
    }
  }

  record Obj(Map<String, JsonValue> members) implements JsonValue {
    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public JsonValue get(String key) {
      return members.get(key);
    }

    @Override
    public String kind() {
      return "object";
    }
  }
}
