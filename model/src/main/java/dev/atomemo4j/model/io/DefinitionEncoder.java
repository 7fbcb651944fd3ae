package dev.atomemo4j.model.io;

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
import dev.atomemo4j.model.property.FileRefProperty;
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
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.model.value.ResourceLocator;
import dev.atomemo4j.model.value.ResourceMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the model into the JSON tree the official SDK would serialize: members in the schema's declaration order,
 * absent members omitted, members that do not belong to an object's type or UI component dropped.
 */
public final class DefinitionEncoder {
  private DefinitionEncoder() {}

  public static JsonValue.Obj encode(PluginDefinition p) {
    return new Members()
        .put("name", text(p.name()))
        .put("display_name", i18n(p.displayName()))
        .put("description", i18n(p.description()))
        .put("icon", text(p.icon()))
        .put("lang", text(p.lang()))
        .put("repo", text(p.repo()))
        .put("locales", strings(p.locales()))
        .put("author", text(p.author()))
        .put("email", text(p.email()))
        .put("version", text(p.version()))
        .put("credentials", list(p.credentials(), DefinitionEncoder::credential))
        .put("models", list(p.models(), DefinitionEncoder::model))
        .put("tools", list(p.tools(), DefinitionEncoder::tool))
        .build();
  }

  static JsonValue credential(CredentialDefinition c) {
    return new Members()
        .put("name", text(c.name()))
        .put("display_name", i18n(c.displayName()))
        .put("description", i18n(c.description()))
        .put("icon", text(c.icon()))
        .put("oauth2", bool(c.oauth2()))
        .put("oauth2_grant_type", text(c.oauth2GrantType()))
        .put("parameters", list(c.parameters(), DefinitionEncoder::property))
        .build();
  }

  static JsonValue tool(ToolDefinition t) {
    return new Members()
        .put("name", text(t.name()))
        .put("display_name", i18n(t.displayName()))
        .put("description", i18n(t.description()))
        .put("icon", text(t.icon()))
        .put("parameters", list(t.parameters(), DefinitionEncoder::property))
        .put("skill", text(t.skill()))
        .build();
  }

  static JsonValue model(ModelDefinition m) {
    return new Members()
        .put("name", text(m.name()))
        .put("display_name", i18n(m.displayName()))
        .put("description", i18n(m.description()))
        .put("icon", text(m.icon()))
        .put("model_type", text(m.modelType()))
        .put("default_endpoint", text(m.defaultEndpoint()))
        .put("input_modalities", strings(m.inputModalities()))
        .put("output_modalities", strings(m.outputModalities()))
        .put("pricing", pricing(m.pricing()))
        .put("override_parameters", overrides(m.overrideParameters()))
        .put("unsupported_parameters", strings(m.unsupportedParameters()))
        .build();
  }

  private static JsonValue pricing(ModelDefinition.Pricing p) {
    if (p == null) {
      return null;
    }
    return new Members()
        .put("currency", text(p.currency()))
        .put("input", number(p.input()))
        .put("input_cache_read", number(p.inputCacheRead()))
        .put("input_cache_write", number(p.inputCacheWrite()))
        .put("output", number(p.output()))
        .put("request", number(p.request()))
        .build();
  }

  private static JsonValue overrides(ModelDefinition.OverrideParameters o) {
    if (o == null) {
      return null;
    }
    return new Members()
        .put("temperature", bounds(o.temperature(), true))
        .put("frequency_penalty", bounds(o.frequencyPenalty(), true))
        .put("max_tokens", bounds(o.maxTokens(), false))
        .put("verbosity", o.verbosity() == null ? null
            : new Members().put("default", text(o.verbosity().defaultValue())).build())
        .build();
  }

  private static JsonValue bounds(ModelDefinition.Bounds b, boolean withMinimum) {
    if (b == null) {
      return null;
    }
    Members m = new Members().put("default", number(b.defaultValue())).put("maximum", number(b.maximum()));
    if (withMinimum) {
      m.put("minimum", number(b.minimum()));
    }
    return m.build();
  }

