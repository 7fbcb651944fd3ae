package dev.atomemo4j.processor.gen;

import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.processor.model.AtlasModel;
import dev.atomemo4j.processor.model.ConfigFieldModel;
import dev.atomemo4j.processor.model.ConfigFieldModel.Constraint;
import dev.atomemo4j.processor.model.TypeRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (2020-12) of a plugin's config record, by the same policy as the tools' schemas: {@code type} a
 * single string, {@code additionalProperties: false}, nullable as {@code anyOf} with {@code {"type": "null"}}, an
 * allowed set as {@code enum}. Constraints JSON Schema can state exactly become keywords; the rest ({@code @Digits},
 * a {@code @Pattern} with flags, an {@code @Email} regexp, {@code @DecimalMin} on text) are left to the generated
 * checks, which are the authority.
 */
final class ConfigSchemaGenerator {
  /** A character {@link Character#isWhitespace} rejects: controls, and the space separators but the no-break ones. */
  static final String NOT_BLANK =
      "[^\\t-\\r\\u001c-\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000]";

  private ConfigSchemaGenerator() {}

  static String schema(String pluginName, AtlasModel.ConfigModel config) {
    return dev.atomemo4j.model.io.JsJson.stringify(tree(pluginName, config)) + "\n";
  }

  static JsonValue tree(String pluginName, AtlasModel.ConfigModel config) {
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("$schema", JsonValue.of(SchemaGenerator.DRAFT));
    root.put("title", JsonValue.of(pluginName + " config"));
    root.put("type", JsonValue.of("object"));
    Map<String, JsonValue> properties = new LinkedHashMap<>();
    List<JsonValue> required = new ArrayList<>();
    for (ConfigFieldModel f : config.fields()) {
      properties.put(f.key(), property(f));
      if (f.required()) {
        required.add(JsonValue.of(f.key()));
      }
    }
    root.put("properties", new JsonValue.Obj(properties));
    if (!required.isEmpty()) {
      root.put("required", new JsonValue.Array(required));
    }
    root.put("additionalProperties", JsonValue.of(false));
    return new JsonValue.Obj(root);
  }

  private static JsonValue property(ConfigFieldModel f) {
    Map<String, JsonValue> core = core(f);
    boolean rejectsNull = f.constraints().stream().anyMatch(k -> k instanceof ConfigFieldModel.NotNull
        || k instanceof ConfigFieldModel.NotBlank || k instanceof ConfigFieldModel.NotEmpty);
    Map<String, JsonValue> out = new LinkedHashMap<>();
    if (f.nullable() && !rejectsNull) {
      out.put("anyOf", new JsonValue.Array(List.of(new JsonValue.Obj(core),
          new JsonValue.Obj(Map.of("type", JsonValue.of("null"))))));
    } else {
      out.putAll(core);
    }
    out.put("title", JsonValue.of(f.label()));
    if (f.description() != null) {
      out.put("description", JsonValue.of(f.description()));
    }
    if (f.defaultValue() != null) {
      out.put("default", f.defaultValue());
    }
    if (f.secret()) {
      out.put("writeOnly", JsonValue.of(true));
    }
    return new JsonValue.Obj(out);
  }

