package dev.atomemo4j.processor.gen;

import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.io.JsJson;
import dev.atomemo4j.processor.model.ParamMeta;
import dev.atomemo4j.processor.model.ToolModel;
import dev.atomemo4j.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schema (draft 2020-12) for a tool's input and typed output, following the project's canonical policy:
 * {@code type} always a single string; required by default; optional ≠ nullable ({@code anyOf} with
 * {@code {"type": "null"}} for nullable); {@code additionalProperties: false} on records; {@code $defs} only at the
 * root and only for types used more than once; enums as their wire names; {@code enum: [x]} instead of
 * {@code const}. The same rules the runtime's generated validation enforces, so both judge payloads alike.
 */
public final class SchemaGenerator {
  static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private final Map<String, Integer> uses = new HashMap<>();
  private final Map<String, String> defKeys = new HashMap<>();
  private final Map<String, JsonValue> defs = new TreeMap<>();

  private SchemaGenerator() {}

  /** The input schema: the tool's parameters as one object. */
  public static String input(ToolModel tool) {
    SchemaGenerator g = new SchemaGenerator();
    g.count(tool.input());
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("$schema", JsonValue.of(DRAFT));
    root.put("title", JsonValue.of(tool.name() + " input"));
    root.putAll(g.objectBody(tool.input()));
    g.appendDefs(root);
    return JsJson.stringify(new JsonValue.Obj(root)) + "\n";
  }

  /** The output schema of a tool whose result type has a shape. */
  public static String output(ToolModel tool) {
    SchemaGenerator g = new SchemaGenerator();
    g.count(tool.result());
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("$schema", JsonValue.of(DRAFT));
    root.put("title", JsonValue.of(tool.name() + " output"));
    JsonValue body = g.schema(tool.result(), false);
    if (body instanceof JsonValue.Obj o) {
      root.putAll(o.members());
    }
    g.appendDefs(root);
    return JsJson.stringify(new JsonValue.Obj(root)) + "\n";
  }

  private void appendDefs(Map<String, JsonValue> root) {
    if (!defs.isEmpty()) {
      root.put("$defs", new JsonValue.Obj(defs));
    }
  }

  /** Counts how often each named type is used, to decide which go to {@code $defs}. */
  private void count(TypeRef t) {
    if (t instanceof TypeRef.ObjT o) {
      if (o.qualifiedName() != null && uses.merge(o.javaType().toString(), 1, Integer::sum) > 1) {
        return;
      }
      o.fields().forEach(f -> count(f.type()));
    } else if (t instanceof TypeRef.EnumT e) {
      uses.merge(e.javaType().toString(), 1, Integer::sum);
    } else if (t instanceof TypeRef.UnionT u) {
      if (uses.merge(u.javaType().toString(), 1, Integer::sum) > 1) {
        return;
      }
      u.variants().forEach(v -> count(v.record()));
    } else if (t instanceof TypeRef.ListT l) {
      count(l.element().type());
    } else if (t instanceof TypeRef.MapT m) {
      count(m.value().type());
    } else if (t instanceof TypeRef.OptT o) {
      count(o.inner());
    }
  }

  private JsonValue field(TypeRef.Field f) {
    Map<String, JsonValue> s = new LinkedHashMap<>();
    ParamMeta meta = f.meta();
    String description = meta.llmDescription() != null ? meta.llmDescription()
        : meta.hint() != null ? meta.hint() : meta.displayName();
    JsonValue inner = schema(f.type(), true);
    Map<String, JsonValue> constraints = constraints(f.type(), meta);
    // The runtime reads null as "not given" for optional members, so the schema admits it there too.
    if (f.nullable() || !f.required() && !(f.type() instanceof TypeRef.ValueT v && v.kind() == TypeRef.ValueKind.JSON)) {
      Map<String, JsonValue> typed = new LinkedHashMap<>(((JsonValue.Obj) inner).members());
      typed.putAll(constraints);
      if (description != null) {
        s.put("description", JsonValue.of(description));
      }
      s.put("anyOf", new JsonValue.Array(List.of(new JsonValue.Obj(typed), obj("type", JsonValue.of("null")))));
    } else {
      if (description != null) {
        s.put("description", JsonValue.of(description));
      }
      s.putAll(((JsonValue.Obj) inner).members());
      s.putAll(constraints);
    }
    if (meta.defaultValue() != null) {
      s.put("default", meta.defaultValue());
    }
    return new JsonValue.Obj(s);
  }