  /** A property, in the member order of its type. */
  public static JsonValue property(Property p) {
    if (p instanceof DiscriminatedUnionProperty u) {
      return new Members()
          .put("type", text(u.type()))
          .put("any_of", list(u.anyOf(), DefinitionEncoder::property))
          .put("discriminator", text(u.discriminator()))
          .put("discriminator_ui", ui(u.discriminatorUi(), true))
          .build();
    }
    Members m = common(p.common(), hasComponent(p));
    m.put("type", text(p.type()));
    if (p instanceof StringProperty s) {
      m.put("constant", s.constant()).put("default", s.defaultValue()).put("enum", values(s.enumValues()))
          .put("max_length", number(s.maxLength())).put("min_length", number(s.minLength()));
    } else if (p instanceof NumberProperty n) {
      m.put("constant", n.constant()).put("default", n.defaultValue()).put("enum", values(n.enumValues()))
          .put("maximum", number(n.maximum())).put("minimum", number(n.minimum()));
    } else if (p instanceof BooleanProperty b) {
      m.put("constant", b.constant()).put("default", b.defaultValue()).put("enum", values(b.enumValues()));
    } else if (p instanceof EncryptedStringProperty e) {
      m.put("constant", e.constant()).put("default", e.defaultValue()).put("enum", values(e.enumValues()));
    } else if (p instanceof CredentialIdProperty c) {
      m.put("credential_name", text(c.credentialName()))
          .put("constant", c.constant()).put("default", c.defaultValue()).put("enum", values(c.enumValues()));
    } else if (p instanceof ArrayProperty a) {
      m.put("constant", a.constant()).put("default", a.defaultValue()).put("enum", values(a.enumValues()))
          .put("items", a.items() == null ? null : property(a.items()))
          .put("max_items", number(a.maxItems())).put("min_items", number(a.minItems()));
    } else if (p instanceof ObjectProperty o) {
      m.put("properties", list(o.properties(), DefinitionEncoder::property))
          .put("additional_properties", o.additionalProperties() == null ? null : property(o.additionalProperties()))
          .put("constant", o.constant()).put("default", o.defaultValue()).put("enum", values(o.enumValues()));
    } else if (p instanceof ResourceLocatorProperty r) {
      m.put("default", locatorValue(r.defaultValue())).put("modes", list(r.modes(), DefinitionEncoder::mode));
    } else if (p instanceof ResourceMapperProperty r) {
      m.put("mapping_method", text(r.mappingMethod())).put("default", mapperValue(r.defaultValue()));
    } else if (!(p instanceof FileRefProperty)) {
      throw new IllegalArgumentException("unknown property type " + p.getClass());
    }
    return m.build();
  }

  /** file_ref, resource_locator and resource_mapper take only the common UI props. */
  private static boolean hasComponent(Property p) {
    return !(p instanceof FileRefProperty
        || p instanceof ResourceLocatorProperty
        || p instanceof ResourceMapperProperty);
  }

  private static Members common(PropertyCommon c, boolean withComponent) {
    Members m = new Members();
    if (c == null) {
      return m;
    }
    return m.put("name", text(c.name()))
        .put("display_name", i18n(c.displayName()))
        .put("required", bool(c.required()))
        .put("display", c.display() == null ? null
            : new Members().put("hide", c.display().hide()).put("show", c.display().show()).build())
        .put("ai", c.ai() == null ? null
            : new Members().put("llm_description", i18n(c.ai().llmDescription())).build())
        .put("ui", ui(c.ui(), withComponent))
        .put("depends_on", strings(c.dependsOn()))
        .put("decoder", text(c.decoder()));
  }

  private static JsonValue mode(LocatorMode mode) {
    Members m = new Members()
        .put("type", text(mode.type()))
        .put("display_name", i18n(mode.displayName()))
        .put("placeholder", i18n(mode.placeholder()));
    if ("list".equals(mode.type())) {
      m.put("search_list_method", text(mode.searchListMethod())).put("searchable", bool(mode.searchable()));
    } else if ("url".equals(mode.type())) {
      m.put("extract_value", mode.extractRegex() == null ? null
          : new Members().put("type", text("regex")).put("regex", text(mode.extractRegex())).build());
    }
    return m.build();
  }

  /** A UI object: the common props, then the component's own props in the schema's order. */
  static JsonValue ui(Ui ui, boolean withComponent) {
    if (ui == null) {
      return null;
    }
    Members m = new Members()
        .put("disabled", bool(ui.disabled()))
        .put("hint", i18n(ui.hint()))
        .put("placeholder", i18n(ui.placeholder()))
        .put("readonly", bool(ui.readonly()))
        .put("sensitive", bool(ui.sensitive()))
        .put("support_expression", bool(ui.supportExpression()))
        .put("width", text(ui.width()))
        .put("indentation", number(ui.indentation()))
        .put("display_none", bool(ui.displayNone()));
    String component = withComponent ? ui.component() : null;
    if (component == null) {
      return m.build();
    }
    JsonValue c = text(component);
    switch (component) {
      case "textarea" -> m.put("component", c)
          .put("max_height", number(ui.maxHeight())).put("min_height", number(ui.minHeight()));
      case "number-input" -> m.put("component", c)
          .put("step", number(ui.step())).put("suffix", text(ui.suffix()));
      case "code-editor" -> m.put("component", c)
          .put("language", text(ui.language()))
          .put("line_numbers", bool(ui.lineNumbers())).put("line_wrapping", bool(ui.lineWrapping()))
          .put("max_height", number(ui.maxHeight())).put("min_height", number(ui.minHeight()))
          .put("rows", number(ui.rows()));
      case "select", "radio-group", "multi-select" -> m.put("clearable", bool(ui.clearable()))
          .put("options", list(ui.options(), DefinitionEncoder::option))
          .put("searchable", bool(ui.searchable()))
          .put("component", c);
      case "slider" -> m.put("component", c)
          .put("marks", ui.marks()).put("show_value", bool(ui.showValue())).put("step", number(ui.step()));
      case "key-value-editor" -> m.put("add_button_label", i18n(ui.addButtonLabel()))
          .put("component", c)
          .put("empty_description", i18n(ui.emptyDescription()))
          .put("section_header", i18n(ui.sectionHeader()));
      case "emoji-picker" -> m.put("component", c).put("size", text(ui.size()));
      case "credential-select" -> m.put("clearable", bool(ui.clearable()))
          .put("component", c)
          .put("searchable", bool(ui.searchable()));
      case "array-section" -> m.put("add_label", i18n(ui.addLabel()))
          .put("collapsible", bool(ui.collapsible()))
          .put("component", c)
          .put("empty_message", i18n(ui.emptyMessage()))
          .put("remove_tooltip", i18n(ui.removeTooltip()))
          .put("sortable", bool(ui.sortable()));
      case "collapsible-panel" -> m.put("collapsible", bool(ui.collapsible()))
          .put("component", c)
          .put("default_collapsed", bool(ui.defaultCollapsed()))
          .put("panel_title", i18n(ui.panelTitle()))
          .put("remove_tooltip", i18n(ui.removeTooltip()))
          .put("sortable", bool(ui.sortable()));
      default -> m.put("component", c); // components without props of their own, and unknown ones
    }
    return m.build();
  }

