package dev.atomemo4j.processor.read;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.io.JsonTrees;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.AtlasModel;
import dev.atomemo4j.processor.model.ConfigFieldModel;
import dev.atomemo4j.processor.model.ConfigFieldModel.Constraint;
import dev.atomemo4j.processor.model.ConfigFieldModel.FormKind;
import dev.atomemo4j.processor.model.ParamMeta;
import dev.atomemo4j.processor.model.TypeRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a plugin's config record ({@code @Plugin(config)}): per component its form field ({@code @ConfigField}),
 * whether it is required, its default, and its Jakarta constraints, read from annotation mirrors by qualified name
 * so the processor needs no Bean Validation jar at its own run time. Reports every mistake on the component, the
 * annotation and the value.
 */
final class ConfigReader {

  /** What a component holds once any Optional is unwrapped: decides which constraints apply. */
  private enum Base {
    STRING, BOOLEAN, INTEGRAL, BIG_DECIMAL, FLOATING, ENUM, SECRET;

    boolean isNumber() {
      return this == INTEGRAL || this == BIG_DECIMAL || this == FLOATING;
    }
  }

  /** The bit of each {@code jakarta.validation.constraints.Pattern.Flag}, as {@code java.util.regex.Pattern}. */
  private static final Map<String, Integer> FLAG_BITS = Map.of(
      "UNIX_LINES", Pattern.UNIX_LINES,
      "CASE_INSENSITIVE", Pattern.CASE_INSENSITIVE,
      "COMMENTS", Pattern.COMMENTS,
      "MULTILINE", Pattern.MULTILINE,
      "DOTALL", Pattern.DOTALL,
      "UNICODE_CASE", Pattern.UNICODE_CASE,
      "CANON_EQ", Pattern.CANON_EQ);

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final TypeMapper mapper;

  ConfigReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** A field being read, with what its showWhen needs checked once every field is known. */
  private record Pending(RecordComponentElement component, ConfigFieldModel field, Mirror showWhen,
      List<String> possibleValues) {}

  AtlasModel.ConfigModel read(TypeMirror configType, Origin at) {
    TypeElement te = configType.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(configType) : null;
    if (te == null || te.getKind() != ElementKind.RECORD || !TypeMapper.isPublic(te)
        || !te.getTypeParameters().isEmpty()) {
      reporter.report(Message.BAD_CONFIG_TYPE, at, configType);
      return null;
    }
    List<Pending> pending = new ArrayList<>();
    for (RecordComponentElement c : te.getRecordComponents()) {
      Pending p = component(c);
      if (p != null) {
        pending.add(p);
      }
    }
    List<ConfigFieldModel> fields = new ArrayList<>();
    List<TypeRef.Field> shapeFields = new ArrayList<>();
    Map<String, Pending> byKey = new LinkedHashMap<>();
    pending.forEach(p -> byKey.put(p.field().key(), p));
    for (Pending p : pending) {
      ConfigFieldModel f = p.field();
      ConfigFieldModel.ShowWhen sw = showWhen(p, byKey);
      f = new ConfigFieldModel(f.key(), f.type(), f.optional(), f.nullable(), f.required(), f.secret(), f.kind(),
          f.label(), f.description(), f.options(), f.optionLabels(), f.defaultValue(), sw, f.constraints());
      fields.add(f);
      TypeRef shapeType = f.optional() ? mapper.map(p.component().asType(), p.component(), "config " + f.key())
          : f.type();
      shapeFields.add(new TypeRef.Field(f.key(), f.key(), shapeType, f.required(), f.nullable(),
          withDefault(f.defaultValue())));
    }
    TypeRef.ObjT obj = new TypeRef.ObjT(ClassName.get(te), te.getQualifiedName().toString(), shapeFields);
    return new AtlasModel.ConfigModel(ClassName.get(te), obj, fields);
  }

