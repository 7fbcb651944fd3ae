package dev.atomemo4j.model.validate;

import static dev.atomemo4j.model.io.Pointers.child;

import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.ModelDefinition;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.ToolDefinition;
import dev.atomemo4j.model.property.ArrayProperty;
import dev.atomemo4j.model.property.BooleanProperty;
import dev.atomemo4j.model.property.CredentialIdProperty;
import dev.atomemo4j.model.property.DiscriminatedUnionProperty;
import dev.atomemo4j.model.property.EncryptedStringProperty;
import dev.atomemo4j.model.property.LocatorMode;
import dev.atomemo4j.model.property.NumberProperty;
import dev.atomemo4j.model.property.ObjectProperty;
import dev.atomemo4j.model.property.Property;
import dev.atomemo4j.model.property.PropertyCommon;
import dev.atomemo4j.model.property.ResourceLocatorProperty;
import dev.atomemo4j.model.property.ResourceMapperProperty;
import dev.atomemo4j.model.property.StringProperty;
import dev.atomemo4j.model.property.Ui;
import dev.atomemo4j.model.property.UiOption;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule set of the definition format ({@code definition-format.md} §9). It checks a model, never JSON
 * text, so the annotation processor, the CLI, the runtime and the dev hub all apply the same rules, and it reports
 * every violation it finds, each at a JSON pointer computed from the model's positions.
 */
public final class DefinitionValidator {

  /** Where a property stands; it decides which types may appear there. */
  private enum Position {
    TOOL_PARAMETERS("tool parameters"),
    CREDENTIAL_PARAMETERS("credential parameters"),
    OBJECT_PROPERTIES("object properties"),
    ARRAY_ITEMS("array items"),
    ADDITIONAL_PROPERTIES("additional_properties"),
    UNION_VARIANT("a discriminated_union's any_of");

    final String words;

    Position(String words) {
      this.words = words;
    }
  }

  static final Set<String> LANGS = Set.of("typescript", "elixir", "java");
  static final Set<String> GRANT_TYPES = Set.of("authorization_code", "client_credentials");
  static final Set<String> MODEL_TYPES = Set.of("llm");
  static final Set<String> INPUT_MODALITIES = Set.of("file", "image", "text");
  static final Set<String> OUTPUT_MODALITIES = Set.of("text");
  static final Set<String> UNSUPPORTED_PARAMETERS = Set.of("endpoint", "temperature", "frequency_penalty", "seed",
      "max_tokens", "json_schema", "stream", "stream_options", "structured_outputs", "parallel_tool_calls",
      "verbosity");
  static final Set<String> VERBOSITY = Set.of("low", "medium", "high");
  static final Set<String> WIDTHS = Set.of("small", "medium", "full");
  static final Set<String> LANGUAGES = Set.of("json", "javascript", "python3", "markdown");
  static final Set<String> SIZES = Set.of("extra-small", "small", "medium", "large");
  static final Set<String> DECODERS = Set.of("json");
  static final Set<String> MODE_TYPES = Set.of("list", "url", "id");

  /** UI components allowed per property type (§7.2). */
  static final Map<String, List<String>> COMPONENTS = Map.of(
      "string", List.of("input", "textarea", "code-editor", "select", "credential-select", "radio-group",
          "emoji-picker", "color-picker"),
      "number", List.of("number-input", "slider"),
      "integer", List.of("number-input", "slider"),
      "boolean", List.of("switch", "checkbox"),
      "encrypted_string", List.of("encrypted-input"),
      "credential_id", List.of("credential-select"),
      "array", List.of("multi-select", "tag-input", "key-value-editor", "slider", "array-section"),
      "object", List.of("json-schema-editor", "conditions-editor", "code-editor", "collapsible-panel", "section"));
  static final List<String> DISCRIMINATOR_COMPONENTS = List.of("switch", "select", "radio-group");

  /** Types a {@code depends_on} entry may name. */
  static final Set<String> DEPENDABLE = Set.of("string", "number", "integer", "boolean", "resource_locator");

  private static final BigDecimal MAX_SAFE = BigDecimal.valueOf(9007199254740991L);

  private final List<Violation> violations = new ArrayList<>();
  private final Set<String> credentialNames = new LinkedHashSet<>();

  private DefinitionValidator() {}

  /** Every violation in {@code definition}, in document order; empty when it is valid. */
  public static List<Violation> validate(PluginDefinition definition) {
    DefinitionValidator v = new DefinitionValidator();
    v.plugin(definition);
    return List.copyOf(v.violations);
  }

