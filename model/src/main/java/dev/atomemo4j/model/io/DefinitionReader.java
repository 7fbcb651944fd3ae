package dev.atomemo4j.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.ModelDefinition;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.ToolDefinition;
import dev.atomemo4j.model.property.Ai;
import dev.atomemo4j.model.property.ArrayProperty;
import dev.atomemo4j.model.property.BooleanProperty;
import dev.atomemo4j.model.property.CredentialIdProperty;
import dev.atomemo4j.model.property.Display;
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
import dev.atomemo4j.model.validate.Violation;
import dev.atomemo4j.model.validate.ViolationCode;
import dev.atomemo4j.model.value.ResourceLocator;
import dev.atomemo4j.model.value.ResourceMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads {@code definition.json} text into the model. It reports only what stops a member from being read (bad JSON,
 * wrong JSON types, unknown property types) and members the format does not define (which the official SDK strips);
 * every rule of the format is the validator's job.
 */
public final class DefinitionReader {

  private final List<Violation> problems = new ArrayList<>();
  private boolean lossless = true;

  private DefinitionReader() {}

  public static ReadResult read(String text) {
    if (text.isBlank()) {
      return new ReadResult(null, List.of(new Violation("", ViolationCode.INVALID_JSON, "the file is empty")), false);
    }
    JsonValue root;
    try {
      root = JsonTrees.parse(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return new ReadResult(null,
          List.of(new Violation("", ViolationCode.INVALID_JSON, "invalid JSON" + where + ": " + e.getOriginalMessage())),
          false);
    }
    return read(root);
  }

  public static ReadResult read(JsonValue root) {
    if (!(root instanceof JsonValue.Obj obj)) {
      return new ReadResult(null, List.of(new Violation("", ViolationCode.NOT_AN_OBJECT,
          "the root is a JSON " + root.kind() + "; a definition is a JSON object")), false);
    }
    DefinitionReader reader = new DefinitionReader();
    PluginDefinition definition = reader.plugin(obj);
    return new ReadResult(definition, reader.problems, reader.lossless, List.copyOf(obj.members().keySet()));
  }

  // ---- features

  private PluginDefinition plugin(JsonValue.Obj o) {
    Members m = new Members(o, "");
    PluginDefinition p = new PluginDefinition(
        m.string("name"), m.i18n("display_name"), m.i18n("description"), m.string("icon"), m.string("lang"),
        m.string("repo"), m.strings("locales"), m.string("author"), m.string("email"), m.string("version"),
        m.list("credentials", this::credential), m.list("models", this::model), m.list("tools", this::tool));
    m.done();
    return p;
  }

  private CredentialDefinition credential(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    CredentialDefinition c = new CredentialDefinition(
        m.string("name"), m.i18n("display_name"), m.i18n("description"), m.string("icon"), m.bool("oauth2"),
        m.string("oauth2_grant_type"), m.list("parameters", this::property));
    m.done();
    return c;
  }

  private ToolDefinition tool(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    ToolDefinition t = new ToolDefinition(
        m.string("name"), m.i18n("display_name"), m.i18n("description"), m.string("icon"),
        m.list("parameters", this::property), m.string("skill"));
    m.done();
    return t;
  }

  private ModelDefinition model(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    ModelDefinition d = new ModelDefinition(
        m.string("name"), m.i18n("display_name"), m.i18n("description"), m.string("icon"), m.string("model_type"),
        m.string("default_endpoint"), m.strings("input_modalities"), m.strings("output_modalities"),
        m.object("pricing", this::pricing), m.object("override_parameters", this::overrides),
        m.strings("unsupported_parameters"));
    m.done();
    return d;
  }

  private ModelDefinition.Pricing pricing(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    ModelDefinition.Pricing p = new ModelDefinition.Pricing(m.string("currency"), m.number("input"),
        m.number("input_cache_read"), m.number("input_cache_write"), m.number("output"), m.number("request"));
    m.done();
    return p;
  }

  private ModelDefinition.OverrideParameters overrides(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    ModelDefinition.OverrideParameters p = new ModelDefinition.OverrideParameters(
        m.object("temperature", (x, a) -> bounds(x, a, true)),
        m.object("frequency_penalty", (x, a) -> bounds(x, a, true)),
        m.object("max_tokens", (x, a) -> bounds(x, a, false)),
        m.object("verbosity", (x, a) -> {
          Members v = new Members(x, a);
          ModelDefinition.Verbosity verbosity = new ModelDefinition.Verbosity(v.string("default"));
          v.done();
          return verbosity;
        }));
    m.done();
    return p;
  }

  private ModelDefinition.Bounds bounds(JsonValue.Obj o, String at, boolean withMinimum) {
    Members m = new Members(o, at);
    ModelDefinition.Bounds b = new ModelDefinition.Bounds(m.number("default"), m.number("maximum"),
        withMinimum ? m.number("minimum") : null);
    m.done();
    return b;
  }

  // ---- properties

  /** A property, or null (and a problem) when its type is missing or unknown. */
  Property property(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    String type = m.string("type");
    if (type == null) {
      if (!o.members().containsKey("type")) {
        problems.add(new Violation(at, ViolationCode.MISSING_MEMBER, "a property needs a `type`"));
      }
      lossless = false;
      return null;
    }
    if ("discriminated_union".equals(type)) {
      // A union has no base members; a `name` on it is dropped by the official schema.
      DiscriminatedUnionProperty u = new DiscriminatedUnionProperty(m.list("any_of", this::property),
          m.string("discriminator"), m.object("discriminator_ui", this::ui));
      m.ignore("name");
      m.done();
      return u;
    }
    PropertyCommon common = new PropertyCommon(m.string("name"), m.i18n("display_name"), m.bool("required"),
        m.object("display", this::display), m.object("ai", this::ai), m.object("ui", this::ui),
        m.strings("depends_on"), m.string("decoder"));
    Property p = switch (type) {
      case "string" -> new StringProperty(common, m.value("constant"), m.value("default"), m.values("enum"),
          m.number("max_length"), m.number("min_length"));
      case "number", "integer" -> new NumberProperty(common, type.equals("integer"), m.value("constant"),
          m.value("default"), m.values("enum"), m.number("maximum"), m.number("minimum"));
      case "boolean" -> new BooleanProperty(common, m.value("constant"), m.value("default"), m.values("enum"));
      case "encrypted_string" -> new EncryptedStringProperty(common, m.value("constant"), m.value("default"),
          m.values("enum"));
      case "credential_id" -> new CredentialIdProperty(common, m.string("credential_name"), m.value("constant"),
          m.value("default"), m.values("enum"));
      case "file_ref" -> new FileRefProperty(common);
      case "array" -> new ArrayProperty(common, m.value("constant"), m.value("default"), m.values("enum"),
          m.object("items", this::property), m.number("max_items"), m.number("min_items"));
      case "object" -> new ObjectProperty(common, m.list("properties", this::property),
          m.object("additional_properties", this::property), m.value("constant"), m.value("default"),
          m.values("enum"));
      case "resource_locator" -> new ResourceLocatorProperty(common, m.object("default", this::locatorValue),
          m.list("modes", this::mode));
      case "resource_mapper" -> new ResourceMapperProperty(common, m.string("mapping_method"),
          m.object("default", this::mapperValue));
      default -> null;
    };
    if (p == null) {
      problems.add(new Violation(Pointers.child(at, "type"), ViolationCode.UNKNOWN_TYPE,
          "unknown property type \"" + type + "\"; expected one of string, number, integer, boolean, "
              + "encrypted_string, credential_id, file_ref, array, object, resource_locator, resource_mapper, "
              + "discriminated_union"));
      lossless = false;
      return null;
    }
    m.done();
    return p;
  }

  private Display display(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    Display d = new Display(m.value("hide"), m.value("show"));
    m.done();
    return d;
  }

  private Ai ai(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    Ai a = new Ai(m.i18n("llm_description"));
    m.done();
    return a;
  }

  private Ui ui(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    Ui ui = Ui.builder()
        .disabled(m.bool("disabled")).hint(m.i18n("hint")).placeholder(m.i18n("placeholder"))
        .readonly(m.bool("readonly")).sensitive(m.bool("sensitive")).supportExpression(m.bool("support_expression"))
        .width(m.string("width")).indentation(m.number("indentation")).displayNone(m.bool("display_none"))
        .component(m.string("component"))
        .maxHeight(m.number("max_height")).minHeight(m.number("min_height"))
        .step(m.number("step")).suffix(m.string("suffix"))
        .language(m.string("language")).lineNumbers(m.bool("line_numbers")).lineWrapping(m.bool("line_wrapping"))
        .rows(m.number("rows"))
        .clearable(m.bool("clearable")).options(m.list("options", this::option)).searchable(m.bool("searchable"))
        .marks(m.value("marks")).showValue(m.bool("show_value"))
        .addButtonLabel(m.i18n("add_button_label")).emptyDescription(m.i18n("empty_description"))
        .sectionHeader(m.i18n("section_header"))
        .size(m.string("size"))
        .addLabel(m.i18n("add_label")).collapsible(m.bool("collapsible")).emptyMessage(m.i18n("empty_message"))
        .removeTooltip(m.i18n("remove_tooltip")).sortable(m.bool("sortable"))
        .defaultCollapsed(m.bool("default_collapsed")).panelTitle(m.i18n("panel_title"))
        .build();
    m.done();
    return ui;
  }

  private UiOption option(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    UiOption option = new UiOption(m.string("icon"), m.i18n("label"), m.value("value"));
    m.done();
    return option;
  }

  private LocatorMode mode(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    String type = m.string("type");
    String regex = m.object("extract_value", (x, a) -> {
      Members e = new Members(x, a);
      e.string("type");
      String r = e.string("regex");
      e.done();
      return r;
    });
    LocatorMode mode = new LocatorMode(type, m.i18n("display_name"), m.i18n("placeholder"),
        m.string("search_list_method"), m.bool("searchable"), regex);
    m.done();
    return mode;
  }

  private ResourceLocator locatorValue(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    m.string("__type__");
    ResourceLocator v = new ResourceLocator(m.string("mode_name"), m.string("value"),
        m.string("cached_result_label"), m.string("cached_result_url"));
    m.done();
    return v;
  }

  private ResourceMapper mapperValue(JsonValue.Obj o, String at) {
    Members m = new Members(o, at);
    m.string("__type__");
    ResourceMapper v = new ResourceMapper(m.string("mapping_mode"), m.value("value"));
    m.done();
    return v;
  }

  /**
   * Typed access to the members of one object, recording wrong JSON types and, at the end, members nobody read.
   * An explicit {@code null} reads as absent.
   */
  private final class Members {
    private final JsonValue.Obj object;
    private final String at;
    private final Set<String> read = new HashSet<>();

    Members(JsonValue.Obj object, String at) {
      this.object = object;
      this.at = at;
    }

    private JsonValue take(String key) {
      read.add(key);
      JsonValue v = object.get(key);
      return v instanceof JsonValue.Null ? null : v;
    }

    private void wrongType(String key, String expected, JsonValue actual) {
      problems.add(new Violation(Pointers.child(at, key), ViolationCode.WRONG_TYPE,
          "`" + key + "` must be " + expected + ", not a " + actual.kind()));
    }

    void ignore(String key) {
      read.add(key);
    }

    String string(String key) {
      JsonValue v = take(key);
      if (v == null) {
        return null;
      }
      if (v instanceof JsonValue.Text t) {
        return t.value();
      }
      wrongType(key, "a string", v);
      return null;
    }

    Boolean bool(String key) {
      JsonValue v = take(key);
      if (v == null) {
        return null;
      }
      if (v instanceof JsonValue.Bool b) {
        return b.value();
      }
      wrongType(key, "a boolean", v);
      return null;
    }

    Double number(String key) {
      JsonValue v = take(key);
      if (v == null) {
        return null;
      }
      if (v instanceof JsonValue.Num n) {
        return n.doubleValue();
      }
      wrongType(key, "a number", v);
      return null;
    }

    JsonValue value(String key) {
      return take(key);
    }

    List<JsonValue> values(String key) {
      JsonValue v = take(key);
      if (v == null) {
        return null;
      }
      if (v instanceof JsonValue.Array a) {
        return a.items();
      }
      wrongType(key, "an array", v);
      return null;
    }

    List<String> strings(String key) {
      List<JsonValue> items = values(key);
      if (items == null) {
        return null;
      }
      List<String> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof JsonValue.Text t) {
          out.add(t.value());
        } else {
          problems.add(new Violation(Pointers.child(Pointers.child(at, key), i), ViolationCode.WRONG_TYPE,
              "must be a string, not a " + items.get(i).kind()));
        }
      }
      return out;
    }

