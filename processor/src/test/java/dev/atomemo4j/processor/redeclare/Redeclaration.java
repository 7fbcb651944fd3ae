package dev.atomemo4j.processor.redeclare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Writes Java declarations, using only the public annotations, that re-declare a {@code definition.json}: a
 * plugin class, one tool class, credential records, records and sealed unions for every object, and the
 * {@code zh_Hans} translations file. Compiling them with the processor must give back the same definition.
 *
 * <p>Every {@code @Param} gets an explicit translation {@code key} ({@code k17}) so the translations file is a plain
 * list of the definition's texts, independent of how the processor derives default keys.
 */
public final class Redeclaration {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMPONENT_LESS = List.of("file_ref", "resource_locator", "resource_mapper");

  /** The Java sources (qualified name → text) and the translations file (resource path → text). */
  public record Output(Map<String, String> sources, String translationsPath, String translations,
      String pluginClass, String version) {}

  private final String pkg;
  private final Properties zh = new Properties();
  private final StringBuilder types = new StringBuilder();
  private final Map<String, String> credentialTypes = new LinkedHashMap<>();
  private final Set<String> listMethods = new LinkedHashSet<>();
  private final Set<String> mappingMethods = new LinkedHashSet<>();
  private int keys;
  private int typeCount;

  private Redeclaration(String pkg) {
    this.pkg = pkg;
  }