  private void add(String at, ViolationCode code, String message) {
    violations.add(new Violation(at, code, message));
  }

  // ---- plugin and features

  private void plugin(PluginDefinition p) {
    featureName(p.name(), "/name", "plugin");
    i18n(p.displayName(), "/display_name", true);
    i18n(p.description(), "/description", true);
    required(p.icon(), "/icon", "icon", "an emoji, a URL or a platform symbol such as \"symbol:icon-airtable\"");
    if (required(p.lang(), "/lang", "lang", "\"typescript\" or \"elixir\"")) {
      choice(p.lang(), LANGS, "/lang", "lang");
    }
    if (p.repo() != null && !Names.isHttpUrl(p.repo())) {
      add("/repo", ViolationCode.BAD_URL, "repo \"" + p.repo() + "\" is not an http(s) URL");
    }
    if (p.locales() == null) {
      add("/locales", ViolationCode.MISSING_MEMBER, "a plugin needs `locales`, e.g. [\"en-US\", \"zh-Hans\"]");
    }
    if (p.email() != null && !Names.isEmail(p.email())) {
      add("/email", ViolationCode.BAD_EMAIL, "email \"" + p.email() + "\" is not an e-mail address");
    }
    if (required(p.version(), "/version", "version", "the build's SemVer version, e.g. \"1.0.0\"")
        && !Names.SEMVER.matcher(p.version()).matches()) {
      add("/version", ViolationCode.BAD_VERSION, "version \"" + p.version() + "\" is not SemVer without "
          + "underscores (e.g. 1.2.3 or 1.2.3-beta.1); the Hub builds `<name>__release__<version>` from it");
    }
    for (CredentialDefinition c : p.credentials()) {
      if (c.name() != null) {
        credentialNames.add(c.name());
      }
    }
    unique(p.credentials(), CredentialDefinition::name, "/credentials", "credential");
    unique(p.models(), ModelDefinition::name, "/models", "model");
    unique(p.tools(), ToolDefinition::name, "/tools", "tool");
    for (int i = 0; i < p.credentials().size(); i++) {
      credential(p.credentials().get(i), child("/credentials", i));
    }
    for (int i = 0; i < p.models().size(); i++) {
      model(p.models().get(i), child("/models", i));
    }
    for (int i = 0; i < p.tools().size(); i++) {
      tool(p.tools().get(i), child("/tools", i));
    }
  }

  private void credential(CredentialDefinition c, String at) {
    featureName(c.name(), child(at, "name"), "credential");
    base(c.displayName(), c.description(), c.icon(), at);
    if (c.oauth2GrantType() != null) {
      choice(c.oauth2GrantType(), GRANT_TYPES, child(at, "oauth2_grant_type"), "oauth2_grant_type");
    }
    properties(c.parameters(), child(at, "parameters"), Position.CREDENTIAL_PARAMETERS);
    if (c.isOAuth2()) {
      oauth2(c, at);
    }
  }