  private static JsonValue option(UiOption o) {
    return new Members()
        .put("icon", text(o.icon()))
        .put("label", i18n(o.label()))
        .put("value", o.value())
        .build();
  }

  /** The nine members of a file_ref, always all present, as the runtime must emit them. */
  public static JsonValue fileRef(FileRef f) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("__type__", JsonValue.of(FileRef.TYPE));
    m.put("source", orNull(text(f.source())));
    m.put("filename", orNull(text(f.filename())));
    m.put("extension", orNull(text(f.extension())));
    m.put("mime_type", orNull(text(f.mimeType())));
    m.put("size", f.size() == null ? JsonValue.NULL : JsonValue.of(f.size()));
    m.put("res_key", orNull(text(f.resKey())));
    m.put("remote_url", orNull(text(f.remoteUrl())));
    m.put("content", orNull(text(f.content())));
    return new JsonValue.Obj(m);
  }

  static JsonValue locatorValue(ResourceLocator v) {
    if (v == null) {
      return null;
    }
    return new Members()
        .put("__type__", JsonValue.of(ResourceLocator.TYPE))
        .put("mode_name", text(v.modeName()))
        .put("value", v.value() == null ? JsonValue.NULL : JsonValue.of(v.value()))
        .put("cached_result_label", text(v.cachedResultLabel()))
        .put("cached_result_url", text(v.cachedResultUrl()))
        .build();
  }

  static JsonValue mapperValue(ResourceMapper v) {
    if (v == null) {
      return null;
    }
    return new Members()
        .put("__type__", JsonValue.of(ResourceMapper.TYPE))
        .put("mapping_mode", text(v.mappingMode()))
        .put("value", v.value() == null ? JsonValue.NULL : v.value())
        .build();
  }

  private static JsonValue orNull(JsonValue v) {
    return v == null ? JsonValue.NULL : v;
  }

  private static JsonValue text(String s) {
    return s == null ? null : JsonValue.of(s);
  }

  private static JsonValue bool(Boolean b) {
    return b == null ? null : JsonValue.of(b);
  }

  private static JsonValue number(Double d) {
    if (d == null) {
      return null;
    }
    // JSON.stringify writes NaN and the infinities as null; the validator reports them before anyone writes.
    return Double.isFinite(d) ? JsonValue.of(d) : JsonValue.NULL;
  }

  private static JsonValue i18n(I18nText t) {
    if (t == null) {
      return null;
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    t.entries().forEach((k, v) -> m.put(k, v == null ? JsonValue.NULL : JsonValue.of(v)));
    return new JsonValue.Obj(m);
  }

  private static JsonValue strings(List<String> list) {
    if (list == null) {
      return null;
    }
    List<JsonValue> items = new ArrayList<>(list.size());
    for (String s : list) {
      items.add(s == null ? JsonValue.NULL : JsonValue.of(s));
    }
    return new JsonValue.Array(items);
  }

  private static JsonValue values(List<JsonValue> list) {
    return list == null ? null : new JsonValue.Array(list);
  }

  private static <T> JsonValue list(List<T> list, Function<T, JsonValue> encode) {
    if (list == null) {
      return null;
    }
    List<JsonValue> items = new ArrayList<>(list.size());
    for (T t : list) {
      items.add(encode.apply(t));
    }
    return new JsonValue.Array(items);
  }

  /** An insertion-ordered object that skips absent members. */
  private static final class Members {
    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    Members put(String key, JsonValue value) {
      if (value != null) {
        members.put(key, value);
      }
      return this;
    }

    JsonValue.Obj build() {
      return new JsonValue.Obj(members);
    }
  }
}
