package dev.atomemo4j.benchmarks.reflect;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.ToolDefinition;
import dev.atomemo4j.model.io.JsonTrees;
import dev.atomemo4j.model.property.Ai;
import dev.atomemo4j.model.property.ArrayProperty;
import dev.atomemo4j.model.property.BooleanProperty;
import dev.atomemo4j.model.property.CredentialIdProperty;
import dev.atomemo4j.model.property.EncryptedStringProperty;
import dev.atomemo4j.model.property.NumberProperty;
import dev.atomemo4j.model.property.ObjectProperty;
import dev.atomemo4j.model.property.Property;
import dev.atomemo4j.model.property.PropertyCommon;
import dev.atomemo4j.model.property.StringProperty;
import dev.atomemo4j.model.property.Ui;
import dev.atomemo4j.model.property.UiOption;
import dev.atomemo4j.runtime.Secret;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reflection baseline's {@code definition.json}: the {@link PluginDefinition} derived at run time from the
 * annotated classes by reflection, the way a reflection-based SDK would build it at start-up. It follows the
 * processor's mapping rules (TypeMapper, PropertyBuilder, PluginReader) for the types the benchmark plugins use, so
 * for the 100-tool plugin it yields byte for byte the {@code definition.json} the processor generated (a test checks
 * that): both sides of measure 3 produce the same output.
 *
 * <p>What reflection cannot give, it approximates as a reflection SDK must: method declaration order is not kept by
 * {@link Class#getMethods()}, so tool methods are sorted by name (the generated plugin names them in order).
 */
public final class ReflectiveDefinitions {

  private ReflectiveDefinitions() {}

  /** Where a property stands, as in the processor's PropertyBuilder. */
  enum Position {
    MEMBER,
    ITEM,
    ADDITIONAL
  }

  /** A record component, a tool parameter, a list item or a map value. */
  record Member(String name, Type type, RParam param, boolean required) {}

  /** The tool methods of a tool class, in the order the definition lists them. */
  public static List<Method> toolMethods(Class<?> toolClass) {
    List<Method> methods = new ArrayList<>();
    for (Method m : toolClass.getMethods()) {
      if (m.isAnnotationPresent(RTool.class)) {
        methods.add(m);
      }
    }
    methods.sort(Comparator.comparing(Method::getName));
    return methods;
  }

  public static PluginDefinition definition(Class<?> pluginClass, String author, String email) {
    RPlugin plugin = pluginClass.getAnnotation(RPlugin.class);
    if (plugin == null) {
      throw new IllegalArgumentException(pluginClass + " has no @RPlugin");
    }
    String icon = plugin.icon();
    List<CredentialDefinition> credentials = new ArrayList<>();
    for (Class<?> c : plugin.credentials()) {
      RCredential rc = c.getAnnotation(RCredential.class);
      credentials.add(new CredentialDefinition(rc.name(), I18nText.en(rc.displayName()),
          I18nText.en(rc.description()), rc.icon().isEmpty() ? icon : rc.icon(), null, null,
          members(recordMembers(c))));
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (Class<?> toolClass : plugin.tools()) {
      for (Method m : toolMethods(toolClass)) {
        RTool t = m.getAnnotation(RTool.class);
        tools.add(new ToolDefinition(t.name(), I18nText.en(t.displayName()), I18nText.en(t.description()),
            t.icon().isEmpty() ? icon : t.icon(), members(inputMembers(m)), t.skill().isEmpty() ? null : t.skill()));
      }
    }
    return new PluginDefinition(plugin.name(), I18nText.en(plugin.displayName()),
        I18nText.en(plugin.description()), icon, plugin.lang(), plugin.repo().isEmpty() ? null : plugin.repo(),
        List.of(plugin.locales()), author, email, plugin.version(), credentials, List.of(), tools);
  }

  /** The record a tool takes as its whole input, or null when it takes annotated parameters. */
  public static Class<?> recordInput(Method m) {
    Parameter[] ps = m.getParameters();
    if (ps.length == 1 && ps[0].getType().isRecord() && !ps[0].isAnnotationPresent(RParam.class)
        && !ps[0].getType().isAnnotationPresent(RCredential.class)) {
      return ps[0].getType();
    }
    return null;
  }

  /** The input members of a tool: its record's components, or its annotated parameters. */
  static List<Member> inputMembers(Method m) {
    Class<?> record = recordInput(m);
    if (record != null) {
      return recordMembers(record);
    }
    List<Member> out = new ArrayList<>();
    for (Parameter p : m.getParameters()) {
      RParam rp = p.getAnnotation(RParam.class);
      out.add(new Member(rp.name(), p.getParameterizedType(), rp, autoRequired(p.getParameterizedType(), rp)));
    }
    return out;
  }

  static List<Member> recordMembers(Class<?> record) {
    List<Member> out = new ArrayList<>();
    for (RecordComponent rc : record.getRecordComponents()) {
      RParam rp = rc.getAnnotation(RParam.class);
      String name = rp != null && !rp.name().isEmpty() ? rp.name() : snakeCase(rc.getName());
      out.add(new Member(name, rc.getGenericType(), rp, autoRequired(rc.getGenericType(), rp)));
    }
    return out;
  }

  static boolean autoRequired(Type type, RParam rp) {
    return !(raw(type) == Optional.class) && (rp == null || rp.defaultValue().isEmpty());
  }

  private static List<Property> members(List<Member> members) {
    List<Property> out = new ArrayList<>(members.size());
    for (Member m : members) {
      out.add(build(m, Position.MEMBER));
    }
    return out;
  }

  private static Property build(Member field, Position position) {
    RParam p = field.param();
    Type type = raw(field.type()) == Optional.class ? arg(field.type(), 0) : field.type();
    Class<?> raw = raw(type);
    String name = field.name() != null ? field.name()
        : position == Position.ITEM ? "item" : position == Position.ADDITIONAL ? "value" : null;
    Boolean required = position == Position.MEMBER ? field.required() : null;
    Ai ai = p == null || p.llmDescription().isEmpty() ? null : new Ai(I18nText.en(p.llmDescription()));
    I18nText displayName = p == null || p.displayName().isEmpty() ? null : I18nText.en(p.displayName());
    Ui ui = null;
    if (hasUi(p) || position == Position.MEMBER) {
      ui = ui(p, type, p != null && !p.component().isEmpty() ? p.component() : defaultComponent(type));
    }
    PropertyCommon common = new PropertyCommon(name, displayName, required, null, ai, ui, null, null);
    JsonValue dflt = p == null || p.defaultValue().isEmpty() ? null : json(p.defaultValue());

    if (raw == String.class || raw == CharSequence.class) {
      return new StringProperty(common, null, dflt, null, count(p == null ? -1 : p.maxLength()),
          count(p == null ? -1 : p.minLength()));
    } else if (raw == boolean.class || raw == Boolean.class) {
      return new BooleanProperty(common, null, dflt, null);
    } else if (isNumber(raw)) {
      return new NumberProperty(common, isInteger(raw), null, dflt, null, number(p == null ? Double.NaN : p.maximum()),
          number(p == null ? Double.NaN : p.minimum()));
    } else if (raw.isEnum()) {
      List<JsonValue> wire = new ArrayList<>();
      for (String w : wireNames(raw)) {
        wire.add(JsonValue.of(w));
      }
      return new StringProperty(common, null, dflt, wire, count(p == null ? -1 : p.maxLength()),
          count(p == null ? -1 : p.minLength()));
    } else if (List.class == raw || Set.class == raw || Collection.class == raw) {
      Property items = build(new Member(null, arg(type, 0), null, true), Position.ITEM);
      return new ArrayProperty(common, null, dflt, null, items, count(p == null ? -1 : p.maxItems()),
          count(p == null ? -1 : p.minItems()));
    } else if (Map.class == raw) {
      Property value = build(new Member(null, arg(type, 1), null, true), Position.ADDITIONAL);
      return new ObjectProperty(common, List.of(), value, null, dflt, null);
    } else if (raw == Secret.class) {
      return new EncryptedStringProperty(common, null, dflt, null);
    } else if (raw.isAnnotationPresent(RCredential.class)) {
      return new CredentialIdProperty(common, raw.getAnnotation(RCredential.class).name(), null, dflt, null);
    } else if (raw.isRecord()) {
      return new ObjectProperty(common, members(recordMembers(raw)), null, null, dflt, null);
    }
    throw new IllegalArgumentException("the reflection baseline does not map " + type);
  }

  private static boolean hasUi(RParam p) {
    return p != null && (!p.hint().isEmpty() || !p.placeholder().isEmpty() || !p.component().isEmpty()
        || !p.width().isEmpty() || p.supportExpression());
  }

  private static Ui ui(RParam p, Type type, String component) {
    Ui.Builder b = Ui.builder()
        .hint(p == null || p.hint().isEmpty() ? null : I18nText.en(p.hint()))
        .placeholder(p == null || p.placeholder().isEmpty() ? null : I18nText.en(p.placeholder()))
        .width(p == null || p.width().isEmpty() ? null : p.width())
        .component(component);
    if (p != null && p.supportExpression()) {
      b.supportExpression(true);
    }
    Type optionsOf = isCollection(raw(type)) ? unwrapOptional(arg(type, 0)) : type;
    Class<?> optionsRaw = raw(optionsOf);
    if (optionsRaw.isEnum()) {
      List<UiOption> options = new ArrayList<>();
      for (String w : wireNames(optionsRaw)) {
        options.add(new UiOption(null, I18nText.en(w), JsonValue.of(w)));
      }
      b.options(options);
    }
    return b.build();
  }

  static String defaultComponent(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class || raw == CharSequence.class) {
      return "input";
    } else if (raw == boolean.class || raw == Boolean.class) {
      return "switch";
    } else if (isNumber(raw)) {
      return "number-input";
    } else if (raw.isEnum()) {
      return "select";
    } else if (isCollection(raw)) {
      Class<?> e = raw(unwrapOptional(arg(type, 0)));
      return e.isEnum() ? "multi-select" : e.isRecord() ? "array-section" : "tag-input";
    } else if (raw == Map.class) {
      return "section";
    } else if (raw == Secret.class) {
      return "encrypted-input";
    } else if (raw.isAnnotationPresent(RCredential.class)) {
      return "credential-select";
    } else if (raw.isRecord()) {
      return "section";
    }
    return null;
  }

  /** The wire names of an enum's constants: {@code @JsonProperty}, else the name in lower case. */
  public static List<String> wireNames(Class<?> enumType) {
    List<String> out = new ArrayList<>();
    for (Object c : enumType.getEnumConstants()) {
      String javaName = ((Enum<?>) c).name();
      String wire = javaName.toLowerCase(Locale.ROOT);
      try {
        JsonProperty jp = enumType.getField(javaName).getAnnotation(JsonProperty.class);
        if (jp != null && !jp.value().isEmpty()) {
          wire = jp.value();
        }
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
      out.add(wire);
    }
    return out;
  }

  private static JsonValue json(String text) {
    try {
      return JsonTrees.parse(text);
    } catch (Exception e) {
      return JsonValue.of(text);
    }
  }

  private static Double count(int i) {
    return i < 0 ? null : (double) i;
  }

  private static Double number(double d) {
    return Double.isNaN(d) ? null : d;
  }

  static boolean isCollection(Class<?> raw) {
    return raw == List.class || raw == Set.class || raw == Collection.class;
  }

  static boolean isNumber(Class<?> raw) {
    return isInteger(raw) || raw == float.class || raw == double.class || raw == Float.class || raw == Double.class
        || raw == java.math.BigDecimal.class;
  }

  static boolean isInteger(Class<?> raw) {
    return Arrays.asList(byte.class, short.class, int.class, long.class, Byte.class, Short.class, Integer.class,
        Long.class, java.math.BigInteger.class).contains(raw);
  }

  static Type unwrapOptional(Type t) {
    return raw(t) == Optional.class ? arg(t, 0) : t;
  }

  static Class<?> raw(Type t) {
    if (t instanceof Class) {
      return (Class<?>) t;
    }
    if (t instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) t).getRawType();
    }
    throw new IllegalArgumentException("unsupported type " + t);
  }

  static Type arg(Type t, int i) {
    return ((ParameterizedType) t).getActualTypeArguments()[i];
  }

  /** The processor's record-component naming: {@code resultsPerPage → results_per_page}. */
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
}