  private void oauth2(CredentialDefinition c, String at) {
    String[][] rule = {
        {"client_id", "string", "true"},
        {"client_secret", "encrypted_string", "true"},
        {"access_token", "encrypted_string", null},
        {"refresh_token", "encrypted_string", null},
        {"expires_at", "integer", null},
    };
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < c.parameters().size(); i++) {
      index.putIfAbsent(c.parameters().get(i).name(), i);
    }
    for (String[] r : rule) {
      Integer i = index.get(r[0]);
      String need = "`" + r[0] + "` of type " + r[1] + (r[2] != null ? " with required: true" : "");
      if (i == null) {
        add(child(at, "parameters"), ViolationCode.OAUTH2_PARAMETER,
            "an OAuth2 credential (oauth2: true) needs a parameter " + need + "; add it");
        continue;
      }
      Property p = c.parameters().get(i);
      String pAt = child(child(at, "parameters"), i);
      if (!r[1].equals(p.type())) {
        add(child(pAt, "type"), ViolationCode.OAUTH2_PARAMETER,
            "OAuth2 parameter `" + r[0] + "` must have type " + r[1] + ", not " + p.type());
      } else if (r[2] != null && !p.common().isRequired()) {
        add(pAt, ViolationCode.OAUTH2_PARAMETER, "OAuth2 parameter `" + r[0] + "` must be required: true");
      }
    }
  }

  private void tool(ToolDefinition t, String at) {
    featureName(t.name(), child(at, "name"), "tool");
    base(t.displayName(), t.description(), t.icon(), at);
    properties(t.parameters(), child(at, "parameters"), Position.TOOL_PARAMETERS);
  }

  private void model(ModelDefinition m, String at) {
    if (required(m.name(), child(at, "name"), "name", "e.g. \"gpt-4.1-mini\"") && !Names.isModelName(m.name())) {
      add(child(at, "name"), ViolationCode.BAD_MODEL_NAME, "model name \"" + m.name() + "\" is invalid: it must "
          + "start with a letter, end with a letter or digit, use only letters, digits, `_ . - /`, and never put "
          + "two of `_ . -` next to each other");
    }
    base(m.displayName(), m.description(), m.icon(), at);
    if (required(m.modelType(), child(at, "model_type"), "model_type", "\"llm\"")) {
      choice(m.modelType(), MODEL_TYPES, child(at, "model_type"), "model_type");
    }
    if (m.defaultEndpoint() != null && !Names.isHttpUrl(m.defaultEndpoint())) {
      add(child(at, "default_endpoint"), ViolationCode.BAD_URL,
          "default_endpoint \"" + m.defaultEndpoint() + "\" is not an http(s) URL");
    }
    choices(m.inputModalities(), INPUT_MODALITIES, child(at, "input_modalities"), "input_modalities");
    choices(m.outputModalities(), OUTPUT_MODALITIES, child(at, "output_modalities"), "output_modalities");
    choices(m.unsupportedParameters(), UNSUPPORTED_PARAMETERS, child(at, "unsupported_parameters"),
        "unsupported_parameters");
    ModelDefinition.OverrideParameters o = m.overrideParameters();
    if (o != null && o.verbosity() != null && o.verbosity().defaultValue() != null) {
      choice(o.verbosity().defaultValue(), VERBOSITY, child(child(child(at, "override_parameters"), "verbosity"), "default"),
          "verbosity default");
    }
    if (o != null) {
      bounds(o.temperature(), child(child(at, "override_parameters"), "temperature"));
      bounds(o.frequencyPenalty(), child(child(at, "override_parameters"), "frequency_penalty"));
    }
  }

  private void bounds(ModelDefinition.Bounds b, String at) {
    if (b != null) {
      minMax(b.minimum(), b.maximum(), at, "minimum", "maximum");
    }
  }

  private void base(I18nText displayName, I18nText description, String icon, String at) {
    i18n(displayName, child(at, "display_name"), true);
    i18n(description, child(at, "description"), true);
    required(icon, child(at, "icon"), "icon", "an emoji, a URL or a platform symbol");
  }

  // ---- properties

  private void properties(List<Property> list, String at, Position position) {
    if (list == null) {
      add(at, ViolationCode.MISSING_MEMBER, "`" + last(at) + "` is required (it may be empty: [])");
      return;
    }
    unique(list, Property::name, at, "property");
    for (int i = 0; i < list.size(); i++) {
      property(list.get(i), child(at, i), position, list);
    }
  }

  private void property(Property p, String at, Position position, List<Property> siblings) {
    if (p instanceof DiscriminatedUnionProperty u) {
      union(u, at, position);
      return;
    }
    if (position == Position.CREDENTIAL_PARAMETERS && !Property.SCALAR_TYPES.contains(p.type())) {
      add(child(at, "type"), ViolationCode.CREDENTIAL_PARAMETER_NOT_SCALAR, "credential parameter `" + p.name()
          + "` has type " + p.type() + "; credential parameters are string, number, integer, boolean or "
          + "encrypted_string");
    }
    if (position == Position.UNION_VARIANT && !(p instanceof ObjectProperty)) {
      add(child(at, "type"), ViolationCode.UNION_VARIANTS,
          "every variant of a discriminated_union is an object property, not " + p.type());
    }
    common(p, at, siblings);
    if (p instanceof StringProperty s) {
      scalarValues(s.constant(), s.defaultValue(), s.enumValues(), at, "string", false);
      count(s.maxLength(), child(at, "max_length"));
      count(s.minLength(), child(at, "min_length"));
      minMax(s.minLength(), s.maxLength(), at, "min_length", "max_length");
    } else if (p instanceof NumberProperty n) {
      scalarValues(n.constant(), n.defaultValue(), n.enumValues(), at, "number", n.integer());
      minMax(n.minimum(), n.maximum(), at, "minimum", "maximum");
    } else if (p instanceof BooleanProperty b) {
      scalarValues(b.constant(), b.defaultValue(), b.enumValues(), at, "boolean", false);
    } else if (p instanceof EncryptedStringProperty e) {
      noValues(e.constant(), e.defaultValue(), e.enumValues(), at, "encrypted_string",
          "secrets are entered by the user, never declared");
    } else if (p instanceof CredentialIdProperty c) {
      noValues(c.constant(), c.defaultValue(), c.enumValues(), at, "credential_id",
          "the user picks a stored credential instance");
      credentialName(c.credentialName(), child(at, "credential_name"));
    } else if (p instanceof ArrayProperty a) {
      compoundValues(a.constant(), a.defaultValue(), a.enumValues(), at, "array");
      if (a.items() == null) {
        add(at, ViolationCode.MISSING_MEMBER, "array property `" + p.name() + "` needs `items`");
      } else {
        property(a.items(), child(at, "items"), Position.ARRAY_ITEMS, List.of());
      }
      count(a.maxItems(), child(at, "max_items"));
      count(a.minItems(), child(at, "min_items"));
      minMax(a.minItems(), a.maxItems(), at, "min_items", "max_items");
    } else if (p instanceof ObjectProperty o) {
      compoundValues(o.constant(), o.defaultValue(), o.enumValues(), at, "object");
      if (o.properties() == null) {
        add(at, ViolationCode.MISSING_MEMBER, "object property `" + p.name() + "` needs `properties` (may be [])");
      } else {
        properties(o.properties(), child(at, "properties"), Position.OBJECT_PROPERTIES);
        if (o.constant() != null && !o.properties().isEmpty()) {
          add(child(at, "constant"), ViolationCode.CONSTANT_WITH_PROPERTIES, "object property `" + p.name()
              + "` has a constant, so its `properties` must be empty; remove one of them");
        }
      }
      if (o.additionalProperties() != null) {
        property(o.additionalProperties(), child(at, "additional_properties"), Position.ADDITIONAL_PROPERTIES,
            List.of());
      }
    } else if (p instanceof ResourceLocatorProperty r) {
      locator(r, at);
    } else if (p instanceof ResourceMapperProperty r) {
      if (r.mappingMethod() == null || r.mappingMethod().isEmpty()) {
        add(child(at, "mapping_method"), r.mappingMethod() == null ? ViolationCode.MISSING_MEMBER
            : ViolationCode.EMPTY_VALUE, "resource_mapper `" + p.name() + "` needs a non-empty `mapping_method`");
      }
      if (r.defaultValue() != null && r.defaultValue().mappingMode() != null) {
        choice(r.defaultValue().mappingMode(), Set.of("manual", "auto"), child(child(at, "default"), "mapping_mode"),
            "mapping_mode");
      }
    }
  }

  private void common(Property p, String at, List<Property> siblings) {
    PropertyCommon c = p.common();
    if (c.name() == null) {
      add(at, ViolationCode.MISSING_MEMBER, "a " + p.type() + " property needs a `name`");
    } else if (!Names.isStrictName(c.name())) {
      add(child(at, "name"), ViolationCode.BAD_PROPERTY_NAME, "property name \"" + c.name() + "\" is invalid: "
          + Names.whyNotStrictName(c.name()) + " (e.g. \"" + suggestStrict(c.name()) + "\")");
    }
    i18n(c.displayName(), child(at, "display_name"), false);
    if (c.ai() != null) {
      i18n(c.ai().llmDescription(), child(child(at, "ai"), "llm_description"), false);
    }
    if (c.decoder() != null) {
      choice(c.decoder(), DECODERS, child(at, "decoder"), "decoder");
    }
    if (c.ui() != null) {
      ui(c.ui(), child(at, "ui"), COMPONENTS.get(p.type()), p.type());
    }
    if (c.dependsOn() != null) {
      dependsOn(c.dependsOn(), child(at, "depends_on"), siblings);
    }
    if (c.display() != null) {
      safeNumbers(c.display().hide(), child(child(at, "display"), "hide"));
      safeNumbers(c.display().show(), child(child(at, "display"), "show"));
    }
  }

  private void dependsOn(List<String> names, String at, List<Property> siblings) {
    Map<String, String> types = new HashMap<>();
    for (Property s : siblings) {
      if (s.name() != null) {
        types.put(s.name(), s.type());
      }
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      String entryAt = child(at, i);
      if (!Names.isStrictName(n)) {
        add(entryAt, ViolationCode.BAD_PROPERTY_NAME, "depends_on entry \"" + n + "\" is not a property name: "
            + Names.whyNotStrictName(n));
      } else if (!siblings.isEmpty() && !types.containsKey(n)) {
        String hint = Names.closest(n, types.keySet());
        add(entryAt, ViolationCode.BAD_DEPENDS_ON, "depends_on names \"" + n + "\", but no sibling property has "
            + "that name" + (hint == null ? "" : "; did you mean \"" + hint + "\"?"));
      } else if (types.containsKey(n) && !DEPENDABLE.contains(types.get(n))) {
        add(entryAt, ViolationCode.BAD_DEPENDS_ON, "depends_on names \"" + n + "\" of type " + types.get(n)
            + "; only string, number, integer, boolean and resource_locator siblings can be depended on");
      }
    }
  }

  private void locator(ResourceLocatorProperty r, String at) {
    if (r.modes() == null) {
      add(at, ViolationCode.MISSING_MEMBER, "resource_locator `" + r.name() + "` needs `modes`");
      return;
    }
    for (int i = 0; i < r.modes().size(); i++) {
      LocatorMode m = r.modes().get(i);
      String mAt = child(child(at, "modes"), i);
      if (m.type() == null) {
        add(mAt, ViolationCode.MISSING_MEMBER, "a locator mode needs a `type`: list, url or id");
        continue;
      }
      if (!choice(m.type(), MODE_TYPES, child(mAt, "type"), "mode type")) {
        continue;
      }
      i18n(m.displayName(), child(mAt, "display_name"), false);
      i18n(m.placeholder(), child(mAt, "placeholder"), false);
      if (m.type().equals("list")) {
        if (m.searchListMethod() == null) {
          add(mAt, ViolationCode.MISSING_MEMBER, "a list mode needs `search_list_method`");
        } else if (!Names.isStrictName(m.searchListMethod())) {
          add(child(mAt, "search_list_method"), ViolationCode.BAD_PROPERTY_NAME, "search_list_method \""
              + m.searchListMethod() + "\" is invalid: " + Names.whyNotStrictName(m.searchListMethod()));
        }
      } else if (m.type().equals("url") && (m.extractRegex() == null || m.extractRegex().isEmpty())) {
        add(child(mAt, "extract_value"), ViolationCode.EMPTY_VALUE,
            "a url mode needs `extract_value` with a non-empty `regex`");
      }
    }
    if (r.defaultValue() != null && r.defaultValue().modeName() != null) {
      choice(r.defaultValue().modeName(), MODE_TYPES, child(child(at, "default"), "mode_name"), "mode_name");
    }
  }

  private void union(DiscriminatedUnionProperty u, String at, Position position) {
    if (position != Position.ARRAY_ITEMS && position != Position.ADDITIONAL_PROPERTIES) {
      add(child(at, "type"), ViolationCode.UNION_POSITION, "a discriminated_union cannot stand in "
          + position.words + "; wrap it: use it as the `items` of an array or the `additional_properties` of an "
          + "object");
    }
    if (u.discriminator() == null || u.discriminator().isEmpty()) {
      add(child(at, "discriminator"), u.discriminator() == null ? ViolationCode.MISSING_MEMBER
          : ViolationCode.EMPTY_VALUE, "a discriminated_union needs a non-empty `discriminator`");
    }
    if (u.discriminatorUi() != null) {
      ui(u.discriminatorUi(), child(at, "discriminator_ui"), DISCRIMINATOR_COMPONENTS, "discriminator");
    }
    List<Property> variants = u.anyOf();
    if (variants == null || variants.size() < 2) {
      add(child(at, "any_of"), ViolationCode.UNION_VARIANTS, "a discriminated_union needs at least 2 variants in "
          + "`any_of`, it has " + (variants == null ? 0 : variants.size()));
    }
    if (variants == null) {
      return;
    }
    properties(variants, child(at, "any_of"), Position.UNION_VARIANT);
    if (u.discriminator() == null) {
      return;
    }
    Map<String, Integer> constants = new HashMap<>();
    for (int i = 0; i < variants.size(); i++) {
      if (!(variants.get(i) instanceof ObjectProperty o) || o.properties() == null) {
        continue;
      }
      String vAt = child(child(at, "any_of"), i);
      Property tag = o.properties().stream().filter(p -> u.discriminator().equals(p.name())).findFirst()
          .orElse(null);
      JsonValue constant = constantOf(tag);
      if (tag == null) {
        add(child(vAt, "properties"), ViolationCode.UNION_DISCRIMINATOR, "variant `" + o.name() + "` has no "
            + "property named \"" + u.discriminator() + "\" (the discriminator); add one with a `constant`");
      } else if (!(constant instanceof JsonValue.Text || constant instanceof JsonValue.Num
          || constant instanceof JsonValue.Bool)) {
        add(child(child(vAt, "properties"), o.properties().indexOf(tag)), ViolationCode.UNION_DISCRIMINATOR,
            "discriminator property \"" + u.discriminator() + "\" of variant `" + o.name()
                + "` needs a string, number or boolean `constant`");
      } else {
        String key = constant.kind() + ":" + dev.atomemo4j.model.io.JsJson.compact(constant);
        Integer other = constants.putIfAbsent(key, i);
        if (other != null) {
          add(child(child(child(vAt, "properties"), o.properties().indexOf(tag)), "constant"),
              ViolationCode.UNION_DISCRIMINATOR, "variants " + other + " and " + i + " share the discriminator "
                  + "constant " + dev.atomemo4j.model.io.JsJson.compact(constant) + "; constants must be distinct");
        }
      }
    }
  }

  private static JsonValue constantOf(Property p) {
    if (p instanceof StringProperty s) {
      return s.constant();
    } else if (p instanceof NumberProperty n) {
      return n.constant();
    } else if (p instanceof BooleanProperty b) {
      return b.constant();
    }
    return null;
  }

  private void ui(Ui ui, String at, List<String> allowed, String type) {
    if (allowed != null) {
      if (ui.component() == null) {
        add(at, ViolationCode.BAD_COMPONENT, "the ui of a " + type + " property needs a `component`: one of "
            + String.join(", ", allowed));
      } else if (!allowed.contains(ui.component())) {
        add(child(at, "component"), ViolationCode.BAD_COMPONENT, "component \"" + ui.component() + "\" is not "
            + "allowed for a " + type + " property; use one of " + String.join(", ", allowed));
      }
    }
    i18n(ui.hint(), child(at, "hint"), false);
    i18n(ui.placeholder(), child(at, "placeholder"), false);
    if (ui.width() != null) {
      choice(ui.width(), WIDTHS, child(at, "width"), "width");
    }
    if (ui.indentation() != null) {
      double n = ui.indentation();
      if (n != Math.rint(n) || n < 2 || n > 80 || ((long) n) % 2 != 0) {
        add(child(at, "indentation"), ViolationCode.BAD_CHOICE, "indentation must be an even integer from 2 to "
            + "80, not " + dev.atomemo4j.model.io.JsNumbers.format(n));
      }
    }
    if (ui.language() != null) {
      choice(ui.language(), LANGUAGES, child(at, "language"), "language");
    }
    if (ui.size() != null) {
      choice(ui.size(), SIZES, child(at, "size"), "size");
    }
    if (ui.options() != null) {
      for (int i = 0; i < ui.options().size(); i++) {
        UiOption o = ui.options().get(i);
        String oAt = child(child(at, "options"), i);
        i18n(o.label(), child(oAt, "label"), true);
        if (!(o.value() instanceof JsonValue.Text || o.value() instanceof JsonValue.Num
            || o.value() instanceof JsonValue.Bool)) {
          add(child(oAt, "value"), o.value() == null ? ViolationCode.MISSING_MEMBER : ViolationCode.BAD_VALUE_TYPE,
              "an option's `value` must be a string, number or boolean");
        }
      }
    }
    if (ui.marks() != null) {
      safeNumbers(ui.marks(), child(at, "marks"));
    }
  }

  // ---- values

  private void scalarValues(JsonValue constant, JsonValue dflt, List<JsonValue> enumValues, String at,
      String kind, boolean integer) {
    scalar(constant, child(at, "constant"), kind, integer, "constant");
    scalar(dflt, child(at, "default"), kind, integer, "default");
    inEnum(constant, enumValues, child(at, "constant"), "constant");
    inEnum(dflt, enumValues, child(at, "default"), "default");
    if (enumValues != null) {
      for (int i = 0; i < enumValues.size(); i++) {
        JsonValue v = enumValues.get(i);
        if (v instanceof JsonValue.Obj o && (o.members().containsKey("label") || o.members().containsKey("value"))) {
          add(child(child(at, "enum"), i), ViolationCode.LABEL_IN_ENUM, "enum lists plain " + kind + " values, "
              + "not {label, value} objects; put the plain value in `enum` and the label in `ui.options`");
        } else {
          scalar(v, child(child(at, "enum"), i), kind, integer, "enum value");
        }
      }
    }
  }

  /** A default or constant the property's own {@code enum} rejects could never be submitted. */
  private void inEnum(JsonValue v, List<JsonValue> enumValues, String at, String what) {
    if (v == null || enumValues == null || enumValues.isEmpty()) {
      return;
    }
    String text = dev.atomemo4j.model.io.JsJson.compact(v);
    List<String> allowed = enumValues.stream().map(dev.atomemo4j.model.io.JsJson::compact).toList();
    if (!allowed.contains(text)) {
      String hint = v instanceof JsonValue.Text t ? Names.closest(t.value(), enumValues.stream()
          .filter(e -> e instanceof JsonValue.Text).map(e -> ((JsonValue.Text) e).value()).toList()) : null;
      add(at, ViolationCode.NOT_IN_ENUM, what + " " + text + " is not one of the `enum` values "
          + String.join(", ", allowed) + (hint == null ? "" : "; did you mean \"" + hint + "\"?"));
    }
  }

  private void scalar(JsonValue v, String at, String kind, boolean integer, String what) {
    if (v == null) {
      return;
    }
    boolean ok = switch (kind) {
      case "string" -> v instanceof JsonValue.Text;
      case "number" -> v instanceof JsonValue.Num;
      default -> v instanceof JsonValue.Bool;
    };
    String expected = integer ? "integer" : kind;
    if (!ok) {
      add(at, ViolationCode.BAD_VALUE_TYPE, what + " " + dev.atomemo4j.model.io.JsJson.compact(v) + " is a "
          + v.kind() + ", but the property is of type " + expected);
    } else if (v instanceof JsonValue.Num n) {
      if (integer && !n.isIntegral()) {
        add(at, ViolationCode.NOT_INTEGRAL, what + " " + n.value().toPlainString() + " has a fraction, but the "
            + "property is of type integer");
      }
      safeNumbers(v, at);
    }
  }

  private void compoundValues(JsonValue constant, JsonValue dflt, List<JsonValue> enumValues, String at,
      String kind) {
    compound(constant, child(at, "constant"), kind, "constant");
    compound(dflt, child(at, "default"), kind, "default");
    inEnum(constant, enumValues, child(at, "constant"), "constant");
    inEnum(dflt, enumValues, child(at, "default"), "default");
    if (enumValues != null) {
      for (int i = 0; i < enumValues.size(); i++) {
        compound(enumValues.get(i), child(child(at, "enum"), i), kind, "enum value");
      }
    }
  }

  private void compound(JsonValue v, String at, String kind, String what) {
    if (v == null) {
      return;
    }
    boolean ok = kind.equals("array") ? v instanceof JsonValue.Array : v instanceof JsonValue.Obj;
    if (!ok) {
      add(at, ViolationCode.BAD_VALUE_TYPE, what + " must be a JSON " + kind + " for an " + kind
          + " property, not a " + v.kind());
    }
    safeNumbers(v, at);
  }

  private void noValues(JsonValue constant, JsonValue dflt, List<JsonValue> enumValues, String at, String type,
      String why) {
    if (constant != null) {
      add(child(at, "constant"), ViolationCode.VALUE_NOT_ALLOWED, type + " takes no constant: " + why);
    }
    if (dflt != null) {
      add(child(at, "default"), ViolationCode.VALUE_NOT_ALLOWED, type + " takes no default: " + why);
    }
    if (enumValues != null) {
      add(child(at, "enum"), ViolationCode.VALUE_NOT_ALLOWED, type + " takes no enum: " + why);
    }
  }

  /** Integers beyond ±2^53 cannot survive a JavaScript reader. */
  private void safeNumbers(JsonValue v, String at) {
    if (v instanceof JsonValue.Num n) {
      if (n.isIntegral() && n.value().abs().compareTo(MAX_SAFE) > 0) {
        add(at, ViolationCode.UNSAFE_NUMBER, n.value().toPlainString() + " is beyond ±2^53 and would change "
            + "when JavaScript reads it; use a string or a smaller number");
      } else if (Double.isInfinite(n.doubleValue())) {
        add(at, ViolationCode.UNSAFE_NUMBER, "number is too large to be a double");
      }
    } else if (v instanceof JsonValue.Array a) {
      for (int i = 0; i < a.items().size(); i++) {
        safeNumbers(a.items().get(i), child(at, i));
      }
    } else if (v instanceof JsonValue.Obj o) {
      o.members().forEach((k, x) -> safeNumbers(x, child(at, k)));
    }
  }

  private void count(Double n, String at) {
    if (n != null && (n != Math.rint(n) || n < 0)) {
      add(at, ViolationCode.NOT_INTEGRAL, last(at) + " is a count and must be a whole number ≥ 0, not "
          + dev.atomemo4j.model.io.JsNumbers.format(n));
    }
  }

  private void minMax(Double min, Double max, String at, String minName, String maxName) {
    for (Double d : new Double[] {min, max}) {
      if (d != null && !Double.isFinite(d)) {
        add(at, ViolationCode.UNSAFE_NUMBER, "bounds must be finite numbers");
        return;
      }
    }
    if (min != null && max != null && min > max) {
      add(child(at, minName), ViolationCode.MIN_GREATER_THAN_MAX, minName + " ("
          + dev.atomemo4j.model.io.JsNumbers.format(min) + ") is greater than " + maxName + " ("
          + dev.atomemo4j.model.io.JsNumbers.format(max) + "); swap them or fix one");
    }
  }

  private void credentialName(String name, String at) {
    if (name == null || name.isEmpty()) {
      add(at, name == null ? ViolationCode.MISSING_MEMBER : ViolationCode.EMPTY_VALUE,
          "a credential_id property needs a non-empty `credential_name`");
      return;
    }
    if (!credentialNames.contains(name)) {
      String hint = Names.closest(name, credentialNames);
      add(at, ViolationCode.UNKNOWN_CREDENTIAL, "credential_name \"" + name + "\" does not name a credential of "
          + "this plugin" + (hint != null ? "; did you mean \"" + hint + "\"?"
              : credentialNames.isEmpty() ? "; the plugin declares no credentials"
                  : "; declared: " + String.join(", ", credentialNames)));
    }
  }

  // ---- shared checks

  private void featureName(String name, String at, String what) {
    if (name == null) {
      add(at, ViolationCode.MISSING_MEMBER, "a " + what + " needs a `name`");
    } else if (!Names.isFeatureName(name)) {
      add(at, ViolationCode.BAD_NAME, what + " name \"" + name + "\" is invalid: " + Names.whyNotFeatureName(name)
          + " (letters, digits, single `_` or `-`, 5–65 characters, starting with a letter; e.g. \""
          + suggestFeature(name) + "\")");
    }
  }

  private void i18n(I18nText text, String at, boolean requiredMember) {
    if (text == null) {
      if (requiredMember) {
        add(at, ViolationCode.MISSING_MEMBER, "`" + last(at) + "` is required: {\"en_US\": \"…\"}");
      }
      return;
    }
    if (text.english() == null) {
      add(at, ViolationCode.MISSING_EN_US, "localized text needs an \"en_US\" entry"
          + (text.entries().isEmpty() ? "" : " (it has " + String.join(", ", text.entries().keySet()) + ")"));
    }
    for (String key : text.entries().keySet()) {
      if (!Names.LOCALE_KEY.matcher(key).matches()) {
        add(child(at, key), ViolationCode.BAD_LOCALE_KEY, "locale key \"" + key + "\" is invalid; use language_"
            + "Region with an underscore, e.g. en_US, zh_Hans, ja_JP");
      }
    }
  }

  private boolean required(String value, String at, String member, String example) {
    if (value == null) {
      add(at, ViolationCode.MISSING_MEMBER, "`" + member + "` is required: " + example);
      return false;
    }
    return true;
  }

  private boolean choice(String value, Set<String> allowed, String at, String what) {
    if (!allowed.contains(value)) {
      add(at, ViolationCode.BAD_CHOICE, what + " \"" + value + "\" is not one of " + String.join(", ",
          allowed.stream().sorted().toList()));
      return false;
    }
    return true;
  }

  private void choices(List<String> values, Set<String> allowed, String at, String what) {
    if (values == null) {
      add(at, ViolationCode.MISSING_MEMBER, "`" + what + "` is required (it may be [])");
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      choice(values.get(i), allowed, child(at, i), what + " entry");
    }
  }

  private <T> void unique(List<T> items, Function<T, String> name, String at, String what) {
    Map<String, Integer> seen = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String n = name.apply(items.get(i));
      if (n == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(n, i);
      if (first != null && reported.add(n + "@" + i)) {
        add(child(child(at, i), "name"), ViolationCode.DUPLICATE_NAME, what + " name \"" + n + "\" is used "
            + "again (first at " + child(at, first) + "); names must be unique");
      }
    }
  }

  private static String last(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  /** A feature name close to {@code name} that satisfies the rule, for the hint. */
  static String suggestFeature(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("[_-]{2,}", "-").replaceAll("^[^A-Za-z]+", "")
        .replaceAll("[_-]+$", "");
    if (s.length() > 65) {
      s = s.substring(0, 65).replaceAll("[_-]+$", "");
    }
    if (s.isEmpty()) {
      return "my-feature";
    }
    return s.length() < 5 ? s + "-name" : s;
  }

  private static String suggestStrict(String name) {
    String s = name.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+", "_").replaceAll("^[^A-Za-z]+|_+$", "");
    return s.isEmpty() ? "my_field" : s;
  }
}