  /** The value's schema: type, allowed values and the constraints JSON Schema can express exactly. */
  private static Map<String, JsonValue> core(ConfigFieldModel f) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    TypeRef t = f.type();
    Bounds bounds = new Bounds();
    if (t instanceof TypeRef.Scalar s) {
      switch (s.kind()) {
        case STRING -> out.put("type", JsonValue.of("string"));
        case BOOLEAN -> out.put("type", JsonValue.of("boolean"));
        case FLOAT, DOUBLE, BIG_DECIMAL -> out.put("type", JsonValue.of("number"));
        default -> {
          out.put("type", JsonValue.of("integer"));
          switch (s.kind()) {
            case BYTE -> bounds.range(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SHORT -> bounds.range(Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> bounds.range(Integer.MIN_VALUE, Integer.MAX_VALUE);
            default -> { }
          }
        }
      }
    } else {
      out.put("type", JsonValue.of("string")); // an enum's wire name, or a Secret
    }
    if (!f.options().isEmpty()) {
      out.put("enum", new JsonValue.Array(f.options().stream().map(JsonValue::of).toList()));
    }
    Integer minLength = null;
    Integer maxLength = null;
    String pattern = null;
    for (Constraint k : f.constraints()) {
      if (k instanceof ConfigFieldModel.Size z) {
        minLength = max(minLength, z.min());
        if (z.max() != Integer.MAX_VALUE) {
          maxLength = maxLength == null ? Integer.valueOf(z.max()) : Integer.valueOf(Math.min(maxLength, z.max()));
        }
      } else if (k instanceof ConfigFieldModel.NotEmpty) {
        minLength = max(minLength, 1);
      } else if (k instanceof ConfigFieldModel.NotBlank) {
        minLength = max(minLength, 1);
        // Some character that is not Java whitespace (Character.isWhitespace), the rule @NotBlank applies.
        pattern = pattern == null ? NOT_BLANK : pattern;
      } else if (k instanceof ConfigFieldModel.Regex r && r.flags() == 0) {
        pattern = "^(?:" + r.regexp() + ")$"; // Java's matches() is anchored; JSON Schema's pattern is not
      } else if (k instanceof ConfigFieldModel.Email) {
        out.put("format", JsonValue.of("email"));
      } else if (k instanceof ConfigFieldModel.Bound b && !(f.type() instanceof TypeRef.Scalar s
          && s.kind() == TypeRef.ScalarKind.STRING)) {
        bounds.add(b.isMax(), BigDecimal.valueOf(b.value()), false);
      } else if (k instanceof ConfigFieldModel.DecimalBound d && !isText(f)) {
        bounds.add(d.isMax(), new BigDecimal(d.value()), !d.inclusive());
      } else if (k instanceof ConfigFieldModel.Sign s) {
        bounds.add(!s.positive(), BigDecimal.ZERO, !s.orZero());
      } else if (k instanceof ConfigFieldModel.Assert a) {
        out.put("enum", new JsonValue.Array(List.of(JsonValue.of(a.expected()))));
      }
    }
    if (minLength != null && minLength > 0) {
      out.put("minLength", JsonValue.of(minLength));
    }
    if (maxLength != null) {
      out.put("maxLength", JsonValue.of(maxLength));
    }
    if (pattern != null) {
      out.put("pattern", JsonValue.of(pattern));
    }
    bounds.write(out);
    return out;
  }

  private static boolean isText(ConfigFieldModel f) {
    return f.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.STRING;
  }

  private static Integer max(Integer a, int b) {
    return a == null ? b : Math.max(a, b);
  }

  /** The tightest lower and upper bound, each inclusive or exclusive. */
  private static final class Bounds {
    private BigDecimal low;
    private boolean lowExclusive;
    private BigDecimal high;
    private boolean highExclusive;

    void range(long min, long max) {
      add(false, BigDecimal.valueOf(min), false);
      add(true, BigDecimal.valueOf(max), false);
    }

    void add(boolean upper, BigDecimal v, boolean exclusive) {
      if (upper) {
        int c = high == null ? -1 : v.compareTo(high);
        if (c < 0 || (c == 0 && exclusive)) {
          high = v;
          highExclusive = exclusive;
        }
      } else {
        int c = low == null ? 1 : v.compareTo(low);
        if (c > 0 || (c == 0 && exclusive)) {
          low = v;
          lowExclusive = exclusive;
        }
      }
    }

    void write(Map<String, JsonValue> out) {
      if (low != null) {
        out.put(lowExclusive ? "exclusiveMinimum" : "minimum", new JsonValue.Num(low));
      }
      if (high != null) {
        out.put(highExclusive ? "exclusiveMaximum" : "maximum", new JsonValue.Num(high));
      }
    }
  }
}
