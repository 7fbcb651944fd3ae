package dev.atomemo4j.runtime.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.io.JsonTrees;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.model.value.ResourceLocator;
import dev.atomemo4j.model.value.ResourceMapper;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.Shape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes a tool result (any Java value) into a Jackson tree, guided by the tool's output {@link Shape} when there
 * is one and generically otherwise. No reflection: records and POJOs are taken apart only by an
 * {@link Shape.Obj}'s generated {@code deconstruct}.
 *
 * <h2>What encodes how</h2>
 *
 * <ul>
 *   <li>{@code null} → null; {@code String}, {@code CharSequence}, {@code Character}, {@code char[]} → string;
 *       {@code Boolean} → boolean.
 *   <li>Numbers keep their kind: {@code byte}…{@code int} → int node, {@code long} → long node, {@code BigInteger},
 *       {@code BigDecimal} exactly (no trailing-zero stripping), {@code float}/{@code double} as such. NaN and
 *       infinities are refused: JSON has no such numbers.
 *   <li>Enums → their wire name from the {@link Shape.Enumeration}, else {@code name()}.
 *   <li>{@code Optional} and the primitive optionals → the value, or null when empty.
 *   <li>{@code Map} → object; keys must be strings (enum keys give their {@code name()}); anything else is refused.
 *   <li>{@code Iterable}, object and primitive arrays → array; {@code byte[]} → base64 string (as the schema maps it).
 *   <li>{@code JsonNode} as is; model {@link JsonValue} converted exactly.
 *   <li>{@link FileRef} → all nine members, in the order of hub-protocol §10, nulls included;
 *       {@link ResourceLocator} and {@link ResourceMapper} → their value objects, all members present.
 *   <li>{@code UUID} and {@code java.time} values → ISO-8601 strings (seconds always printed, as RFC 3339 needs).
 *   <li>Records and POJOs → only through an {@link Shape.Obj} (or {@link Shape.Union}) shape. Field order is the
 *       shape's; a null or empty-optional field that is not required is left out; a null nullable or required field
 *       is written as null. A union writes its discriminator first.
 *   <li>A {@link Secret} is never encoded, wherever it hides.
 * </ul>
 *
 * <p>Nesting deeper than {@link #MAX_DEPTH} (usually a cycle) is refused with an {@link EncodeException}, as is
 * everything above that cannot be encoded; the exception carries the pointer to the offending value.
 */
public final class ShapeEncoder {
  /** Deepest nesting encoded; a self-containing structure fails here instead of overflowing the stack. */
  public static final int MAX_DEPTH = 200;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_LOCAL_TIME;
  private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  private static final DateTimeFormatter OFFSET_DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_TIME;

  private ShapeEncoder() {}

  /** Encodes without a shape: records and POJOs are refused. */
  public static JsonNode encode(Object value) {
    return encode(value, null, 0);
  }

  /** Encodes guided by {@code shape} (the tool's output shape), or generically when it is null. */
  public static JsonNode encode(Object value, Shape shape) {
    return encode(value, shape, 0);
  }

  private static JsonNode encode(Object v, Shape s, int depth) {
    if (v == null) {
      return NullNode.getInstance();
    }
    if (v instanceof String) {
      return TextNode.valueOf((String) v);
    }
    if (v instanceof Number) {
      return number((Number) v);
    }
    if (v instanceof Boolean) {
      return BooleanNode.valueOf((Boolean) v);
    }
    if (v instanceof JsonNode) {
      return (JsonNode) v;
    }
    if (v instanceof Secret) {
      throw new EncodeException("a Secret cannot be returned; call reveal() if you really mean to return the secret");
    }
    if (depth >= MAX_DEPTH) {
      throw new EncodeException("the result nests deeper than " + MAX_DEPTH
          + " levels; does it contain itself (a cycle)?");
    }
    if (v instanceof Optional) {
      Optional<?> o = (Optional<?>) v;
      return o.isPresent() ? encode(o.get(), unwrapOpt(s), depth + 1) : NullNode.getInstance();
    }
    while (s instanceof Shape.Opt) {
      s = ((Shape.Opt) s).inner();
    }
    if (s instanceof Shape.Obj && !(v instanceof Map)) {
      return record((Shape.Obj) s, v, depth, null, null);
    }
    if (v instanceof Enum) {
      return TextNode.valueOf(enumName((Enum<?>) v, s));
    }
    if (v instanceof Map) {
      return map((Map<?, ?>) v, s instanceof Shape.MapOf ? ((Shape.MapOf) s).values() : null, depth);
    }
    if (v instanceof Iterable) {
      return iterable((Iterable<?>) v, s instanceof Shape.Arr ? ((Shape.Arr) s).items() : null, depth);
    }
    if (s instanceof Shape.Union) {
      return union((Shape.Union) s, v, depth);
    }
    if (v instanceof CharSequence || v instanceof Character) {
      return TextNode.valueOf(v.toString());
    }
    if (v instanceof FileRef) {
      return fileRef((FileRef) v);
    }
    if (v instanceof ResourceLocator) {
      return locator((ResourceLocator) v);
    }
    if (v instanceof ResourceMapper) {
      ResourceMapper m = (ResourceMapper) v;
      ObjectNode out = NODES.objectNode();
      out.set("__type__", TextNode.valueOf(ResourceMapper.TYPE));
      out.set("mapping_mode", text(m.mappingMode()));
      out.set("value", m.value() == null ? NullNode.getInstance() : JsonTrees.toJackson(m.value()));
      return out;
    }
    if (v instanceof JsonValue) {
      return JsonTrees.toJackson((JsonValue) v);
    }
    if (v instanceof Object[]) {
      return objectArray((Object[]) v, s instanceof Shape.Arr ? ((Shape.Arr) s).items() : null, depth);
    }
    JsonNode special = primitiveArrayOrOptional(v);
    if (special != null) {
      return special;
    }
    special = timeOrUuid(v);
    if (special != null) {
      return special;
    }
    if (s instanceof Shape.Arr && ((Shape.Arr) s).fromArray() != null) {
      Shape.Arr a = (Shape.Arr) s;
      return iterable(a.fromArray().apply(v), a.items(), depth);
    }
    throw new EncodeException("cannot encode a " + v.getClass().getName()
        + ": return a record declared in the tool's return type, a Map, or a JsonNode");
  }

  private static Shape unwrapOpt(Shape s) {
    return s instanceof Shape.Opt ? ((Shape.Opt) s).inner() : s;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scalars

  private static JsonNode number(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return IntNode.valueOf(n.intValue());
    } else if (n instanceof Long) {
      return LongNode.valueOf(n.longValue());
    } else if (n instanceof Double) {
      return DoubleNode.valueOf(finite(n.doubleValue()));
    } else if (n instanceof BigDecimal) {
      return DecimalNode.valueOf((BigDecimal) n);
    } else if (n instanceof Float) {
      return FloatNode.valueOf((float) finite(n.floatValue()));
    } else if (n instanceof BigInteger) {
      return BigIntegerNode.valueOf((BigInteger) n);
    } else if (n instanceof AtomicInteger) {
      return IntNode.valueOf(n.intValue());
    } else if (n instanceof AtomicLong) {
      return LongNode.valueOf(n.longValue());
    }
    try {
      return DecimalNode.valueOf(new BigDecimal(n.toString()));
    } catch (NumberFormatException e) {
      throw new EncodeException("cannot encode the number " + n + " of type " + n.getClass().getName(), e);
    }
  }

  private static double finite(double d) {
    if (!Double.isFinite(d)) {
      throw new EncodeException("JSON has no " + d + "; return a finite number or null");
    }
    return d;
  }

  private static JsonNode text(String s) {
    return s == null ? NullNode.getInstance() : TextNode.valueOf(s);
  }

  private static String enumName(Enum<?> e, Shape s) {
    if (s instanceof Shape.Enumeration) {
      for (Map.Entry<String, Object> c : ((Shape.Enumeration) s).constants().entrySet()) {
        if (c.getValue() == e) {
          return c.getKey();
        }
      }
    }
    return e.name();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Containers

  private static ObjectNode map(Map<?, ?> m, Shape valueShape, int depth) {
    ObjectNode out = new ObjectNode(NODES, new LinkedHashMap<>(ShapeDecoder.capacity(m.size())));
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object k = e.getKey();
      String key;
      if (k instanceof String) {
        key = (String) k;
      } else if (k instanceof Enum) {
        key = ((Enum<?>) k).name();
      } else {
        throw new EncodeException("a Map key must be a String (or an enum constant), got "
            + (k == null ? "null" : k.getClass().getName() + " " + k));
      }
      try {
        out.set(key, encode(e.getValue(), valueShape, depth + 1));
      } catch (EncodeException ex) {
        throw ex.at(key);
      }
    }
    return out;
  }

  private static ArrayNode iterable(Iterable<?> it, Shape itemShape, int depth) {
    ArrayNode out = it instanceof Collection ? new ArrayNode(NODES, ((Collection<?>) it).size()) : NODES.arrayNode();
    int i = 0;
    for (Object item : it) {
      try {
        out.add(encode(item, itemShape, depth + 1));
      } catch (EncodeException ex) {
        throw ex.at(i);
      }
      i++;
    }
    return out;
  }

  private static ArrayNode objectArray(Object[] items, Shape itemShape, int depth) {
    ArrayNode out = new ArrayNode(NODES, items.length);
    for (int i = 0; i < items.length; i++) {
      try {
        out.add(encode(items[i], itemShape, depth + 1));
      } catch (EncodeException ex) {
        throw ex.at(i);
      }
    }
    return out;
  }

  /** Primitive arrays and primitive optionals; null for anything else. */
  private static JsonNode primitiveArrayOrOptional(Object v) {
    if (v instanceof int[]) {
      int[] a = (int[]) v;
      ArrayNode out = new ArrayNode(NODES, a.length);
      for (int x : a) {
        out.add(IntNode.valueOf(x));
      }
      return out;
    } else if (v instanceof long[]) {
      long[] a = (long[]) v;
      ArrayNode out = new ArrayNode(NODES, a.length);
      for (long x : a) {
        out.add(LongNode.valueOf(x));
      }
      return out;
    } else if (v instanceof double[]) {
      double[] a = (double[]) v;
      ArrayNode out = new ArrayNode(NODES, a.length);
      for (int i = 0; i < a.length; i++) {
        try {
          out.add(DoubleNode.valueOf(finite(a[i])));
        } catch (EncodeException ex) {
          throw ex.at(i);
        }
      }
      return out;
    } else if (v instanceof byte[]) {
      return TextNode.valueOf(Base64.getEncoder().encodeToString((byte[]) v));
    } else if (v instanceof boolean[]) {
      boolean[] a = (boolean[]) v;
      ArrayNode out = new ArrayNode(NODES, a.length);
      for (boolean x : a) {
        out.add(BooleanNode.valueOf(x));
      }
      return out;
    } else if (v instanceof float[]) {
      float[] a = (float[]) v;
      ArrayNode out = new ArrayNode(NODES, a.length);
      for (int i = 0; i < a.length; i++) {
        try {
          out.add(FloatNode.valueOf((float) finite(a[i])));
        } catch (EncodeException ex) {
          throw ex.at(i);
        }
      }
      return out;
    } else if (v instanceof short[]) {
      short[] a = (short[]) v;
      ArrayNode out = new ArrayNode(NODES, a.length);
      for (short x : a) {
        out.add(IntNode.valueOf(x));
      }
      return out;
    } else if (v instanceof char[]) {
      return TextNode.valueOf(new String((char[]) v));
    } else if (v instanceof OptionalInt) {
      OptionalInt o = (OptionalInt) v;
      return o.isPresent() ? IntNode.valueOf(o.getAsInt()) : NullNode.getInstance();
    } else if (v instanceof OptionalLong) {
      OptionalLong o = (OptionalLong) v;
      return o.isPresent() ? LongNode.valueOf(o.getAsLong()) : NullNode.getInstance();
    } else if (v instanceof OptionalDouble) {
      OptionalDouble o = (OptionalDouble) v;
      return o.isPresent() ? DoubleNode.valueOf(finite(o.getAsDouble())) : NullNode.getInstance();
    }
    return null;
  }

  /** {@code UUID} and {@code java.time} values as the schema maps them (strings); null for anything else. */
  private static JsonNode timeOrUuid(Object v) {
    String s;
    if (v instanceof UUID || v instanceof Instant || v instanceof LocalDate || v instanceof Duration) {
      s = v.toString();
    } else if (v instanceof OffsetDateTime || v instanceof ZonedDateTime) {
      s = OFFSET_DATE_TIME.format((java.time.temporal.TemporalAccessor) v);
    } else if (v instanceof LocalDateTime) {
      s = LOCAL_DATE_TIME.format((LocalDateTime) v);
    } else if (v instanceof LocalTime) {
      s = LOCAL_TIME.format((LocalTime) v);
    } else if (v instanceof java.net.URI || v instanceof java.net.URL) {
      s = v.toString();
    } else if (v instanceof OffsetTime) {
      s = OFFSET_TIME.format((OffsetTime) v);
    } else {
      return null;
    }
    return TextNode.valueOf(s);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Records, unions, value objects

  /**
   * @param discriminator for a union variant: the member written first, with {@code constant} when the record does
   *     not carry it
   */
  private static ObjectNode record(Shape.Obj obj, Object v, int depth, String discriminator, String constant) {
    if (obj.deconstruct() == null) {
      throw new EncodeException("cannot encode a " + v.getClass().getName() + ": the shape of " + obj.typeName()
          + " has no deconstruct");
    }
    Object[] values;
    try {
      values = obj.deconstruct().apply(v);
    } catch (ClassCastException e) {
      throw new EncodeException("expected a " + obj.typeName() + " as the tool's return type declares, got a "
          + v.getClass().getName(), e);
    }
    List<Shape.Field> fields = obj.fields();
    int n = fields.size();
    if (values == null || values.length != n) {
      throw new EncodeException("the generated deconstruct of " + obj.typeName() + " returned "
          + (values == null ? "null" : values.length + " values") + " for " + n + " fields");
    }
    ObjectNode out = new ObjectNode(NODES, new LinkedHashMap<>(ShapeDecoder.capacity(n + 1)));
    int skip = -1;
    if (discriminator != null) {
      for (int i = 0; i < n; i++) {
        if (fields.get(i).name().equals(discriminator)) {
          skip = i;
          break;
        }
      }
      JsonNode tag;
      if (skip >= 0 && values[skip] != null) {
        try {
          tag = encode(values[skip], fields.get(skip).shape(), depth + 1);
        } catch (EncodeException ex) {
          throw ex.at(discriminator);
        }
      } else {
        tag = constantNode(constant, skip >= 0 ? fields.get(skip).shape() : null);
      }
      out.set(discriminator, tag);
    }
    for (int i = 0; i < n; i++) {
      if (i == skip) {
        continue;
      }
      Shape.Field f = fields.get(i);
      Object fv = values[i];
      if (!f.required() && isEmpty(fv) && (fv != null || !f.nullable())) {
        continue; // optional and unset: leave the member out (a nullable null is written as null)
      }
      try {
        out.set(f.name(), encode(fv, f.shape(), depth + 1));
      } catch (EncodeException ex) {
        throw ex.at(f.name());
      }
    }
    return out;
  }

  private static boolean isEmpty(Object v) {
    if (v == null) {
      return true;
    } else if (v instanceof Optional) {
      return ((Optional<?>) v).isEmpty();
    } else if (v instanceof OptionalInt) {
      return ((OptionalInt) v).isEmpty();
    } else if (v instanceof OptionalLong) {
      return ((OptionalLong) v).isEmpty();
    } else if (v instanceof OptionalDouble) {
      return ((OptionalDouble) v).isEmpty();
    }
    return false;
  }

  /** A union's discriminator constant, typed by the variant's field shape when it declares one. */
  private static JsonNode constantNode(String constant, Shape shape) {
    while (shape instanceof Shape.Opt) {
      shape = ((Shape.Opt) shape).inner();
    }
    try {
      if (shape instanceof Shape.Int) {
        return BigIntegerNode.valueOf(new BigInteger(constant));
      } else if (shape instanceof Shape.Num) {
        return DecimalNode.valueOf(new BigDecimal(constant));
      } else if (shape instanceof Shape.Bool) {
        return BooleanNode.valueOf(Boolean.parseBoolean(constant));
      }
    } catch (NumberFormatException e) {
      // fall through: the constant is written as a string
    }
    return TextNode.valueOf(constant);
  }

  private static ObjectNode union(Shape.Union u, Object v, int depth) {
    if (u.variantOf() == null) {
      throw new EncodeException("the union shape on discriminator `" + u.discriminator() + "` has no variantOf");
    }
    String constant;
    try {
      constant = u.variantOf().apply(v);
    } catch (ClassCastException e) {
      throw new EncodeException("expected a variant of the union on `" + u.discriminator() + "`, got a "
          + v.getClass().getName(), e);
    }
    Shape.Obj variant = constant == null ? null : u.variants().get(constant);
    if (variant == null) {
      throw new EncodeException("a " + v.getClass().getName() + " is no variant of the union on `"
          + u.discriminator() + "` (variantOf gave " + constant + "); expected one of: "
          + Suggestions.list(u.variants().keySet()));
    }
    return record(variant, v, depth, u.discriminator(), constant);
  }

  private static ObjectNode fileRef(FileRef f) {
    ObjectNode out = new ObjectNode(NODES, new LinkedHashMap<>(16));
    out.set("__type__", TextNode.valueOf(FileRef.TYPE));
    out.set("source", text(f.source()));
    out.set("filename", text(f.filename()));
    out.set("extension", text(f.extension()));
    out.set("mime_type", text(f.mimeType()));
    out.set("size", f.size() == null ? NullNode.getInstance() : LongNode.valueOf(f.size()));
    out.set("res_key", text(f.resKey()));
    out.set("remote_url", text(f.remoteUrl()));
    out.set("content", text(f.content()));
    return out;
  }

  private static ObjectNode locator(ResourceLocator l) {
    ObjectNode out = NODES.objectNode();
    out.set("__type__", TextNode.valueOf(ResourceLocator.TYPE));
    out.set("mode_name", text(l.modeName()));
    out.set("value", text(l.value()));
    out.set("cached_result_label", text(l.cachedResultLabel()));
    out.set("cached_result_url", text(l.cachedResultUrl()));
    return out;
  }
}
