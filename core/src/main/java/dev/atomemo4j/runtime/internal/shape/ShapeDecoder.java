package dev.atomemo4j.runtime.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.model.value.ResourceLocator;
import dev.atomemo4j.model.value.ResourceMapper;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.Shape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and decodes incoming JSON against a {@link Shape} in one pass, collecting every problem (not just the
 * first) with its JSON pointer. Builds Java values only through the shape's generated lambdas; no reflection.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>No coercion between JSON types: {@code "3"} is not an integer, {@code 3} is not a string. An integer is any
 *       JSON number without a fractional part ({@code 3.0} counts, as in JSON Schema).
 *   <li>String lengths are counted in Unicode code points, as JSON Schema does.
 *   <li>Integers must fit the Java type ({@code byte}… {@code long}) as well as {@code minimum}/{@code maximum};
 *       {@code BigInteger} has no range of its own (a value above 1000 digits is refused as too large).
 *   <li>Objects ({@link Shape.Obj}) reject unknown members, with a did-you-mean hint. A missing member is a
 *       problem when required, else the field's {@code absent} value. A JSON {@code null} member:
 *       <ol>
 *         <li>an {@link Shape.AnyJson} field receives {@link NullNode} (any JSON value, null included; Jackson
 *             does the same for {@code JsonNode} properties);
 *         <li>an {@link Shape.Opt} field receives its {@code absent} value (the empty optional);
 *         <li>a {@code nullable} field receives Java {@code null};
 *         <li>a field that is not required is <b>treated as absent</b>: the Hub's designer and language models
 *             commonly send {@code null} for "not set", and the author cannot tell the two apart anyway;
 *         <li>otherwise it is a problem, "must not be null".
 *       </ol>
 *   <li>Array items and map values are never null: {@code null} there is a problem, except for an
 *       {@link Shape.AnyJson} item ({@link NullNode}) or an {@link Shape.Opt} item ({@code wrap(null)}, which the
 *       generated lambda must turn into the empty optional).
 *   <li>When a record's constructor throws (e.g. compact-constructor validation), its message becomes a problem at
 *       the object's pointer. Constructors are only called when everything inside decoded cleanly.
 *   <li>Credentials ({@link Shape.CredentialRef}): the parameter's string value is looked up in the request's
 *       credentials; the instance's values are decoded with the credential's shape, and problems inside are
 *       reported <b>under the parameter's pointer</b> ({@code /my_credential/api_key}), although on the wire the
 *       parameter is just the instance id: that names both the parameter and the credential field. Unknown members
 *       of stored credential values are ignored (an old instance may hold fields a newer plugin version dropped;
 *       the person invoking the tool cannot fix them), and no credential value is ever quoted in a message.
 *   <li>Runtime value objects (hub-protocol §10): {@code file_ref} members may be absent (= null, D13) except
 *       {@code source}; unknown members of value objects are ignored, for forward compatibility.
 * </ul>
 *
 * <p>Recursion is capped at {@link #MAX_DEPTH} levels of nesting.
 */
public final class ShapeDecoder {
  /** Deepest nesting decoded; deeper values are a problem, not a stack overflow. */
  public static final int MAX_DEPTH = 200;

  /** Most digits of an integer decoded into a {@code BigInteger}. */
  static final int MAX_INTEGER_DIGITS = 1000;

  /** Marks a value that failed to decode; never leaves this class. */
  private static final Object INVALID = new Object();

  private static final int MAX_QUOTED = 40;

  private final DecodeContext context;
  private final PointerPath path = new PointerPath();
  private List<Problem> problems;
  /** Say "parameter" instead of "property" for unknown members at the root. */
  private final boolean rootIsParameters;
  /** Never quote values (inside credentials). */
  private boolean redact;

  private ShapeDecoder(DecodeContext context, boolean rootIsParameters, boolean redact) {
    this.context = context == null ? DecodeContext.EMPTY : context;
    this.rootIsParameters = rootIsParameters;
    this.redact = redact;
  }

  /**
   * Decodes a tool's {@code parameters} object (hub-protocol §8.2) with the tool's input shape; pointers are
   * relative to that object. A null, missing or JSON-null node counts as {@code {}}.
   */
  public static Decoded decodeParameters(Shape.Obj input, JsonNode parameters, DecodeContext context) {
    ShapeDecoder d = new ShapeDecoder(context, true, false);
    JsonNode node = parameters == null || parameters.isMissingNode() || parameters.isNull()
        ? JsonNodeFactory.instance.objectNode()
        : parameters;
    if (!node.isObject()) {
      d.problem("parameters must be an object, got " + d.got(node));
      return d.result(INVALID);
    }
    return d.result(d.decodeObj(input, node, null, false));
  }

  /**
   * Decodes a credential's stored values (e.g. the {@code credential} member of {@code credential_auth_spec},
   * hub-protocol §8.3). Unknown members are ignored and no value is quoted in a message.
   */
  public static Decoded decodeCredential(Shape.Obj values, JsonNode node) {
    ShapeDecoder d = new ShapeDecoder(DecodeContext.EMPTY, false, true);
    if (node == null || !node.isObject()) {
      d.problem("credential values must be an object, got " + d.got(node == null ? NullNode.getInstance() : node));
      return d.result(INVALID);
    }
    return d.result(d.decodeObj(values, node, null, true));
  }

  /** Decodes any value against any shape; pointers are relative to {@code node}. Java null counts as JSON null. */
  public static Decoded decode(Shape shape, JsonNode node, DecodeContext context) {
    ShapeDecoder d = new ShapeDecoder(context, false, false);
    JsonNode n = node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    return d.result(d.value(shape, n));
  }

  private Decoded result(Object value) {
    if (problems != null) {
      return Decoded.failed(problems);
    }
    if (value == INVALID) {
      throw new IllegalStateException("decoder produced no value and no problem");
    }
    return Decoded.ok(value);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Dispatch

  private Object value(Shape shape, JsonNode node) {
    if (node.isNull()) {
      return nullItem(shape);
    }
    if (path.depth() > MAX_DEPTH) {
      problem("is nested too deeply (more than " + MAX_DEPTH + " levels)");
      return INVALID;
    }
    if (shape instanceof Shape.Str) {
      return str((Shape.Str) shape, node);
    } else if (shape instanceof Shape.Int) {
      return integer((Shape.Int) shape, node);
    } else if (shape instanceof Shape.Obj) {
      return decodeObj((Shape.Obj) shape, node, null, false);
    } else if (shape instanceof Shape.Bool) {
      if (node.isBoolean()) {
        return node.booleanValue() ? Boolean.TRUE : Boolean.FALSE;
      }
      return mismatch("must be a boolean", node);
    } else if (shape instanceof Shape.Arr) {
      return array((Shape.Arr) shape, node);
    } else if (shape instanceof Shape.Enumeration) {
      return enumeration((Shape.Enumeration) shape, node);
    } else if (shape instanceof Shape.Num) {
      return number((Shape.Num) shape, node);
    } else if (shape instanceof Shape.Opt) {
      Shape.Opt opt = (Shape.Opt) shape;
      Object inner = value(opt.inner(), node);
      return inner == INVALID ? INVALID : opt.wrap().apply(inner);
    } else if (shape instanceof Shape.MapOf) {
      return map((Shape.MapOf) shape, node);
    } else if (shape instanceof Shape.AnyJson) {
      return node;
    } else if (shape instanceof Shape.SecretStr) {
      if (node.isTextual()) {
        return Secret.of(node.textValue());
      }
      problem("must be a string (a secret), got " + kind(node));
      return INVALID;
    } else if (shape instanceof Shape.Textual) {
      return textual((Shape.Textual) shape, node);
    } else if (shape instanceof Shape.Union) {
      return union((Shape.Union) shape, node);
    } else if (shape instanceof Shape.FileRefValue) {
      return fileRef(node);
    } else if (shape instanceof Shape.LocatorValue) {
      return locator(node);
    } else if (shape instanceof Shape.MapperValue) {
      return mapper(node);
    } else if (shape instanceof Shape.CredentialRef) {
      return credential((Shape.CredentialRef) shape, node);
    }
    throw new IllegalArgumentException("unsupported shape " + shape);
  }

  /** A JSON null where no field rule applies: an array item, a map value, or the root of {@link #decode}. */
  private Object nullItem(Shape shape) {
    if (shape instanceof Shape.AnyJson) {
      return NullNode.getInstance();
    }
    if (shape instanceof Shape.Opt) {
      return ((Shape.Opt) shape).wrap().apply(null);
    }
    problem("must not be null");
    return INVALID;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scalars

  private Object str(Shape.Str s, JsonNode node) {
    if (!node.isTextual()) {
      return mismatch("must be a string", node);
    }
    String text = node.textValue();
    List<String> allowed = s.allowed();
    if (allowed != null) {
      if (!allowed.contains(text)) {
        notOneOf(allowed, node, text);
        return INVALID;
      }
      return text;
    }
    Integer min = s.minLength();
    Integer max = s.maxLength();
    if (min != null || max != null) {
      int units = text.length();
      // code points lie between units/2 and units: count them only when that range straddles a bound
      boolean maybeLong = max != null && units > max;
      boolean maybeShort = min != null && (units + 1) / 2 < min;
      if (maybeLong || maybeShort) {
        int length = text.codePointCount(0, units);
        if ((max != null && length > max) || (min != null && length < min)) {
          problem(lengthMessage(min, max, length));
          return INVALID;
        }
      }
    }
    return text;
  }

  /** A date, duration, UUID, URI or base64 string, parsed into its Java type. */
  private Object textual(Shape.Textual t, JsonNode node) {
    if (!node.isTextual()) {
      return mismatch("must be a string: " + t.kind().expected(), node);
    }
    String text = node.textValue();
    try {
      return t.kind().parse(text);
    } catch (IllegalArgumentException e) {
      String shown = text.length() > 60 ? text.substring(0, 57) + "…" : text;
      problem("must be " + t.kind().expected() + ", got \"" + shown + "\"");
      return INVALID;
    }
  }

  private static String lengthMessage(Integer min, Integer max, int length) {
    String bound;
    if (min != null && max != null) {
      bound = min.equals(max) ? "exactly " + min : "between " + min + " and " + max;
    } else if (min != null) {
      bound = "at least " + min;
    } else {
      bound = "at most " + max;
    }
    return "must be " + bound + " characters long, got " + length;
  }

  private Object enumeration(Shape.Enumeration e, JsonNode node) {
    if (node.isTextual()) {
      Object constant = e.constants().get(node.textValue());
      if (constant != null) {
        return constant;
      }
    }
    notOneOf(e.constants().keySet(), node, node.isTextual() ? node.textValue() : null);
    return INVALID;
  }

  private Object integer(Shape.Int s, JsonNode node) {
    if (!node.isNumber()) {
      return mismatch("must be an integer", node);
    }
    if (node.isInt() || node.isLong() || node.isShort()) {
      return checkLong(s, node.longValue(), node);
    }
    BigInteger big;
    if (node.isBigInteger()) {
      big = node.bigIntegerValue();
    } else if (node.isBigDecimal()) {
      BigDecimal d = node.decimalValue();
      if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
        return mismatch("must be an integer", node);
      }
      int digits = d.precision() - d.scale();
      if (digits > 19 && s.kind() != Shape.IntKind.BIG_INTEGER) {
        problem(outOfKindRange(s, got(node)));
        return INVALID;
      }
      if (digits > MAX_INTEGER_DIGITS) {
        problem("is too large (more than " + MAX_INTEGER_DIGITS + " digits), got " + got(node));
        return INVALID;
      }
      big = d.toBigInteger();
    } else {
      double d = node.doubleValue();
      if (!Double.isFinite(d)) {
        problem("must be a finite integer, got " + got(node));
        return INVALID;
      }
      if (d != Math.rint(d)) {
        return mismatch("must be an integer", node);
      }
      if (Math.abs(d) < 0x1p63) {
        return checkLong(s, (long) d, node);
      }
      big = new BigDecimal(d).toBigInteger();
    }
    if (big.bitLength() < 64) {
      return checkLong(s, big.longValue(), node);
    }
    return checkBig(s, big);
  }

  private Object checkLong(Shape.Int s, long v, JsonNode node) {
    Shape.IntKind kind = s.kind();
    boolean unboundedKind = kind == Shape.IntKind.BIG_INTEGER;
    long lo = unboundedKind ? Long.MIN_VALUE : kind.min;
    long hi = unboundedKind ? Long.MAX_VALUE : kind.max;
    if (s.minimum() != null) {
      lo = Math.max(lo, ceilToLong(s.minimum()));
    }
    if (s.maximum() != null) {
      hi = Math.min(hi, floorToLong(s.maximum()));
    }
    if (v < lo || v > hi) {
      problem(intRangeMessage(s, lo, hi, Long.toString(v)));
      return INVALID;
    }
    List<Long> allowed = s.allowed();
    if (allowed != null && !containsLong(allowed, v)) {
      notOneOf(allowed, node, null);
      return INVALID;
    }
    switch (kind) {
      case BYTE:
        return Byte.valueOf((byte) v);
      case SHORT:
        return Short.valueOf((short) v);
      case INT:
        return Integer.valueOf((int) v);
      case LONG:
        return Long.valueOf(v);
      default:
        return BigInteger.valueOf(v);
    }
  }

  /** A value beyond {@code long}: only a BigInteger kind can hold it. */
  private Object checkBig(Shape.Int s, BigInteger v) {
    if (s.kind() != Shape.IntKind.BIG_INTEGER) {
      problem(outOfKindRange(s, v.toString()));
      return INVALID;
    }
    BigDecimal exact = new BigDecimal(v);
    boolean belowMin = s.minimum() != null && exact.compareTo(new BigDecimal(s.minimum())) < 0;
    boolean aboveMax = s.maximum() != null && exact.compareTo(new BigDecimal(s.maximum())) > 0;
    if (belowMin || aboveMax) {
      long lo = s.minimum() == null ? Long.MIN_VALUE : ceilToLong(s.minimum());
      long hi = s.maximum() == null ? Long.MAX_VALUE : floorToLong(s.maximum());
      problem(intRangeMessage(s, lo, hi, v.toString()));
      return INVALID;
    }
    if (s.allowed() != null) {
      problem("is not one of: " + Suggestions.list(s.allowed()) + "; got " + v);
      return INVALID;
    }
    return v;
  }

  /** The range message for a value too large for a bounded kind's {@code long}. */
  private static String outOfKindRange(Shape.Int s, String got) {
    long lo = s.kind().min;
    long hi = s.kind().max;
    if (s.minimum() != null) {
      lo = Math.max(lo, ceilToLong(s.minimum()));
    }
    if (s.maximum() != null) {
      hi = Math.min(hi, floorToLong(s.maximum()));
    }
    return intRangeMessage(s, lo, hi, got);
  }

  private static String intRangeMessage(Shape.Int s, long lo, long hi, String got) {
    boolean hasLo = s.kind() != Shape.IntKind.BIG_INTEGER || s.minimum() != null;
    boolean hasHi = s.kind() != Shape.IntKind.BIG_INTEGER || s.maximum() != null;
    String bound;
    if (hasLo && hasHi) {
      bound = "between " + lo + " and " + hi;
    } else if (hasLo) {
      bound = "of at least " + lo;
    } else {
      bound = "of at most " + hi;
    }
    return "must be an integer " + bound + ", got " + got;
  }

  private static long ceilToLong(double d) {
    double c = Math.ceil(d);
    if (c <= -0x1p63) {
      return Long.MIN_VALUE;
    }
    return c >= 0x1p63 ? Long.MAX_VALUE : (long) c;
  }

  private static long floorToLong(double d) {
    double f = Math.floor(d);
    if (f <= -0x1p63) {
      return Long.MIN_VALUE;
    }
    return f >= 0x1p63 ? Long.MAX_VALUE : (long) f;
  }

  private static boolean containsLong(List<Long> allowed, long v) {
    for (int i = 0, n = allowed.size(); i < n; i++) {
      if (allowed.get(i) == v) {
        return true;
      }
    }
    return false;
  }

  private Object number(Shape.Num s, JsonNode node) {
    if (!node.isNumber()) {
      return mismatch("must be a number", node);
    }
    if (s.kind() == Shape.NumKind.BIG_DECIMAL) {
      BigDecimal v;
      if (node.isBigDecimal() || node.isIntegralNumber()) {
        v = node.decimalValue();
      } else {
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
          problem("must be a finite number, got " + got(node));
          return INVALID;
        }
        v = BigDecimal.valueOf(d);
      }
      boolean belowMin = s.minimum() != null && v.compareTo(BigDecimal.valueOf(s.minimum())) < 0;
      boolean aboveMax = s.maximum() != null && v.compareTo(BigDecimal.valueOf(s.maximum())) > 0;
      if (belowMin || aboveMax) {
        problem(numRangeMessage(s.minimum(), s.maximum(), node));
        return INVALID;
      }
      if (s.allowed() != null) {
        for (Double a : s.allowed()) {
          if (v.compareTo(BigDecimal.valueOf(a)) == 0) {
            return v;
          }
        }
        notOneOf(formatNumbers(s.allowed()), node, null);
        return INVALID;
      }
      return v;
    }
    double d = node.doubleValue();
    if (!Double.isFinite(d)) {
      problem("must be a finite number that fits a double, got " + got(node));
      return INVALID;
    }
    boolean isFloat = s.kind() == Shape.NumKind.FLOAT;
    if (isFloat && Math.abs(d) > Float.MAX_VALUE) {
      problem("must be a number between " + (-Float.MAX_VALUE) + " and " + Float.MAX_VALUE + ", got " + got(node));
      return INVALID;
    }
    if ((s.minimum() != null && d < s.minimum()) || (s.maximum() != null && d > s.maximum())) {
      problem(numRangeMessage(s.minimum(), s.maximum(), node));
      return INVALID;
    }
    if (s.allowed() != null) {
      boolean found = false;
      for (int i = 0, n = s.allowed().size(); i < n && !found; i++) {
        found = s.allowed().get(i) == d;
      }
      if (!found) {
        notOneOf(formatNumbers(s.allowed()), node, null);
        return INVALID;
      }
    }
    return isFloat ? (Object) Float.valueOf((float) d) : (Object) Double.valueOf(d);
  }

  private String numRangeMessage(Double min, Double max, JsonNode node) {
    String bound;
    if (min != null && max != null) {
      bound = "between " + formatNumber(min) + " and " + formatNumber(max);
    } else if (min != null) {
      bound = "of at least " + formatNumber(min);
    } else {
      bound = "of at most " + formatNumber(max);
    }
    return "must be a number " + bound + ", got " + got(node);
  }

  static String formatNumber(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static List<String> formatNumbers(List<Double> values) {
    List<String> out = new ArrayList<>(values.size());
    for (Double v : values) {
      out.add(formatNumber(v));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Containers

  private Object array(Shape.Arr a, JsonNode node) {
    if (!node.isArray()) {
      return mismatch("must be an array", node);
    }
    int size = node.size();
    int before = problemCount();
    Integer min = a.minItems();
    Integer max = a.maxItems();
    if ((min != null && size < min) || (max != null && size > max)) {
      problem(itemCountMessage(min, max, size));
    }
    Shape items = a.items();
    ArrayList<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      path.push(i);
      list.add(value(items, node.get(i)));
      path.pop();
    }
    if (a.collection() == Shape.Collection.SET) {
      Set<Object> set = new LinkedHashSet<>(capacity(size));
      for (int i = 0; i < size; i++) {
        Object v = list.get(i);
        if (v != INVALID && !set.add(v)) {
          path.push(i);
          problem("duplicates item " + list.indexOf(v) + "; the items must be unique");
          path.pop();
        }
      }
      return problemCount() != before ? INVALID : Collections.unmodifiableSet(set);
    }
    if (problemCount() != before) {
      return INVALID;
    }
    if (a.collection() == Shape.Collection.ARRAY) {
      if (a.toArray() == null) {
        throw new IllegalStateException("array shape without toArray: " + a);
      }
      return a.toArray().apply(list);
    }
    return Collections.unmodifiableList(list);
  }

  private static String itemCountMessage(Integer min, Integer max, int size) {
    String bound;
    int plural;
    if (min != null && max != null) {
      bound = min.equals(max) ? "exactly " + min : "between " + min + " and " + max;
      plural = max;
    } else if (min != null) {
      bound = "at least " + min;
      plural = min;
    } else {
      bound = "at most " + max;
      plural = max;
    }
    return "must have " + bound + (plural == 1 ? " item" : " items") + ", got " + size;
  }

  private Object map(Shape.MapOf m, JsonNode node) {
    if (!node.isObject()) {
      return mismatch("must be an object", node);
    }
    int before = problemCount();
    Shape values = m.values();
    Map<String, Object> out = new LinkedHashMap<>(capacity(node.size()));
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      path.push(e.getKey());
      out.put(e.getKey(), value(values, e.getValue()));
      path.pop();
    }
    return problemCount() != before ? INVALID : Collections.unmodifiableMap(out);
  }

  /**
   * @param skipKey a member to accept without a field (a union's discriminator the variant does not declare)
   * @param lenient ignore unknown members (credential values)
   */
  private Object decodeObj(Shape.Obj obj, JsonNode node, String skipKey, boolean lenient) {
    if (!node.isObject()) {
      return mismatch("must be an object", node);
    }
    int before = problemCount();
    List<Shape.Field> fields = obj.fields();
    int n = fields.size();
    Object[] values = new Object[n];
    int present = 0;
    for (int i = 0; i < n; i++) {
      Shape.Field f = fields.get(i);
      JsonNode v = node.get(f.name());
      if (v == null) {
        if (f.required()) {
          path.push(f.name());
          problem("is required");
          path.pop();
        } else {
          values[i] = f.absent();
        }
        continue;
      }
      present++;
      if (v.isNull()) {
        values[i] = nullField(f);
        continue;
      }
      path.push(f.name());
      values[i] = value(f.shape(), v);
      path.pop();
    }
    if (skipKey != null && node.get(skipKey) != null) {
      present++;
    }
    if (!lenient && node.size() > present) {
      unknownMembers(obj, node, skipKey);
    }
    if (problemCount() != before) {
      return INVALID;
    }
    if (obj.construct() == null) {
      return values;
    }
    try {
      return obj.construct().apply(values);
    } catch (RuntimeException e) {
      String message = e.getMessage();
      problem(message == null || message.isBlank()
          ? "is not a valid " + obj.typeName() + " (" + e.getClass().getSimpleName() + ")"
          : message);
      return INVALID;
    }
  }

  private Object nullField(Shape.Field f) {
    Shape shape = f.shape();
    if (shape instanceof Shape.AnyJson) {
      return NullNode.getInstance();
    }
    if (shape instanceof Shape.Opt) {
      return f.absent();
    }
    if (f.nullable()) {
      return null;
    }
    if (!f.required()) {
      return f.absent();
    }
    path.push(f.name());
    problem("must not be null");
    path.pop();
    return INVALID;
  }

  private void unknownMembers(Shape.Obj obj, JsonNode node, String skipKey) {
    List<String> names = new ArrayList<>(obj.fields().size());
    for (Shape.Field f : obj.fields()) {
      names.add(f.name());
    }
    String what = rootIsParameters && path.depth() == 0 ? "parameter" : "property";
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (names.contains(key) || key.equals(skipKey)) {
        continue;
      }
      StringBuilder msg = new StringBuilder("unknown ").append(what).append(" `").append(key).append('`');
      String suggestion = Suggestions.closest(key, names);
      if (suggestion != null) {
        msg.append(" (did you mean `").append(suggestion).append("`?)");
      }
      if (names.isEmpty()) {
        msg.append(rootIsParameters && path.depth() == 0 ? "; this tool takes no parameters" : "; expected none");
      } else {
        msg.append("; expected one of: ").append(Suggestions.list(names));
      }
      path.push(key);
      problem(msg.toString());
      path.pop();
    }
  }

  private Object union(Shape.Union u, JsonNode node) {
    if (!node.isObject()) {
      return mismatch("must be an object", node);
    }
    String discriminator = u.discriminator();
    JsonNode d = node.get(discriminator);
    Shape.Obj variant = null;
    path.push(discriminator);
    if (d == null || d.isNull()) {
      problem("is required; expected one of: " + Suggestions.list(u.variants().keySet()));
    } else {
      String key = discriminatorKey(d);
      variant = key == null ? null : u.variants().get(key);
      if (variant == null) {
        notOneOf(u.variants().keySet(), d, key);
      }
    }
    path.pop();
    if (variant == null) {
      return INVALID;
    }
    boolean declared = false;
    for (Shape.Field f : variant.fields()) {
      if (f.name().equals(discriminator)) {
        declared = true;
        break;
      }
    }
    return decodeObj(variant, node, declared ? null : discriminator, false);
  }

  /** The string form of a scalar discriminator value, as the variants map keys it; null for non-scalars. */
  private static String discriminatorKey(JsonNode d) {
    if (d.isTextual()) {
      return d.textValue();
    }
    if (d.isBoolean()) {
      return d.booleanValue() ? "true" : "false";
    }
    if (d.isIntegralNumber()) {
      return d.bigIntegerValue().toString();
    }
    if (d.isNumber()) {
      BigDecimal v = d.decimalValue();
      if (v.signum() == 0 || v.stripTrailingZeros().scale() <= 0) {
        return v.toBigInteger().toString();
      }
      return v.stripTrailingZeros().toPlainString();
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Runtime value objects (hub-protocol §10)

  private boolean valueObjectType(JsonNode node, String type) {
    if (!node.isObject()) {
      problem("must be a " + type + " object ({\"__type__\": \"" + type + "\", …}), got " + got(node));
      return false;
    }
    JsonNode t = node.get("__type__");
    if (t == null || !type.equals(t.textValue())) {
      path.push("__type__");
      problem(t == null ? "is required and must be \"" + type + "\"" : "must be \"" + type + "\", got " + got(t));
      path.pop();
      return false;
    }
    return true;
  }

  private Object fileRef(JsonNode node) {
    if (!valueObjectType(node, FileRef.TYPE)) {
      return INVALID;
    }
    int before = problemCount();
    String source = requiredChoice(node, "source", List.of("mem", "oss"));
    String filename = optionalString(node, "filename");
    String extension = optionalString(node, "extension");
    String mimeType = optionalString(node, "mime_type");
    Long size = optionalSize(node);
    String resKey = optionalString(node, "res_key");
    String remoteUrl = optionalString(node, "remote_url");
    String content = optionalString(node, "content");
    if (problemCount() != before) {
      return INVALID;
    }
    return new FileRef(source, filename, extension, mimeType, size, resKey, remoteUrl, content);
  }

  private Object locator(JsonNode node) {
    if (!valueObjectType(node, ResourceLocator.TYPE)) {
      return INVALID;
    }
    int before = problemCount();
    String mode = requiredChoice(node, "mode_name", List.of("list", "url", "id"));
    String value = optionalString(node, "value");
    String label = optionalString(node, "cached_result_label");
    String url = optionalString(node, "cached_result_url");
    return problemCount() != before ? INVALID : new ResourceLocator(mode, value, label, url);
  }

  private Object mapper(JsonNode node) {
    if (!valueObjectType(node, ResourceMapper.TYPE)) {
      return INVALID;
    }
    int before = problemCount();
    String mode = requiredChoice(node, "mapping_mode", List.of("manual", "auto"));
    JsonNode v = node.get("value");
    JsonValue value = JsonValue.NULL;
    if (v != null && !v.isNull()) {
      if (v.isObject() || v.isTextual()) {
        value = toJsonValue(v);
      } else {
        path.push("value");
        problem("must be an object, a string or null, got " + got(v));
        path.pop();
      }
    }
    return problemCount() != before ? INVALID : new ResourceMapper(mode, value);
  }

  private String requiredChoice(JsonNode node, String key, List<String> choices) {
    JsonNode v = node.get(key);
    path.push(key);
    try {
      if (v == null || v.isNull()) {
        problem("is required; expected one of: " + Suggestions.list(choices));
        return null;
      }
      if (!v.isTextual() || !choices.contains(v.textValue())) {
        notOneOf(choices, v, v.textValue());
        return null;
      }
      return v.textValue();
    } finally {
      path.pop();
    }
  }

  private String optionalString(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      path.push(key);
      problem("must be a string or null, got " + got(v));
      path.pop();
      return null;
    }
    return v.textValue();
  }

  private Long optionalSize(JsonNode node) {
    JsonNode v = node.get("size");
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      if (v.isInt() || v.isLong() || v.isShort()) {
        long l = v.longValue();
        if (l >= 0) {
          return l;
        }
      } else if (v.isFloatingPointNumber() || v.isBigInteger()) {
        BigDecimal d = v.isBigInteger() ? new BigDecimal(v.bigIntegerValue()) : v.decimalValue();
        if (d.signum() >= 0 && (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0)
            && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
          return d.longValue();
        }
      }
    }
    path.push("size");
    problem("must be a non-negative integer (bytes) or null, got " + got(v));
    path.pop();
    return null;
  }

  /**
   * Jackson tree → model {@link JsonValue}, numbers exact. Not {@code JsonTrees.fromJackson}: that one truncates
   * a non-BigDecimal floating node ({@code DoubleNode} 1.5 → 1), and the runtime's frames carry doubles.
   */
  static JsonValue toJsonValue(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonValue.NULL;
    }
    if (node.isTextual()) {
      return JsonValue.of(node.textValue());
    }
    if (node.isBoolean()) {
      return JsonValue.of(node.booleanValue());
    }
    if (node.isNumber()) {
      if (node.isIntegralNumber()) {
        return node.isInt() || node.isLong() || node.isShort()
            ? JsonValue.of(node.longValue())
            : new JsonValue.Num(new BigDecimal(node.bigIntegerValue()));
      }
      if (node.isBigDecimal()) {
        return new JsonValue.Num(node.decimalValue());
      }
      double d = node.doubleValue();
      return Double.isFinite(d) ? new JsonValue.Num(BigDecimal.valueOf(d)) : JsonValue.NULL;
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        items.add(toJsonValue(item));
      }
      return new JsonValue.Array(items);
    }
    if (node.isObject()) {
      Map<String, JsonValue> members = new LinkedHashMap<>(capacity(node.size()));
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        members.put(e.getKey(), toJsonValue(e.getValue()));
      }
      return new JsonValue.Obj(members);
    }
    return JsonValue.NULL;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Credentials

  private Object credential(Shape.CredentialRef ref, JsonNode node) {
    if (!node.isTextual()) {
      return mismatch("must be a credential instance id (a string)", node);
    }
    String id = node.textValue();
    JsonNode values = context.credential(id);
    if (values == null || values.isNull()) {
      problem("credential instance `" + id + "` was not sent with the request");
      return INVALID;
    }
    Shape.Obj shape = context.credentialShape(ref.credentialName());
    if (shape == null) {
      problem("credential `" + ref.credentialName() + "` is not declared by this plugin");
      return INVALID;
    }
    if (!values.isObject()) {
      problem("credential instance `" + id + "` must hold an object of values, got " + kind(values));
      return INVALID;
    }
    boolean wasRedacting = redact;
    redact = true;
    try {
      return decodeObj(shape, values, null, true);
    } finally {
      redact = wasRedacting;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Problems and messages

  private int problemCount() {
    return problems == null ? 0 : problems.size();
  }

  private void problem(String message) {
    if (problems == null) {
      problems = new ArrayList<>(4);
    }
    problems.add(new Problem(path.pointer(), message));
  }

  private Object mismatch(String expectation, JsonNode node) {
    problem(expectation + ", got " + got(node));
    return INVALID;
  }

  /**
   * {@code is not one of: a, b; got "x" (did you mean "y"?)}, or {@code must be "a", got "x"} when there is one
   * choice. {@code text} is the string form of the offending value, for the suggestion; null when not a string.
   */
  private void notOneOf(java.util.Collection<?> allowed, JsonNode node, String text) {
    StringBuilder msg = new StringBuilder();
    if (allowed.size() == 1) {
      Object only = allowed.iterator().next();
      msg.append("must be ").append(only instanceof String ? "\"" + only + "\"" : String.valueOf(only));
      msg.append(", got ").append(got(node));
    } else {
      msg.append("is not one of: ").append(Suggestions.list(allowed)).append("; got ").append(got(node));
    }
    if (text != null && !redact && allowed.size() > 1) {
      List<String> names = new ArrayList<>(allowed.size());
      for (Object a : allowed) {
        names.add(String.valueOf(a));
      }
      String suggestion = Suggestions.closest(text, names);
      if (suggestion != null) {
        msg.append(" (did you mean \"").append(suggestion).append("\"?)");
      }
    }
    problem(msg.toString());
  }

  /** The offending value for a message: quoted and shortened, or only its kind when values must not be shown. */
  private String got(JsonNode node) {
    if (redact) {
      return kind(node);
    }
    if (node.isTextual()) {
      String s = context.mask(node.textValue());
      if (s.length() > MAX_QUOTED) {
        int end = Character.isHighSurrogate(s.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
        s = s.substring(0, end) + "…";
      }
      return "\"" + s + "\"";
    }
    if (node.isNumber() || node.isBoolean() || node.isNull()) {
      String text = node.asText();
      return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
    }
    return kind(node);
  }

  private static String kind(JsonNode node) {
    if (node.isNull()) {
      return "null";
    } else if (node.isTextual()) {
      return "a string";
    } else if (node.isNumber()) {
      return "a number";
    } else if (node.isBoolean()) {
      return "a boolean";
    } else if (node.isArray()) {
      return "an array";
    } else if (node.isObject()) {
      return "an object";
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  static int capacity(int size) {
    return size < 3 ? size + 1 : (int) (size / 0.75f + 1.0f);
  }
}