  /**
   * Where javac keeps a component's source position and annotations: its private field (the record component
   * element itself has no position javac's Messager can print).
   */
  private static Element site(RecordComponentElement c) {
    for (Element e : c.getEnclosingElement().getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD && e.getSimpleName().contentEquals(c.getSimpleName())) {
        return e;
      }
    }
    return c;
  }

  private Pending component(RecordComponentElement c) {
    String key = c.getSimpleName().toString();
    Element site = site(c);
    int errorsBefore = reporter.errorCount();
    TypeMirror type = c.asType();
    boolean optional = false;
    if (isDeclared(type, "java.util.Optional")) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      if (args.size() == 1) {
        optional = true;
        type = args.get(0);
      }
    }
    Base base = base(type);
    String shown = shown(type);
    if (base == null) {
      reporter.report(Message.UNSUPPORTED_CONFIG_TYPE, Origin.of(site), key, shown(c.asType()));
      return null;
    }
    TypeRef ref = mapper.map(type, c, "config " + key);
    if (ref == null) {
      return null;
    }
    boolean nullable = optional || TypeMapper.isNullable(c, c.asType())
        || (c.getAccessor() != null && TypeMapper.isNullable(c.getAccessor(), c.getAccessor().getReturnType()));
    Mirror cf = Mirror.find(site, Names.CONFIG_FIELD, elements);
    if (cf == null) {
      cf = Mirror.find(c, Names.CONFIG_FIELD, elements);
    }
    boolean secret = base == Base.SECRET;
    if (cf != null && cf.bool("secret") && base != Base.SECRET) {
      reporter.report(Message.SECRET_NOT_SECRET_TYPE, cf.origin("secret"), key, shown);
    }
    List<String> options = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (cf != null && !cf.strings("options").isEmpty()) {
      if (base != Base.STRING) {
        reporter.report(Message.OPTIONS_NOT_STRING, cf.origin("options"), key, shown);
      } else {
        options.addAll(cf.strings("options"));
        labels.addAll(options);
      }
    }
    if (ref instanceof TypeRef.EnumT e) {
      for (TypeRef.EnumConstant k : e.constants()) {
        options.add(k.wireName());
        labels.add(k.label() != null ? k.label() : k.wireName());
      }
    }
    FormKind kind = !options.isEmpty() ? FormKind.SELECT
        : base == Base.BOOLEAN ? FormKind.BOOLEAN
        : base.isNumber() ? FormKind.NUMBER : FormKind.STRING;
    JsonValue dflt = cf == null ? null : defaultValue(cf, key, base, ref, options, secret);
    List<Constraint> constraints = constraints(c, key, base, shown);
    if (dflt != null) {
      String broken = brokenBy(dflt, constraints);
      if (broken != null) {
        reporter.report(Message.BAD_CONFIG_DEFAULT, cf.origin("defaultValue"), key, jsonText(dflt) + " breaks its own "
            + broken);
        dflt = null;
      }
    }
    String label = cf == null || cf.stringOrNull("label") == null ? humanize(key) : cf.string("label");
    String description = cf == null ? null : cf.stringOrNull("description");
    Mirror sw = null;
    if (cf != null) {
      List<AnnotationMirror> conditions = cf.annotations("showWhen");
      if (conditions.size() > 1) {
        reporter.report(Message.BAD_SHOW_WHEN, cf.origin("showWhen"), key, "has " + conditions.size()
            + " conditions; at most one is allowed");
      } else if (conditions.size() == 1) {
        sw = Mirror.nested(cf.element(), conditions.get(0), elements);
      }
    }
    if (reporter.errorCount() > errorsBefore) {
      return null;
    }
    // @NotNull (and the text rules that reject null) make even an Optional key necessary, unless a default fills it.
    boolean rejectsNull = constraints.stream().anyMatch(k -> k instanceof ConfigFieldModel.NotNull
        || k instanceof ConfigFieldModel.NotBlank || k instanceof ConfigFieldModel.NotEmpty);
    boolean required = (!nullable || rejectsNull) && dflt == null;
    List<String> possible = base == Base.BOOLEAN ? List.of("true", "false") : options.isEmpty() ? null : options;
    ConfigFieldModel field = new ConfigFieldModel(key, ref, optional, nullable, required, secret, kind, label,
        description, options, labels, dflt, null, constraints);
    return new Pending(c, field, sw, possible);
  }

  private Base base(TypeMirror t) {
    switch (t.getKind()) {
      case BOOLEAN:
        return Base.BOOLEAN;
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        return Base.INTEGRAL;
      case FLOAT:
      case DOUBLE:
        return Base.FLOATING;
      case DECLARED:
        break;
      default:
        return null;
    }
    TypeElement te = (TypeElement) types.asElement(t);
    if (te.getKind() == ElementKind.ENUM) {
      return Base.ENUM;
    }
    return switch (te.getQualifiedName().toString()) {
      case "java.lang.String" -> Base.STRING;
      case "java.lang.Boolean" -> Base.BOOLEAN;
      case "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.math.BigInteger" ->
          Base.INTEGRAL;
      case "java.lang.Float", "java.lang.Double" -> Base.FLOATING;
      case "java.math.BigDecimal" -> Base.BIG_DECIMAL;
      case Names.SECRET -> Base.SECRET;
      default -> null;
    };
  }

  // ---- defaults

  private JsonValue defaultValue(Mirror cf, String key, Base base, TypeRef ref, List<String> options,
      boolean secret) {
    String text = cf.stringOrNull("defaultValue");
    if (text == null) {
      return null;
    }
    Origin at = cf.origin("defaultValue");
    if (secret) {
      reporter.report(Message.BAD_CONFIG_DEFAULT, at, key, "is given, but the field is secret: a default would be "
          + "written into the manifest and the schema");
      return null;
    }
    JsonValue v;
    try {
      v = JsonTrees.parse(text);
    } catch (Exception e) {
      reporter.report(Message.BAD_CONFIG_DEFAULT, at, key, "is not JSON text (" + text + ")");
      return null;
    }
    String problem = fit(v, base, ref, options);
    if (problem != null) {
      reporter.report(Message.BAD_CONFIG_DEFAULT, at, key, problem);
      return null;
    }
    return v;
  }

  /** Why {@code v} cannot be a value of the field, or null when it can. */
  private static String fit(JsonValue v, Base base, TypeRef ref, List<String> options) {
    String shown = v instanceof JsonValue.Text t ? "\"" + t.value() + "\"" : String.valueOf(jsonText(v));
    switch (base) {
      case STRING, ENUM -> {
        if (!(v instanceof JsonValue.Text t)) {
          return shown + " is not a string";
        }
        if (!options.isEmpty() && !options.contains(t.value())) {
          return shown + " is not one of its options " + String.join(", ", options);
        }
        return null;
      }
      case BOOLEAN -> {
        return v instanceof JsonValue.Bool ? null : shown + " is not a boolean";
      }
      case INTEGRAL -> {
        if (!(v instanceof JsonValue.Num n)) {
          return shown + " is not a number";
        }
        BigDecimal d = n.value();
        if (d.stripTrailingZeros().scale() > 0) {
          return shown + " is not an integer";
        }
        if (ref instanceof TypeRef.Scalar s && s.kind() != TypeRef.ScalarKind.BIG_INTEGER) {
          long min = switch (s.kind()) {
            case BYTE -> Byte.MIN_VALUE;
            case SHORT -> Short.MIN_VALUE;
            case INT -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
          };
          long max = switch (s.kind()) {
            case BYTE -> Byte.MAX_VALUE;
            case SHORT -> Short.MAX_VALUE;
            case INT -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
          };
          if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            return shown + " is out of the range of " + s.javaType();
          }
        }
        return null;
      }
      case BIG_DECIMAL, FLOATING -> {
        return v instanceof JsonValue.Num ? null : shown + " is not a number";
      }
      default -> {
        return shown + " cannot be a default of this field";
      }
    }
  }

  /** The first constraint a default breaks, as the author would write it; null when it keeps them all. */
  private static String brokenBy(JsonValue v, List<Constraint> constraints) {
    for (Constraint k : constraints) {
      if (v instanceof JsonValue.Text t) {
        String s = t.value();
        if (k instanceof ConfigFieldModel.NotBlank && s.chars().allMatch(Character::isWhitespace)) {
          return "@NotBlank";
        } else if (k instanceof ConfigFieldModel.NotEmpty && s.isEmpty()) {
          return "@NotEmpty";
        } else if (k instanceof ConfigFieldModel.Size z && (s.length() < z.min() || s.length() > z.max())) {
          return "@Size(min = " + z.min() + ", max = " + z.max() + ")";
        } else if (k instanceof ConfigFieldModel.Regex r && !Pattern.compile(r.regexp(), r.flags()).matcher(s)
            .matches()) {
          return "@Pattern(regexp = \"" + r.regexp() + "\")";
        }
      } else if (v instanceof JsonValue.Num n) {
        BigDecimal d = n.value();
        if (k instanceof ConfigFieldModel.Bound b && (b.isMax() ? d.compareTo(BigDecimal.valueOf(b.value())) > 0
            : d.compareTo(BigDecimal.valueOf(b.value())) < 0)) {
          return "@" + (b.isMax() ? "Max" : "Min") + "(" + b.value() + ")";
        } else if (k instanceof ConfigFieldModel.DecimalBound b) {
          int c = d.compareTo(new BigDecimal(b.value()));
          boolean ok = b.isMax() ? (b.inclusive() ? c <= 0 : c < 0) : (b.inclusive() ? c >= 0 : c > 0);
          if (!ok) {
            return "@Decimal" + (b.isMax() ? "Max" : "Min") + "(\"" + b.value() + "\")";
          }
        } else if (k instanceof ConfigFieldModel.Sign s) {
          int sign = d.signum();
          boolean ok = s.positive() ? (s.orZero() ? sign >= 0 : sign > 0) : (s.orZero() ? sign <= 0 : sign < 0);
          if (!ok) {
            return "@" + (s.positive() ? "Positive" : "Negative") + (s.orZero() ? "OrZero" : "");
          }
        }
      } else if (v instanceof JsonValue.Bool b && k instanceof ConfigFieldModel.Assert a && b.value() != a.expected()) {
        return a.expected() ? "@AssertTrue" : "@AssertFalse";
      }
    }
    return null;
  }

  private static String jsonText(JsonValue v) {
    return dev.atomemo4j.model.io.JsJson.stringify(v);
  }

  private static ParamMeta withDefault(JsonValue dflt) {
    ParamMeta n = ParamMeta.NONE;
    return new ParamMeta(n.name(), n.displayName(), n.required(), n.hint(), n.placeholder(), n.llmDescription(),
        n.component(), n.width(), n.supportExpression(), n.sensitive(), n.readonly(), n.disabled(), n.indentation(),
        n.options(), n.searchable(), n.clearable(), n.language(), n.step(), n.suffix(), dflt, n.constant(),
        n.allowed(), n.minimum(), n.maximum(), n.minLength(), n.maxLength(), n.minItems(), n.maxItems(),
        n.showWhen(), n.hideWhen(), n.dependsOn(), n.decoder(), n.key(), n.locator(), n.mapper());
  }

  // ---- showWhen

  private ConfigFieldModel.ShowWhen showWhen(Pending p, Map<String, Pending> byKey) {
    if (p.showWhen() == null) {
      return null;
    }
    Mirror sw = p.showWhen();
    String key = p.field().key();
    String target = sw.string("field");
    Pending other = byKey.get(target);
    boolean isComponent = p.component().getEnclosingElement().getEnclosedElements().stream()
        .anyMatch(e -> e.getKind() == ElementKind.RECORD_COMPONENT && e.getSimpleName().contentEquals(target));
    if (other == null && isComponent) {
      return null; // the target has its own error already; one mistake, one message
    }
    if (target.equals(key)) {
      reporter.report(Message.BAD_SHOW_WHEN, sw.origin("field"), key, "names the field itself");
      return null;
    }
    if (other == null) {
      String hint = dev.atomemo4j.model.validate.Names.closest(target, byKey.keySet());
      reporter.report(Message.BAD_SHOW_WHEN, sw.origin("field"), key, "names \"" + target + "\", which is not a "
          + "config field" + (hint == null ? "" : "; did you mean \"" + hint + "\"?"));
      return null;
    }
    List<String> equals = sw.strings("equals");
    if (equals.isEmpty()) {
      reporter.report(Message.BAD_SHOW_WHEN, sw.origin("equals"), key, "lists no values: the field would never "
          + "show");
      return null;
    }
    if (other.possibleValues() != null) {
      for (AnnotationValue v : sw.list("equals")) {
        String value = String.valueOf(v.getValue());
        if (!other.possibleValues().contains(value)) {
          reporter.report(Message.BAD_SHOW_WHEN, sw.origin("equals").withValue(v), key, "waits for " + target
              + " = \"" + value + "\", which " + target + " can never be (its values: "
              + String.join(", ", other.possibleValues()) + ")");
          return null;
        }
      }
    }
    return new ConfigFieldModel.ShowWhen(target, equals);
  }

  // ---- constraints

  /** The Jakarta constraint mirrors of a component, once each, wherever javac put them. */
  private List<Mirror> constraintMirrors(RecordComponentElement c) {
    Map<String, Mirror> out = new LinkedHashMap<>();
    Element at = site(c);
    List<Element> sites = new ArrayList<>();
    sites.add(at);
    sites.add(c);
    if (c.getAccessor() != null) {
      sites.add(c.getAccessor());
    }
    for (Element site : sites) {
      for (AnnotationMirror m : site.getAnnotationMirrors()) {
        String name = m.getAnnotationType().toString();
        if (name.startsWith(Names.JAKARTA_CONSTRAINTS)) {
          out.putIfAbsent(name, Mirror.nested(site, m, elements));
        }
      }
    }
    // Jakarta constraints are also TYPE_USE: javac may record them on the type only.
    for (AnnotationMirror m : c.asType().getAnnotationMirrors()) {
      String name = m.getAnnotationType().toString();
      if (name.startsWith(Names.JAKARTA_CONSTRAINTS)) {
        out.putIfAbsent(name, Mirror.nested(at, m, elements));
      }
    }
    return new ArrayList<>(out.values());
  }

  private List<Constraint> constraints(RecordComponentElement c, String key, Base base, String type) {
    List<Constraint> out = new ArrayList<>();
    Long min = null;
    BigDecimal decimalMin = null;
    for (Mirror m : constraintMirrors(c)) {
      String name = m.mirror().getAnnotationType().toString().substring(Names.JAKARTA_CONSTRAINTS.length());
      if (!groupsOk(m, name, key)) {
        continue;
      }
      Constraint k = switch (name) {
        case "NotNull" -> new ConfigFieldModel.NotNull();
        case "NotBlank" -> applies(m, name, key, type, base == Base.STRING || base == Base.SECRET,
            "@NotBlank checks text; use @NotNull for other types") ? new ConfigFieldModel.NotBlank() : null;
        case "NotEmpty" -> applies(m, name, key, type, base == Base.STRING || base == Base.SECRET,
            "@NotEmpty checks text; use @NotNull for other types") ? new ConfigFieldModel.NotEmpty() : null;
        case "Size" -> applies(m, name, key, type, base == Base.STRING || base == Base.SECRET,
            "@Size bounds a length; use @Min/@Max for an integer, @DecimalMin/@DecimalMax for a decimal")
            ? size(m, key) : null;
        case "Min", "Max" -> applies(m, name, key, type, base == Base.INTEGRAL || base == Base.BIG_DECIMAL,
            base == Base.FLOATING ? "@" + name + " compares whole numbers and would round a " + type + "; use @Decimal"
                + name + "(\"…\")" : base == Base.STRING ? "@" + name + " bounds a number; use @Size for a length"
                : "@" + name + " applies to integer types and BigDecimal")
            ? new ConfigFieldModel.Bound(name.equals("Max"), m.longValue("value")) : null;
        case "DecimalMin", "DecimalMax" -> applies(m, name, key, type, base.isNumber() || base == Base.STRING,
            "@" + name + " applies to numbers and numeric text") ? decimal(m, name, key) : null;
        case "Positive", "PositiveOrZero", "Negative", "NegativeOrZero" -> applies(m, name, key, type,
            base.isNumber(), "@" + name + " applies to number types")
            ? new ConfigFieldModel.Sign(name.startsWith("Positive"), name.endsWith("OrZero")) : null;
        case "Pattern" -> applies(m, name, key, type, base == Base.STRING, "@Pattern applies to String fields")
            ? regex(m, name, key, false) : null;
        case "Email" -> applies(m, name, key, type, base == Base.STRING, "@Email applies to String fields")
            ? regex(m, name, key, true) : null;
        case "AssertTrue", "AssertFalse" -> applies(m, name, key, type, base == Base.BOOLEAN,
            "@" + name + " applies to boolean fields") ? new ConfigFieldModel.Assert(name.equals("AssertTrue")) : null;
        case "Digits" -> applies(m, name, key, type, base.isNumber() || base == Base.STRING,
            "@Digits applies to numbers and numeric text") ? digits(m, key) : null;
        default -> {
          reporter.report(Message.UNSUPPORTED_CONSTRAINT, m.origin(), name, key);
          yield null;
        }
      };
      if (k == null) {
        continue;
      }
      if (k instanceof ConfigFieldModel.Bound b && !b.isMax()) {
        min = b.value();
      } else if (k instanceof ConfigFieldModel.DecimalBound d && !d.isMax()) {
        decimalMin = new BigDecimal(d.value());
      }
      out.add(k);
    }
    // Min above Max (and the decimal pair) leaves no valid value; checked after both are read, in either order.
    for (Constraint k : out) {
      if (k instanceof ConfigFieldModel.Bound b && b.isMax() && min != null && min > b.value()) {
        reporter.report(Message.IMPOSSIBLE_BOUNDS, origin(c, "Max"), "Max", key, "is " + b.value()
            + ", below @Min(" + min + ")");
      } else if (k instanceof ConfigFieldModel.DecimalBound d && d.isMax() && decimalMin != null
          && decimalMin.compareTo(new BigDecimal(d.value())) > 0) {
        reporter.report(Message.IMPOSSIBLE_BOUNDS, origin(c, "DecimalMax"), "DecimalMax", key, "is " + d.value()
            + ", below @DecimalMin(\"" + decimalMin.toPlainString() + "\")");
      }
    }
    return out;
  }

  private Origin origin(RecordComponentElement c, String constraint) {
    for (Mirror m : constraintMirrors(c)) {
      if (m.mirror().getAnnotationType().toString().equals(Names.JAKARTA_CONSTRAINTS + constraint)) {
        return m.origin("value");
      }
    }
    return Origin.of(site(c));
  }

  private boolean groupsOk(Mirror m, String name, String key) {
    for (TypeMirror g : m.types("groups")) {
      if (!g.toString().equals(Names.JAKARTA_DEFAULT_GROUP)) {
        reporter.report(Message.CONSTRAINT_GROUPS, m.origin("groups"), name, key);
        return false;
      }
    }
    return true;
  }

  private boolean applies(Mirror m, String name, String key, String type, boolean ok, String hint) {
    if (!ok) {
      reporter.report(Message.CONSTRAINT_NOT_APPLICABLE, m.origin(), name, key, type, hint);
    }
    return ok;
  }

  private Constraint size(Mirror m, String key) {
    int min = (int) m.longValue("min");
    int max = m.isSet("max") ? (int) m.longValue("max") : Integer.MAX_VALUE;
    if (min < 0 || max < 0) {
      reporter.report(Message.IMPOSSIBLE_BOUNDS, m.origin(min < 0 ? "min" : "max"), "Size", key,
          "has a negative bound: a length is never below 0");
      return null;
    }
    if (min > max) {
      reporter.report(Message.IMPOSSIBLE_BOUNDS, m.origin("max"), "Size", key, "has min = " + min + " above max = "
          + max);
      return null;
    }
    return new ConfigFieldModel.Size(min, max);
  }

  private Constraint decimal(Mirror m, String name, String key) {
    String value = m.string("value");
    try {
      new BigDecimal(value);
    } catch (NumberFormatException e) {
      reporter.report(Message.IMPOSSIBLE_BOUNDS, m.origin("value"), name, key, "has value \"" + value + "\", which "
          + "is not a decimal number");
      return null;
    }
    boolean inclusive = !m.isSet("inclusive") || m.bool("inclusive");
    return new ConfigFieldModel.DecimalBound(name.equals("DecimalMax"), value, inclusive);
  }

  private Constraint digits(Mirror m, String key) {
    int integer = (int) m.longValue("integer");
    int fraction = (int) m.longValue("fraction");
    if (integer < 0 || fraction < 0) {
      reporter.report(Message.IMPOSSIBLE_BOUNDS, m.origin(integer < 0 ? "integer" : "fraction"), "Digits", key,
          "has a negative number of digits");
      return null;
    }
    return new ConfigFieldModel.Digits(integer, fraction);
  }

  private Constraint regex(Mirror m, String name, String key, boolean email) {
    String regexp = email && !m.isSet("regexp") ? ".*" : m.string("regexp");
    int flags = 0;
    for (AnnotationValue f : m.list("flags")) {
      flags |= FLAG_BITS.getOrDefault(((VariableElement) f.getValue()).getSimpleName().toString(), 0);
    }
    try {
      Pattern.compile(regexp, flags);
    } catch (PatternSyntaxException e) {
      reporter.report(Message.BAD_REGEXP, m.origin("regexp"), name, key,
          e.getDescription() + " near index " + e.getIndex());
      return null;
    }
    return email ? new ConfigFieldModel.Email(regexp, flags) : new ConfigFieldModel.Regex(regexp, flags);
  }

  /** A type as the author wrote it, without the annotations javac keeps on it. */
  private static String shown(TypeMirror t) {
    return com.palantir.javapoet.TypeName.get(t).withoutAnnotations().toString();
  }

  private boolean isDeclared(TypeMirror t, String qualifiedName) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(qualifiedName);
  }

  /** {@code apiUrl} → "Api url", {@code maxTTLSeconds} → "Max TTL seconds": a label for a component without one. */
  static String humanize(String key) {
    String[] words = key.replace('_', ' ').trim()
        .split("\\s+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      boolean acronym = w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT));
      String word = acronym ? w : w.toLowerCase(Locale.ROOT);
      if (out.length() == 0) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      } else {
        out.append(' ').append(word);
      }
    }
    return out.toString();
  }

}
