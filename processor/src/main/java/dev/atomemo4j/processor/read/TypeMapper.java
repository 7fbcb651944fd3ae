package dev.atomemo4j.processor.read;

import com.palantir.javapoet.TypeName;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.ParamMeta;
import dev.atomemo4j.processor.model.TypeRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Maps Java types to {@link TypeRef}s: the one place that decides which Java types a parameter may have. Anything
 * it does not support is a compile error naming the type, never a silent {@code {}}.
 */
public final class TypeMapper {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final ParamReader params;
  /** Records being mapped, to catch recursion. */
  private final Deque<String> inProgress = new ArrayDeque<>();

  public TypeMapper(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.params = new ParamReader(elements, reporter);
  }

  ParamReader params() {
    return params;
  }

  /** Whether the element or its type carries an annotation named {@code Nullable} (any package, JSpecify too). */
  public static boolean isNullable(Element element, TypeMirror type) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (m.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      if (m.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  /**
   * Maps {@code type} found at {@code site}; reports and returns null when it is not supported.
   *
   * @param what how to name the site in messages ("parameter page of tool search-hacker-news")
   */
  public TypeRef map(TypeMirror type, Element site, String what) {
    TypeName javaType = TypeName.get(type).withoutAnnotations();
    switch (type.getKind()) {
      case BOOLEAN:
        return new TypeRef.Scalar(TypeRef.ScalarKind.BOOLEAN, true, javaType);
      case BYTE:
        return new TypeRef.Scalar(TypeRef.ScalarKind.BYTE, true, javaType);
      case SHORT:
        return new TypeRef.Scalar(TypeRef.ScalarKind.SHORT, true, javaType);
      case INT:
        return new TypeRef.Scalar(TypeRef.ScalarKind.INT, true, javaType);
      case LONG:
        return new TypeRef.Scalar(TypeRef.ScalarKind.LONG, true, javaType);
      case FLOAT:
        return new TypeRef.Scalar(TypeRef.ScalarKind.FLOAT, true, javaType);
      case DOUBLE:
        return new TypeRef.Scalar(TypeRef.ScalarKind.DOUBLE, true, javaType);
      case ARRAY:
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
          return new TypeRef.TextT(javaType, dev.atomemo4j.processor.model.TextType.BASE64);
        }
        if (component.getKind().isPrimitive()) {
          return unsupported(type, site, what, "arrays of primitives are not supported; use List<"
              + TypeName.get(component).box() + ">");
        }
        // javac puts a declaration's @Param on an array's element type too (`@Param String[]` annotates String):
        // the annotation describes the array, as on a List, and never its items.
        TypeRef items = map(component, site, what + " (element)");
        return items == null ? null : new TypeRef.ListT(javaType, TypeRef.CollectionKind.ARRAY,
            new TypeRef.Field(null, null, items, true, isNullable(site, component), ParamMeta.NONE, site));
      case DECLARED:
        return declared((DeclaredType) type, javaType, site, what);
      case ERROR:
        // Resolved by the caller's deferral; reaching here means the type never resolved.
        return unsupported(type, site, what, "the type does not resolve");
      default:
        return unsupported(type, site, what, "type variables, wildcards and raw types have no fixed shape");
    }
  }

  private TypeRef declared(DeclaredType type, TypeName javaType, Element site, String what) {
    TypeElement te = (TypeElement) type.asElement();
    String name = te.getQualifiedName().toString();
    List<? extends TypeMirror> args = type.getTypeArguments();
    switch (name) {
      case "java.lang.String":
      case "java.lang.CharSequence":
        return new TypeRef.Scalar(TypeRef.ScalarKind.STRING, false, javaType);
      case "java.lang.Boolean":
        return new TypeRef.Scalar(TypeRef.ScalarKind.BOOLEAN, false, javaType);
      case "java.lang.Byte":
        return new TypeRef.Scalar(TypeRef.ScalarKind.BYTE, false, javaType);
      case "java.lang.Short":
        return new TypeRef.Scalar(TypeRef.ScalarKind.SHORT, false, javaType);
      case "java.lang.Integer":
        return new TypeRef.Scalar(TypeRef.ScalarKind.INT, false, javaType);
      case "java.lang.Long":
        return new TypeRef.Scalar(TypeRef.ScalarKind.LONG, false, javaType);
      case "java.math.BigInteger":
        return new TypeRef.Scalar(TypeRef.ScalarKind.BIG_INTEGER, false, javaType);
      case "java.lang.Float":
        return new TypeRef.Scalar(TypeRef.ScalarKind.FLOAT, false, javaType);
      case "java.lang.Double":
        return new TypeRef.Scalar(TypeRef.ScalarKind.DOUBLE, false, javaType);
      case "java.math.BigDecimal":
        return new TypeRef.Scalar(TypeRef.ScalarKind.BIG_DECIMAL, false, javaType);
      case "java.util.OptionalInt":
        return new TypeRef.OptT(javaType, TypeRef.OptKind.OPTIONAL_INT,
            new TypeRef.Scalar(TypeRef.ScalarKind.INT, false, TypeName.INT.box()));
      case "java.util.OptionalLong":
        return new TypeRef.OptT(javaType, TypeRef.OptKind.OPTIONAL_LONG,
            new TypeRef.Scalar(TypeRef.ScalarKind.LONG, false, TypeName.LONG.box()));
      case "java.util.OptionalDouble":
        return new TypeRef.OptT(javaType, TypeRef.OptKind.OPTIONAL_DOUBLE,
            new TypeRef.Scalar(TypeRef.ScalarKind.DOUBLE, false, TypeName.DOUBLE.box()));
      case "java.util.Optional": {
        if (args.size() != 1) {
          return unsupported(type, site, what, "a raw Optional has no element type");
        }
        TypeRef inner = map(args.get(0), site, what);
        if (inner instanceof TypeRef.OptT) {
          return unsupported(type, site, what, "Optional of Optional says nothing more than Optional");
        }
        return inner == null ? null : new TypeRef.OptT(javaType, TypeRef.OptKind.OPTIONAL, inner);
      }
      case "java.util.List":
      case "java.util.Collection":
      case "java.util.Set": {
        if (args.size() != 1) {
          return unsupported(type, site, what, "a raw " + te.getSimpleName() + " has no element type");
        }
        TypeRef.Field element = element(args.get(0), site, what + " (element)");
        return element == null ? null : new TypeRef.ListT(javaType,
            name.equals("java.util.Set") ? TypeRef.CollectionKind.SET : TypeRef.CollectionKind.LIST, element);
      }
      case "java.util.Map": {
        if (args.size() != 2) {
          return unsupported(type, site, what, "a raw Map has no key and value types");
        }
        if (!isType(args.get(0), "java.lang.String")) {
          return unsupported(type, site, what, "map keys must be String (JSON object keys are strings), not "
              + args.get(0));
        }
        TypeRef.Field value = element(args.get(1), site, what + " (value)");
        return value == null ? null : new TypeRef.MapT(javaType, value);
      }
      case Names.FILE_REF:
        return new TypeRef.ValueT(javaType, TypeRef.ValueKind.FILE_REF);
      case Names.RESOURCE_LOCATOR:
        return new TypeRef.ValueT(javaType, TypeRef.ValueKind.RESOURCE_LOCATOR);
      case Names.RESOURCE_MAPPER:
        return new TypeRef.ValueT(javaType, TypeRef.ValueKind.RESOURCE_MAPPER);
      case Names.SECRET:
        return new TypeRef.ValueT(javaType, TypeRef.ValueKind.SECRET);
      case Names.JSON_NODE:
        return new TypeRef.ValueT(javaType, TypeRef.ValueKind.JSON);
      default:
        break;
    }
    dev.atomemo4j.processor.model.TextType text = dev.atomemo4j.processor.model.TextType.of(name);
    if (text != null) {
      return new TypeRef.TextT(javaType, text);
    }
    if (te.getKind() == ElementKind.ENUM) {
      return enumeration(te, javaType, site, what);
    }
    Mirror credential = Mirror.find(te, Names.CREDENTIAL, elements);
    if (credential != null) {
      return new TypeRef.CredentialT(javaType, credential.string("name"), te);
    }
    Mirror union = Mirror.find(te, Names.UNION, elements);
    if (union != null) {
      return union(te, javaType, union, site, what);
    }
    if (te.getKind() == ElementKind.RECORD) {
      return record(te, type, javaType, site, what);
    }
    return unsupported(type, site, what, te.getKind() == ElementKind.INTERFACE
        ? "an interface has no fixed fields (a sealed interface of records needs @Union)"
        : "classes are not supported as parameters; declare a record");
  }

  private TypeRef.Field element(TypeMirror arg, Element site, String what) {
    TypeRef t = map(arg, site, what);
    if (t == null) {
      return null;
    }
    Mirror use = params.typeUse(site, arg);
    ParamMeta meta = use == null ? ParamMeta.NONE : params.read(use, site);
    // Items and map values are never "absent": only a nullable type admits null there.
    return new TypeRef.Field(meta.name(), null, t, true, isNullable(site, arg), meta);
  }

  private TypeRef enumeration(TypeElement te, TypeName javaType, Element site, String what) {
    List<TypeRef.EnumConstant> constants = new ArrayList<>();
    for (Element e : te.getEnclosedElements()) {
      if (e.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String javaName = e.getSimpleName().toString();
      String wire = javaName.toLowerCase(Locale.ROOT);
      String label = null;
      Mirror wireName = Mirror.find(e, Names.WIRE_NAME, elements);
      Mirror jsonProperty = Mirror.find(e, "com.fasterxml.jackson.annotation.JsonProperty", elements);
      if (wireName != null) {
        wire = wireName.string("value");
        label = wireName.stringOrNull("label");
      } else if (jsonProperty != null && !jsonProperty.string("value").isEmpty()) {
        wire = jsonProperty.string("value");
      }
      constants.add(new TypeRef.EnumConstant(javaName, wire, label == null ? wire : label));
    }
    if (constants.isEmpty()) {
      return unsupported(te.asType(), site, what, "an enum without constants accepts no value");
    }
    return new TypeRef.EnumT(javaType, constants);
  }

  private TypeRef union(TypeElement te, TypeName javaType, Mirror union, Element site, String what) {
    if (!te.getModifiers().contains(Modifier.SEALED)) {
      return unsupported(te.asType(), site, what, "a @Union must be a sealed interface permitting its records");
    }
    List<TypeRef.Variant> variants = new ArrayList<>();
    for (TypeMirror permitted : te.getPermittedSubclasses()) {
      TypeElement pe = (TypeElement) types.asElement(permitted);
      Mirror variant = Mirror.find(pe, Names.VARIANT, elements);
      if (pe.getKind() != ElementKind.RECORD || variant == null) {
        return unsupported(permitted, pe, "variant of " + te.getSimpleName(),
            "every type a @Union permits is a record annotated @Variant(\"constant\")");
      }
      TypeRef r = record(pe, (DeclaredType) permitted, TypeName.get(permitted), pe, "variant " + pe.getSimpleName());
      if (!(r instanceof TypeRef.ObjT obj)) {
        return null;
      }
      variants.add(new TypeRef.Variant(variant.string("value"),
          variant.stringOrNull("label") == null ? variant.string("value") : variant.string("label"), obj,
          variant.stringOrNull("name"), nestedParam(pe, variant, "object"),
          nestedParam(pe, variant, "discriminator"), pe, variant.origin(), variant.origin("value")));
    }
    return new TypeRef.UnionT(javaType, union.string("discriminator"), variants, union.stringOrNull("component"),
        union.bool("options"), te);
  }

  /** A {@code @Param} given as an attribute of another annotation ({@code @Variant(object = @Param(…))}). */
  private ParamMeta nestedParam(Element site, Mirror owner, String attribute) {
    if (!owner.isSet(attribute)) {
      return ParamMeta.NONE;
    }
    return params.read(Mirror.nested(site, owner.annotation(attribute), elements), site);
  }

  /** The record's own shape, even when it is a {@code @Credential} (which elsewhere maps to a credential_id). */
  public TypeRef.ObjT credentialRecord(TypeElement te, String what) {
    TypeRef r = record(te, (DeclaredType) te.asType(), TypeName.get(te.asType()), te, what);
    return r instanceof TypeRef.ObjT o ? o : null;
  }

  private TypeRef record(TypeElement te, DeclaredType type, TypeName javaType, Element site, String what) {
    String qn = te.getQualifiedName().toString();
    if (inProgress.contains(qn)) {
      reporter.report(Message.RECURSIVE_TYPE, Origin.of(site), te.getSimpleName(),
          String.join(" → ", inProgress) + " → " + qn);
      return null;
    }
    if (!isPublic(te)) {
      reporter.report(Message.NOT_ACCESSIBLE, Origin.of(te), te.getQualifiedName());
      return null;
    }
    inProgress.push(qn);
    try {
      List<TypeRef.Field> fields = new ArrayList<>();
      boolean failed = false;
      for (RecordComponentElement rc : te.getRecordComponents()) {
        TypeMirror componentType = types.asMemberOf(type, rc.getAccessor()) instanceof
            javax.lang.model.type.ExecutableType et ? et.getReturnType() : rc.asType();
        TypeRef.Field f = field(positioned(te, rc), componentType, rc.getSimpleName().toString(),
            what + " → " + te.getSimpleName() + "." + rc.getSimpleName());
        if (f == null) {
          failed = true;
        } else {
          fields.add(f);
        }
      }
      return failed ? null : new TypeRef.ObjT(javaType, qn, fields);
    } finally {
      inProgress.pop();
    }
  }

  /**
   * The element to read a record component's annotations from and report on: javac (17) cannot place a diagnostic
   * on a RecordComponentElement, but it can on the component's private field, which carries the same annotations.
   */
  private static Element positioned(TypeElement record, RecordComponentElement rc) {
    for (Element e : record.getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD && e.getSimpleName().contentEquals(rc.getSimpleName())
          && !e.getModifiers().contains(Modifier.STATIC)) {
        return e;
      }
    }
    return rc;
  }

  /** A record component or tool parameter as an object member. {@code javaName} is the accessor name. */
  TypeRef.Field field(Element element, TypeMirror type, String javaName, String what) {
    Mirror param = params.declared(element);
    if (param == null && element instanceof RecordComponentElement rc && rc.getAccessor() != null) {
      param = params.declared(rc.getAccessor()); // class files may keep it on the accessor only
    }
    ParamMeta meta = params.read(param, element);
    TypeRef t = map(type, element, what);
    if (t == null) {
      return null;
    }
    String name = meta.name() != null ? meta.name() : snakeCase(javaName);
    boolean nullable = isNullable(element, type);
    boolean optionalType = t instanceof TypeRef.OptT;
    boolean required = switch (meta.required()) {
      case "TRUE" -> true;
      case "FALSE", "UNSTATED" -> false;
      default -> !optionalType && !nullable && meta.defaultValue() == null;
    };
    return new TypeRef.Field(name, javaName, t, required, nullable, meta, element);
  }

  /** Record components are camelCase in Java and snake_case in Atomemo: {@code resultsPerPage → results_per_page}. */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean boundary = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1))
            || Character.isDigit(javaName.charAt(i - 1))
            || (i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1))));
        if (boundary && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** True when generated code can call {@code new T()}: a concrete class with a public no-argument constructor. */
  public static boolean hasPublicNoArgConstructor(TypeElement te) {
    if (te.getModifiers().contains(Modifier.ABSTRACT)) {
      return false;
    }
    for (ExecutableElement c : ElementFilter.constructorsIn(te.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  static boolean isPublic(TypeElement te) {
    for (Element e = te; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      if (t.getNestingKind().isNested() && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        return false;
      }
    }
    return true;
  }

  private TypeRef unsupported(TypeMirror type, Element site, String what, String why) {
    reporter.report(Message.UNSUPPORTED_TYPE, Origin.of(site), plain(type) + " (" + what + ")", why);
    return null;
  }

  /** The type as written, without type-use annotations such as {@code @Param}. */
  static String plain(TypeMirror type) {
    try {
      return TypeName.get(type).withoutAnnotations().toString();
    } catch (RuntimeException e) {
      return type.toString();
    }
  }
}