  /** Re-declares {@code definitionJson} in package {@code pkg}. */
  public static Output of(String definitionJson, String pkg) {
    try {
      return new Redeclaration(pkg).write((ObjectNode) JSON.readTree(definitionJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Output write(ObjectNode d) {
    Map<String, String> sources = new LinkedHashMap<>();
    String pluginIcon = d.path("icon").asText();

    List<String> credentialClasses = new ArrayList<>();
    int ci = 0;
    for (JsonNode c : d.path("credentials")) {
      String cls = "Credential" + ci++;
      credentialTypes.put(c.path("name").asText(), cls);
      credentialClasses.add(cls);
    }
    ci = 0;
    for (JsonNode c : d.path("credentials")) {
      sources.put(pkg + "." + credentialClasses.get(ci), credential(c, credentialClasses.get(ci)));
      ci++;
    }

    StringBuilder tools = new StringBuilder();
    int ti = 0;
    for (JsonNode t : d.path("tools")) {
      tools.append(tool(t, ti++));
    }

    StringBuilder plugin = head();
    for (JsonNode m : d.path("models")) {
      plugin.append(model(m));
    }
    plugin.append("@Plugin(name = ").append(lit(d.path("name").asText()))
        .append(", displayName = ").append(text(d.path("display_name"), "plugin.display_name"))
        .append(",\n    description = ").append(text(d.path("description"), "plugin.description"))
        .append(", icon = ").append(lit(pluginIcon))
        .append(", lang = ").append(lit(d.path("lang").asText()));
    if (d.has("repo")) {
      plugin.append(", repo = ").append(lit(d.path("repo").asText()));
    }
    plugin.append(",\n    locales = ").append(strings(d.path("locales")))
        .append(", translations = ").append(lit(pkg.replace('.', '/') + "/messages"));
    if (!d.path("tools").isEmpty()) {
      plugin.append(", tools = Tools.class");
    }
    if (!credentialClasses.isEmpty()) {
      plugin.append(", credentials = {").append(String.join(", ",
          credentialClasses.stream().map(c -> c + ".class").toList())).append("}");
    }
    plugin.append(")\n@SuppressWarnings(\"atomemo4j:missing-translation\")\npublic final class Redeclared {}\n");
    sources.put(pkg + ".Redeclared", plugin.toString());

    if (!d.path("tools").isEmpty()) {
      StringBuilder toolClass = head();
      toolClass.append("public final class Tools {\n").append(tools);
      for (String m : listMethods) {
        toolClass.append("  @LocatorList(").append(lit(m)).append(")\n  public static Object list_").append(m)
            .append("(LocatorRequest request) {\n    return null;\n  }\n\n");
      }
      for (String m : mappingMethods) {
        toolClass.append("  @ResourceMapping(").append(lit(m)).append(")\n  public static Object map_")
            .append(m).append("(MappingRequest request) {\n    return null;\n  }\n\n");
      }
      toolClass.append("}\n");
      sources.put(pkg + ".Tools", toolClass.toString());
    }
    StringBuilder typesClass = head();
    typesClass.append("public final class Types {\n  private Types() {}\n").append(types).append("}\n");
    sources.put(pkg + ".Types", typesClass.toString());

    StringWriter props = new StringWriter();
    try {
      zh.store(props, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Output(sources, pkg.replace('.', '/') + "/messages_zh_Hans.properties", props.toString(),
        pkg + ".Redeclared", d.path("version").asText());
  }

  private StringBuilder head() {
    return new StringBuilder("package " + pkg + ";\n\n"
        + "import dev.atomemo4j.annotations.*;\n"
        + "import dev.atomemo4j.model.value.*;\n"
        + "import dev.atomemo4j.runtime.*;\n"
        + "import java.util.*;\n"
        + "import " + pkg + ".Types.*;\n\n");
  }

  // ---- features

  private String credential(JsonNode c, String cls) {
    String name = c.path("name").asText();
    String key = "credential." + name;
    StringBuilder s = head();
    s.append("@Credential(name = ").append(lit(name))
        .append(", displayName = ").append(text(c.path("display_name"), key + ".display_name"))
        .append(",\n    description = ").append(text(c.path("description"), key + ".description"))
        .append(", icon = ").append(lit(c.path("icon").asText()));
    if (c.path("oauth2").asBoolean(false)) {
      s.append(", oauth2 = true");
    }
    if (c.has("oauth2_grant_type")) {
      s.append(", grantType = ").append(lit(c.path("oauth2_grant_type").asText()));
    }
    s.append(")\npublic record ").append(cls).append("(\n");
    List<String> components = new ArrayList<>();
    int i = 0;
    for (JsonNode p : c.path("parameters")) {
      Decl decl = property(p, Position.MEMBER);
      components.add("    " + decl.annotation() + "\n    " + decl.type() + " c" + i++);
    }
    s.append(String.join(",\n", components)).append(") {\n");
    if (c.path("oauth2").asBoolean(false)) {
      s.append("  @OAuth2AuthorizeUrl\n  public String authorizeUrl(OAuth2AuthorizeRequest request) {\n"
          + "    return \"\";\n  }\n\n  @OAuth2GetToken\n  public TokenPatch getToken(OAuth2TokenRequest request) {\n"
          + "    return null;\n  }\n");
    }
    s.append("}\n");
    return s.toString();
  }

  private String model(JsonNode m) {
    String name = m.path("name").asText();
    String key = "model." + name;
    StringBuilder s = new StringBuilder("@Model(name = ").append(lit(name))
        .append(", displayName = ").append(text(m.path("display_name"), key + ".display_name"))
        .append(",\n    description = ").append(text(m.path("description"), key + ".description"))
        .append(", icon = ").append(lit(m.path("icon").asText()))
        .append(", modelType = ").append(lit(m.path("model_type").asText()));
    if (m.has("default_endpoint")) {
      s.append(", defaultEndpoint = ").append(lit(m.path("default_endpoint").asText()));
    }
    s.append(",\n    inputModalities = ").append(strings(m.path("input_modalities")))
        .append(", outputModalities = ").append(strings(m.path("output_modalities")));
    JsonNode pricing = m.path("pricing");
    if (pricing.isObject()) {
      s.append(",\n    pricing = @Model.Pricing(currency = ").append(lit(pricing.path("currency").asText("")));
      for (String[] f : new String[][] {{"input", "input"}, {"input_cache_read", "inputCacheRead"},
          {"input_cache_write", "inputCacheWrite"}, {"output", "output"}, {"request", "request"}}) {
        if (pricing.has(f[0])) {
          s.append(", ").append(f[1]).append(" = ").append(number(pricing.path(f[0])));
        }
      }
      s.append(")");
    }
    JsonNode o = m.path("override_parameters");
    for (String[] f : new String[][] {{"temperature", "temperature"}, {"frequency_penalty", "frequencyPenalty"},
        {"max_tokens", "maxTokens"}}) {
      if (o.path(f[0]).isObject()) {
        JsonNode b = o.path(f[0]);
        List<String> parts = new ArrayList<>();
        for (String[] g : new String[][] {{"default", "defaultValue"}, {"maximum", "maximum"},
            {"minimum", "minimum"}}) {
          if (b.has(g[0])) {
            parts.add(g[1] + " = " + number(b.path(g[0])));
          }
        }
        s.append(",\n    ").append(f[1]).append(" = @Model.Bounds(").append(String.join(", ", parts)).append(")");
      }
    }
    if (o.path("verbosity").has("default")) {
      s.append(", verbosity = ").append(lit(o.path("verbosity").path("default").asText()));
    }
    s.append(",\n    unsupportedParameters = ").append(strings(m.path("unsupported_parameters"))).append(")\n");
    return s.toString();
  }

  private String tool(JsonNode t, int index) {
    String name = t.path("name").asText();
    String key = "tool." + name;
    StringBuilder s = new StringBuilder("  @Tool(name = ").append(lit(name))
        .append(", displayName = ").append(text(t.path("display_name"), key + ".display_name"))
        .append(",\n      description = ").append(text(t.path("description"), key + ".description"))
        .append(", icon = ").append(lit(t.path("icon").asText()));
    if (t.has("skill")) {
      s.append(",\n      skill = ").append(lit(t.path("skill").asText()));
    }
    s.append(")\n  public static Object tool").append(index).append("(");
    List<String> params = new ArrayList<>();
    int i = 0;
    for (JsonNode p : t.path("parameters")) {
      Decl decl = property(p, Position.MEMBER);
      params.add("\n      " + decl.annotation() + " " + decl.type() + " p" + i++);
    }
    s.append(String.join(",", params)).append(") {\n    return null;\n  }\n\n");
    return s.toString();
  }

  // ---- properties

  enum Position {
    MEMBER,
    ITEM
  }

  /** A Java type and the annotations that make it the property (declaration annotations, or type-use ones). */
  record Decl(String annotation, String type) {}

  private Decl property(JsonNode p, Position position) {
    String type = p.path("type").asText();
    if (type.equals("discriminated_union")) {
      return new Decl("", union(p));
    }
    String k = "k" + keys++;
    List<String> attrs = new ArrayList<>();
    attrs.add("name = " + lit(p.path("name").asText()));
    attrs.add("key = " + lit(k));
    if (p.has("display_name")) {
      attrs.add("displayName = " + text(p.path("display_name"), k + ".display_name"));
    }
    attrs.add("required = Required." + (!p.has("required") ? "UNSTATED"
        : p.path("required").asBoolean() ? "TRUE" : "FALSE"));
    JsonNode display = p.path("display");
    if (display.has("show")) {
      attrs.add("showWhen = " + lit(compact(display.path("show"))));
    }
    if (display.has("hide")) {
      attrs.add("hideWhen = " + lit(compact(display.path("hide"))));
    }
    if (p.path("ai").has("llm_description")) {
      attrs.add("llmDescription = " + text(p.path("ai").path("llm_description"), k + ".llm_description"));
    }
    if (p.has("ui")) {
      ui(p.path("ui"), k, attrs, !COMPONENT_LESS.contains(type));
    } else if (position == Position.MEMBER && !COMPONENT_LESS.contains(type)) {
      attrs.add("noUi = true");
    }
    if (p.has("depends_on")) {
      attrs.add("dependsOn = " + strings(p.path("depends_on")));
    }
    if (p.has("decoder")) {
      attrs.add("decoder = " + lit(p.path("decoder").asText()));
    }
    for (String[] f : new String[][] {{"constant", "constant"}, {"default", "defaultValue"}}) {
      if (p.has(f[0])) {
        attrs.add(f[1] + " = " + lit(compact(p.path(f[0]))));
      }
    }
    if (p.has("enum")) {
      List<String> values = new ArrayList<>();
      p.path("enum").forEach(v -> values.add(lit(compact(v))));
      attrs.add("allowed = {" + String.join(", ", values) + "}");
    }
    for (String[] f : new String[][] {{"max_length", "maxLength"}, {"min_length", "minLength"},
        {"max_items", "maxItems"}, {"min_items", "minItems"}}) {
      if (p.has(f[0])) {
        attrs.add(f[1] + " = " + p.path(f[0]).asInt());
      }
    }
    for (String[] f : new String[][] {{"maximum", "maximum"}, {"minimum", "minimum"}}) {
      if (p.has(f[0])) {
        attrs.add(f[1] + " = " + number(p.path(f[0])));
      }
    }
    String extra = "";
    String javaType = switch (type) {
      case "string" -> "String";
      case "number" -> "Double";
      case "integer" -> "Long";
      case "boolean" -> "Boolean";
      case "encrypted_string" -> "Secret";
      case "file_ref" -> "FileRef";
      case "credential_id" -> credentialTypes.get(p.path("credential_name").asText());
      case "resource_mapper" -> {
        mappingMethods.add(p.path("mapping_method").asText());
        extra = "@Mapper(" + lit(p.path("mapping_method").asText()) + ") ";
        yield "ResourceMapper";
      }
      case "resource_locator" -> {
        extra = locator(p.path("modes"), k) + " ";
        yield "ResourceLocator";
      }
      case "array" -> {
        Decl items = property(p.path("items"), Position.ITEM);
        yield "List<" + (items.annotation().isEmpty() ? "" : items.annotation() + " ") + items.type() + ">";
      }
      case "object" -> object(p, k);
      default -> throw new IllegalArgumentException("unknown property type " + type);
    };
    if (javaType == null) {
      throw new IllegalArgumentException("credential_name names no credential: " + p.path("credential_name"));
    }
    return new Decl(extra + param(attrs), javaType);
  }

  private String object(JsonNode p, String key) {
    JsonNode props = p.path("properties");
    if (p.has("additional_properties")) {
      if (!props.isEmpty()) {
        throw new IllegalArgumentException("an object with both properties and additional_properties");
      }
      Decl value = property(p.path("additional_properties"), Position.ITEM);
      return "Map<String, " + (value.annotation().isEmpty() ? "" : value.annotation() + " ") + value.type() + ">";
    }
    String name = "Object" + typeCount++;
    String components = components(props, null); // writes the nested types first
    types.append("\n  public record ").append(name).append("(").append(components).append(") {}\n");
    return name;
  }

  private String components(JsonNode props, String skip) {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : props) {
      if (skip != null && c.path("name").asText().equals(skip)) {
        continue;
      }
      Decl decl = property(c, Position.MEMBER);
      out.add("\n      " + decl.annotation() + " " + decl.type() + " c" + i++);
    }
    return String.join(",", out);
  }

  private String union(JsonNode u) {
    String name = "Union" + typeCount++;
    String discriminator = u.path("discriminator").asText();
    JsonNode dui = u.path("discriminator_ui");
    Map<String, JsonNode> labels = new LinkedHashMap<>();
    dui.path("options").forEach(o -> labels.put(o.path("value").asText(), o.path("label")));
    StringBuilder s = new StringBuilder("\n  @Union(discriminator = ").append(lit(discriminator))
        .append(", component = ").append(lit(dui.path("component").asText("")))
        .append(", options = ").append(dui.has("options")).append(")\n  public sealed interface ").append(name)
        .append(" permits ");
    List<String> variants = new ArrayList<>();
    StringBuilder records = new StringBuilder();
    for (JsonNode v : u.path("any_of")) {
      String vName = "Variant" + typeCount++;
      variants.add(vName);
      JsonNode d = v.path("properties").get(0);
      if (!d.path("name").asText().equals(discriminator)) {
        throw new IllegalArgumentException("the discriminator is not the first property of " + v.path("name"));
      }
      String constant = d.path("constant").asText();
      String vKey = "k" + keys++;
      records.append("\n  @Variant(value = ").append(lit(constant));
      if (labels.containsKey(constant)) {
        records.append(", label = ").append(text(labels.get(constant), vKey + ".label"));
      }
      records.append(", name = ").append(lit(v.path("name").asText()));
      List<String> objectAttrs = new ArrayList<>();
      objectAttrs.add("key = " + lit(vKey));
      if (v.has("display_name")) {
        objectAttrs.add("displayName = " + text(v.path("display_name"), vKey + ".display_name"));
      }
      if (v.has("ui")) {
        ui(v.path("ui"), vKey, objectAttrs, true);
      }
      records.append(",\n      object = ").append(param(objectAttrs));
      String dKey = "k" + keys++;
      List<String> dAttrs = new ArrayList<>();
      dAttrs.add("key = " + lit(dKey));
      if (d.has("display_name")) {
        dAttrs.add("displayName = " + text(d.path("display_name"), dKey + ".display_name"));
      }
      dAttrs.add("required = Required." + (!d.has("required") ? "UNSTATED"
          : d.path("required").asBoolean() ? "TRUE" : "FALSE"));
      if (d.path("ai").has("llm_description")) {
        dAttrs.add("llmDescription = " + text(d.path("ai").path("llm_description"), dKey + ".llm_description"));
      }
      if (d.has("ui")) {
        ui(d.path("ui"), dKey, dAttrs, true);
      }
      records.append(",\n      discriminator = ").append(param(dAttrs)).append(")");
      records.append("\n  public record ").append(vName).append("(").append(components(v.path("properties"),
          discriminator)).append(") implements ").append(name).append(" {}\n");
    }
    s.append(String.join(", ", variants)).append(" {}\n").append(records);
    types.append(s);
    return name;
  }

  private String locator(JsonNode modes, String key) {
    List<String> attrs = new ArrayList<>();
    List<String> order = new ArrayList<>();
    boolean id = false;
    for (JsonNode m : modes) {
      String type = m.path("type").asText();
      order.add(lit(type));
      String k = key + ".mode." + type;
      switch (type) {
        case "list" -> {
          listMethods.add(m.path("search_list_method").asText());
          attrs.add("list = " + lit(m.path("search_list_method").asText()));
          if (m.path("searchable").asBoolean(false)) {
            attrs.add("searchable = true");
          }
        }
        case "url" -> attrs.add("urlRegex = " + lit(m.path("extract_value").path("regex").asText()));
        case "id" -> id = true;
        default -> throw new IllegalArgumentException("unknown locator mode " + type);
      }
      if (m.has("display_name")) {
        attrs.add(type + "DisplayName = " + text(m.path("display_name"), k + ".display_name"));
      }
      if (m.has("placeholder")) {
        attrs.add(type + "Placeholder = " + text(m.path("placeholder"), k + ".placeholder"));
      }
    }
    attrs.add("id = " + id);
    attrs.add("order = {" + String.join(", ", order) + "}");
    return "@Locator(" + String.join(", ", attrs) + ")";
  }

  /** {@code @Param(…)} of {@code attrs}: an empty en_US text cannot be written as "" (that means unset). */
  private static String param(List<String> attrs) {
    List<String> out = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (String a : attrs) {
      if (a.endsWith(" = \"\"") && !a.startsWith("name ")) {
        empty.add(lit(a.substring(0, a.indexOf(' '))));
      } else {
        out.add(a);
      }
    }
    if (!empty.isEmpty()) {
      out.add("explicitEmpty = {" + String.join(", ", empty) + "}");
    }
    return "@Param(" + String.join(", ", out) + ")";
  }

  private void ui(JsonNode ui, String key, List<String> attrs, boolean componentType) {
    List<String> explicitFalse = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ui.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String member = e.getKey();
      switch (member) {
        case "component" -> {
          if (componentType) {
            attrs.add("component = " + lit(v.asText()));
          }
        }
        case "hint", "placeholder", "add_button_label", "empty_description", "section_header", "add_label",
            "empty_message", "remove_tooltip", "panel_title" ->
            attrs.add(camel(member) + " = " + text(v, key + "." + member));
        case "width", "language", "size", "suffix" -> attrs.add(camel(member) + " = " + lit(v.asText()));
        case "indentation" -> attrs.add("indentation = " + v.asInt());
        case "step", "max_height", "min_height", "rows" -> attrs.add(camel(member) + " = " + number(v));
        case "marks" -> attrs.add("marks = " + lit(compact(v)));
        case "searchable", "clearable" -> attrs.add(camel(member) + " = Param.Flag." + (v.asBoolean() ? "TRUE"
            : "FALSE"));
        case "disabled", "readonly", "sensitive", "support_expression", "display_none", "line_numbers",
            "line_wrapping", "show_value", "collapsible", "sortable", "default_collapsed" -> {
          if (v.asBoolean()) {
            attrs.add(camel(member) + " = true");
          } else {
            explicitFalse.add(lit(camel(member)));
          }
        }
        case "options" -> {
          List<String> options = new ArrayList<>();
          for (JsonNode o : v) {
            String value = o.path("value").isTextual() ? o.path("value").asText() : compact(o.path("value"));
            StringBuilder opt = new StringBuilder("@Option(value = ").append(lit(compact(o.path("value"))))
                .append(", label = ").append(text(o.path("label"), key + ".option." + value));
            if (o.has("icon")) {
              opt.append(", icon = ").append(lit(o.path("icon").asText()));
            }
            options.add(opt.append(")").toString());
          }
          attrs.add("options = {" + String.join(", ", options) + "}");
        }
        default -> throw new IllegalArgumentException("unknown ui member " + member);
      }
    }
    if (!explicitFalse.isEmpty()) {
      attrs.add("explicitFalse = {" + String.join(", ", explicitFalse) + "}");
    }
  }

  // ---- literals

  /** The en_US text as a Java literal; other locales go to the translations file under {@code key}. */
  private String text(JsonNode i18n, String key) {
    for (Iterator<Map.Entry<String, JsonNode>> it = i18n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("zh_Hans")) {
        zh.setProperty(key, e.getValue().asText());
      } else if (!e.getKey().equals("en_US")) {
        throw new IllegalArgumentException("locale " + e.getKey() + " at " + key + " is not re-declarable here");
      }
    }
    return lit(i18n.path("en_US").asText());
  }

  private static String strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(lit(v.asText())));
    return "{" + String.join(", ", out) + "}";
  }

  private static String number(JsonNode n) {
    String s = Double.toString(n.asDouble());
    return s.equals("Infinity") || s.contains("NaN") ? "Double.NaN" : s;
  }

  private static String compact(JsonNode v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  /** A Java string literal; control characters as octal escapes (a {@code \\u000a} would end the line). */
  static String lit(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\%03o", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