  /** A typed string: its {@code format}, or for base64 its {@code contentEncoding}; local times say what they are. */
  private static JsonValue text(TypeRef.TextT t) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("type", JsonValue.of("string"));
    switch (t.kind()) {
      case BASE64 -> m.put("contentEncoding", JsonValue.of("base64"));
      case LOCAL_TIME -> m.put("pattern", JsonValue.of("^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$"));
      case LOCAL_DATE_TIME -> m.put("pattern",
          JsonValue.of("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$"));
      default -> m.put("format", JsonValue.of(t.kind().format()));
    }
    return new JsonValue.Obj(m);
  }

  /** Bounds, lengths and allowed values from {@code @Param}; they apply to the (unwrapped) value. */
  private static Map<String, JsonValue> constraints(TypeRef t, ParamMeta meta) {
    Map<String, JsonValue> c = new LinkedHashMap<>();
    TypeRef v = t instanceof TypeRef.OptT o ? o.inner() : t;
    if (!meta.allowed().isEmpty()) {
      c.put("enum", new JsonValue.Array(meta.allowed()));
    }
    if (meta.constant() != null) {
      c.put("enum", new JsonValue.Array(List.of(meta.constant())));
    }
    if (v instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.STRING || v instanceof TypeRef.EnumT) {
      putInt(c, "minLength", meta.minLength());
      putInt(c, "maxLength", meta.maxLength());
    }
    if (v instanceof TypeRef.Scalar s && (s.kind().isInteger() || s.kind().isNumber())) {
      if (meta.minimum() != null) {
        c.put("minimum", JsonValue.of(meta.minimum()));
      }
      if (meta.maximum() != null) {
        c.put("maximum", JsonValue.of(meta.maximum()));
      }
    }
    if (v instanceof TypeRef.ListT) {
      putInt(c, "minItems", meta.minItems());
      putInt(c, "maxItems", meta.maxItems());
    }
    return c;
  }

  private static void putInt(Map<String, JsonValue> m, String key, Integer n) {
    if (n != null) {
      m.put(key, JsonValue.of(n));
    }
  }

  /** The schema of a type; named types used more than once become {@code $ref}s. */
  private JsonValue schema(TypeRef t, boolean allowRef) {
    if (allowRef && isNamed(t) && uses.getOrDefault(t.javaType().toString(), 0) > 1) {
      return obj("$ref", JsonValue.of("#/$defs/" + define(t)));
    }
    if (t instanceof TypeRef.Scalar s) {
      return scalar(s);
    } else if (t instanceof TypeRef.TextT x) {
      return text(x);
    } else if (t instanceof TypeRef.EnumT e) {
      List<JsonValue> wire = new ArrayList<>();
      e.constants().forEach(c -> wire.add(JsonValue.of(c.wireName())));
      return obj("type", JsonValue.of("string"), "enum", new JsonValue.Array(wire));
    } else if (t instanceof TypeRef.ListT l) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("type", JsonValue.of("array"));
      m.put("items", field(l.element()));
      if (l.kind() == TypeRef.CollectionKind.SET) {
        m.put("uniqueItems", JsonValue.of(true));
      }
      return new JsonValue.Obj(m);
    } else if (t instanceof TypeRef.MapT m) {
      return obj("type", JsonValue.of("object"), "additionalProperties", field(m.value()));
    } else if (t instanceof TypeRef.ObjT o) {
      return new JsonValue.Obj(objectBody(o));
    } else if (t instanceof TypeRef.OptT o) {
      return schema(o.inner(), allowRef);
    } else if (t instanceof TypeRef.UnionT u) {
      List<JsonValue> variants = new ArrayList<>();
      for (TypeRef.Variant v : u.variants()) {
        Map<String, JsonValue> body = objectBody(v.record());
        Map<String, JsonValue> props = new LinkedHashMap<>();
        props.put(u.discriminator(), obj("type", JsonValue.of("string"), "enum",
            new JsonValue.Array(List.of(JsonValue.of(v.constant())))));
        props.putAll(((JsonValue.Obj) body.get("properties")).members());
        List<JsonValue> required = new ArrayList<>();
        required.add(JsonValue.of(u.discriminator()));
        required.addAll(((JsonValue.Array) body.get("required")).items());
        variants.add(obj("type", JsonValue.of("object"), "properties", new JsonValue.Obj(props), "required",
            new JsonValue.Array(required), "additionalProperties", JsonValue.of(false)));
      }
      return obj("anyOf", new JsonValue.Array(variants));
    } else if (t instanceof TypeRef.CredentialT c) {
      return obj("type", JsonValue.of("string"), "description",
          JsonValue.of("id of a stored instance of credential " + c.credentialName()));
    }
    TypeRef.ValueT v = (TypeRef.ValueT) t;
    return switch (v.kind()) {
      case SECRET -> obj("type", JsonValue.of("string"));
      case JSON -> obj("description", JsonValue.of("any JSON value"));
      case FILE_REF -> valueObject("file_ref", List.of("source", "filename", "extension", "mime_type", "size",
          "res_key", "remote_url", "content"), Map.of("source", List.of("mem", "oss"), "size", List.of()),
          List.of("source"));
      case RESOURCE_LOCATOR -> valueObject("resource_locator", List.of("mode_name", "value",
          "cached_result_label", "cached_result_url"), Map.of("mode_name", List.of("list", "url", "id")),
          List.of("mode_name"));
      case RESOURCE_MAPPER -> resourceMapper();
    };
  }

  private static JsonValue scalar(TypeRef.Scalar s) {
    if (s.kind() == TypeRef.ScalarKind.STRING) {
      return obj("type", JsonValue.of("string"));
    } else if (s.kind() == TypeRef.ScalarKind.BOOLEAN) {
      return obj("type", JsonValue.of("boolean"));
    } else if (s.kind().isNumber()) {
      return obj("type", JsonValue.of("number"));
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("type", JsonValue.of("integer"));
    // The Java type's range is part of the contract: the runtime rejects what does not fit.
    switch (s.kind()) {
      case BYTE -> range(m, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SHORT -> range(m, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT -> range(m, Integer.MIN_VALUE, Integer.MAX_VALUE);
      default -> { }
    }
    return new JsonValue.Obj(m);
  }

  private static void range(Map<String, JsonValue> m, long min, long max) {
    m.put("minimum", JsonValue.of(min));
    m.put("maximum", JsonValue.of(max));
  }

  /** A runtime value object: a {@code __type__} tag, nullable string members, some restricted to values. */
  private static JsonValue valueObject(String type, List<String> members, Map<String, List<String>> choices,
      List<String> required) {
    Map<String, JsonValue> props = new LinkedHashMap<>();
    props.put("__type__", obj("type", JsonValue.of("string"), "enum",
        new JsonValue.Array(List.of(JsonValue.of(type)))));
    for (String m : members) {
      List<String> allowed = choices.get(m);
      JsonValue s;
      if (m.equals("size")) {
        s = obj("type", JsonValue.of("integer"), "minimum", JsonValue.of(0));
      } else if (allowed != null && !allowed.isEmpty()) {
        List<JsonValue> values = new ArrayList<>();
        allowed.forEach(a -> values.add(JsonValue.of(a)));
        s = obj("type", JsonValue.of("string"), "enum", new JsonValue.Array(values));
      } else {
        s = obj("type", JsonValue.of("string"));
      }
      props.put(m, required.contains(m) ? s
          : obj("anyOf", new JsonValue.Array(List.of(s, obj("type", JsonValue.of("null"))))));
    }
    List<JsonValue> req = new ArrayList<>();
    req.add(JsonValue.of("__type__"));
    required.forEach(r -> req.add(JsonValue.of(r)));
    return obj("type", JsonValue.of("object"), "properties", new JsonValue.Obj(props), "required",
        new JsonValue.Array(req), "additionalProperties", JsonValue.of(false));
  }

  private static JsonValue resourceMapper() {
    Map<String, JsonValue> props = new LinkedHashMap<>();
    props.put("__type__", obj("type", JsonValue.of("string"), "enum",
        new JsonValue.Array(List.of(JsonValue.of("resource_mapper")))));
    props.put("mapping_mode", obj("type", JsonValue.of("string"), "enum",
        new JsonValue.Array(List.of(JsonValue.of("manual"), JsonValue.of("auto")))));
    props.put("value", obj("description", JsonValue.of("an object, a string or null")));
    return obj("type", JsonValue.of("object"), "properties", new JsonValue.Obj(props), "required",
        new JsonValue.Array(List.of(JsonValue.of("__type__"), JsonValue.of("mapping_mode"))),
        "additionalProperties", JsonValue.of(false));
  }

  private Map<String, JsonValue> objectBody(TypeRef.ObjT o) {
    Map<String, JsonValue> props = new LinkedHashMap<>();
    List<JsonValue> required = new ArrayList<>();
    for (TypeRef.Field f : o.fields()) {
      props.put(f.name(), field(f));
      if (f.required()) {
        required.add(JsonValue.of(f.name()));
      }
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("type", JsonValue.of("object"));
    m.put("properties", new JsonValue.Obj(props));
    m.put("required", new JsonValue.Array(required));
    m.put("additionalProperties", JsonValue.of(false));
    return m;
  }

  private static boolean isNamed(TypeRef t) {
    return t instanceof TypeRef.ObjT o && o.qualifiedName() != null || t instanceof TypeRef.EnumT
        || t instanceof TypeRef.UnionT;
  }

  /** The {@code $defs} key of a named type, defining it on first use; colliding simple names get a suffix. */
  private String define(TypeRef t) {
    String fqn = t.javaType().toString();
    String key = defKeys.get(fqn);
    if (key != null) {
      return key;
    }
    String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
    key = simple;
    for (int i = 2; defKeys.containsValue(key); i++) {
      key = simple + i;
    }
    defKeys.put(fqn, key);
    defs.put(key, obj()); // reserve, in case of self reference through a collection
    defs.put(key, schema(t, false));
    return key;
  }

  private static JsonValue.Obj obj(Object... kv) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (JsonValue) kv[i + 1]);
    }
    return new JsonValue.Obj(m);
  }
}