    I18nText i18n(String key) {
      JsonValue v = take(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof JsonValue.Obj o)) {
        wrongType(key, "an object of locale → text, e.g. {\"en_US\": \"…\"}", v);
        return null;
      }
      Map<String, String> entries = new LinkedHashMap<>();
      o.members().forEach((locale, text) -> {
        if (text instanceof JsonValue.Text t) {
          entries.put(locale, t.value());
        } else {
          problems.add(new Violation(Pointers.child(Pointers.child(at, key), locale), ViolationCode.WRONG_TYPE,
              "localized text must be a string, not a " + text.kind()));
        }
      });
      return new I18nText(entries);
    }

    <T> T object(String key, BiFunction<JsonValue.Obj, String, T> decode) {
      JsonValue v = take(key);
      if (v == null) {
        return null;
      }
      if (v instanceof JsonValue.Obj o) {
        return decode.apply(o, Pointers.child(at, key));
      }
      wrongType(key, "an object", v);
      return null;
    }

    <T> List<T> list(String key, BiFunction<JsonValue.Obj, String, T> decode) {
      List<JsonValue> items = values(key);
      if (items == null) {
        return null;
      }
      String listAt = Pointers.child(at, key);
      List<T> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        String itemAt = Pointers.child(listAt, i);
        if (items.get(i) instanceof JsonValue.Obj o) {
          T t = decode.apply(o, itemAt);
          if (t != null) {
            out.add(t);
          }
        } else {
          problems.add(new Violation(itemAt, ViolationCode.WRONG_TYPE,
              "must be an object, not a " + items.get(i).kind()));
          lossless = false;
        }
      }
      return out;
    }

    void done() {
      for (String key : object.members().keySet()) {
        if (!read.contains(key)) {
          problems.add(new Violation(Pointers.child(at, key), ViolationCode.UNKNOWN_MEMBER,
              "`" + key + "` is not a member of this object; the official SDK drops it"));
        }
      }
    }
  }
}
