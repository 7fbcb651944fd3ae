package dev.atomemo4j.processor.read;

import static dev.atomemo4j.model.io.Pointers.child;

import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.property.Ai;
import dev.atomemo4j.model.property.ArrayProperty;
import dev.atomemo4j.model.property.BooleanProperty;
import dev.atomemo4j.model.property.CredentialIdProperty;
import dev.atomemo4j.model.property.DiscriminatedUnionProperty;
import dev.atomemo4j.model.property.Display;
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
import dev.atomemo4j.model.value.ResourceLocator;
import dev.atomemo4j.model.value.ResourceMapper;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.OriginTable;
import dev.atomemo4j.processor.model.ParamMeta;
import dev.atomemo4j.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;

/**
 * Writes the property DSL for a parameter: the member the Java type implies, what {@code @Param} adds, localized
 * text, and the origin of every member so the validator's findings land on the right annotation value.
 */
final class PropertyBuilder {

  /** Where a property stands: top-level members get {@code required} and a UI component by default. */
  enum Position {
    MEMBER,
    ITEM,
    ADDITIONAL,
    VARIANT
  }

  private final Texts texts;
  private final OriginTable origins;
  private final ParamReader params;
  private final dev.atomemo4j.processor.diag.Reporter reporter;
  /** Where each credential_id property was written, with the credential type it names. */
  private final java.util.Map<String, TypeRef.CredentialT> credentialUses = new java.util.LinkedHashMap<>();

  PropertyBuilder(Texts texts, OriginTable origins, ParamReader params,
      dev.atomemo4j.processor.diag.Reporter reporter) {
    this.texts = texts;
    this.origins = origins;
    this.params = params;
    this.reporter = reporter;
  }

  /**
   * The property of {@code field} at {@code pointer}.
   *
   * @param element the declaration it comes from (for diagnostics)
   * @param key the translation key prefix
   */
  Property build(TypeRef.Field field, Element element, String pointer, String key, Position position) {
    ParamMeta meta = field.meta();
    Mirror source = params.source(meta);
    Element declared = field.element() != null ? field.element() : element;
    Origin at = source != null ? source.origin() : Origin.of(declared);
    origins.put(pointer, at);
    registerAttributes(source, pointer);
    if (meta.key() != null) {
      key = meta.key();
    }
    TypeRef type = field.type() instanceof TypeRef.OptT o ? o.inner() : field.type();

    String name = field.name() != null ? field.name()
        : position == Position.ITEM ? "item" : position == Position.ADDITIONAL ? "value" : null;
    Boolean required = switch (meta.required()) {
      case "TRUE" -> Boolean.TRUE;
      case "FALSE" -> Boolean.FALSE;
      case "UNSTATED" -> null;
      default -> position == Position.MEMBER ? field.required() : null;
    };
    Display display = meta.showWhen() == null && meta.hideWhen() == null ? null
        : new Display(meta.hideWhen(), meta.showWhen());
    Ai ai = meta.llmDescription() == null ? null
        : new Ai(texts.text(meta.llmDescription(), key + ".llm_description", at));
    I18nText displayName = texts.text(meta.displayName(), key + ".display_name", at);
    List<String> dependsOn = meta.dependsOn().isEmpty() ? null : meta.dependsOn();

    String defaultComponent = defaultComponent(type);
    boolean componentType = !(type instanceof TypeRef.ValueT v && (v.kind() == TypeRef.ValueKind.FILE_REF
        || v.kind() == TypeRef.ValueKind.RESOURCE_LOCATOR || v.kind() == TypeRef.ValueKind.RESOURCE_MAPPER));
    Ui ui = null;
    if (!meta.extra().noUi() && (meta.hasUi() || (position == Position.MEMBER && componentType))) {
      ui = ui(meta, type, componentType ? (meta.component() != null ? meta.component() : defaultComponent) : null,
          key, at);
    }
    ApplicableAttributes.check(source, type, ui == null ? null : ui.component(), componentType, reporter);
    PropertyCommon common = new PropertyCommon(name, displayName, required, display, ai, ui, dependsOn,
        meta.decoder());
    List<JsonValue> allowed = meta.allowed().isEmpty() ? null : meta.allowed();

    if (type instanceof TypeRef.Scalar s) {
      if (s.kind() == TypeRef.ScalarKind.STRING) {
        return new StringProperty(common, meta.constant(), meta.defaultValue(), allowed, d(meta.maxLength()),
            d(meta.minLength()));
      } else if (s.kind() == TypeRef.ScalarKind.BOOLEAN) {
        return new BooleanProperty(common, meta.constant(), meta.defaultValue(), allowed);
      }
      return new NumberProperty(common, s.kind().isInteger(), meta.constant(), meta.defaultValue(), allowed,
          meta.maximum(), meta.minimum());
    } else if (type instanceof TypeRef.TextT t) {
      checkText(t, meta.defaultValue(), source, "defaultValue");
      checkText(t, meta.constant(), source, "constant");
      return new StringProperty(common, meta.constant(), meta.defaultValue(), allowed, d(meta.maxLength()),
          d(meta.minLength()));
    } else if (type instanceof TypeRef.EnumT e) {
      List<JsonValue> wire = new ArrayList<>();
      e.constants().forEach(c -> wire.add(JsonValue.of(c.wireName())));
      return new StringProperty(common, meta.constant(), meta.defaultValue(), allowed != null ? allowed : wire,
          d(meta.maxLength()), d(meta.minLength()));
    } else if (type instanceof TypeRef.ListT l) {
      Property items = build(l.element(), element, child(pointer, "items"), key + ".items", Position.ITEM);
      return new ArrayProperty(common, meta.constant(), meta.defaultValue(), allowed, items, d(meta.maxItems()),
          d(meta.minItems()));
    } else if (type instanceof TypeRef.MapT m) {
      Property value = build(m.value(), element, child(pointer, "additional_properties"), key + ".value",
          Position.ADDITIONAL);
      return new ObjectProperty(common, List.of(), value, meta.constant(), meta.defaultValue(), allowed);
    } else if (type instanceof TypeRef.ObjT o) {
      return new ObjectProperty(common, members(o, element, child(pointer, "properties"), key), null,
          meta.constant(), meta.defaultValue(), allowed);
    } else if (type instanceof TypeRef.UnionT u) {
      return union(u, element, pointer, key);
    } else if (type instanceof TypeRef.CredentialT c) {
      origins.put(child(pointer, "credential_name"), Origin.of(declared));
      credentialUses.putIfAbsent(child(pointer, "credential_name"), c);
      return new CredentialIdProperty(common, c.credentialName(), meta.constant(), meta.defaultValue(), allowed);
    }
    TypeRef.ValueT v = (TypeRef.ValueT) type;
    return switch (v.kind()) {
      case FILE_REF -> new FileRefProperty(common);
      case SECRET -> new EncryptedStringProperty(common, meta.constant(), meta.defaultValue(), allowed);
      case RESOURCE_LOCATOR -> new ResourceLocatorProperty(common,
          locatorDefault(valueObject(meta.defaultValue(), source, ResourceLocator.TYPE)), modes(meta, key, at));
      case RESOURCE_MAPPER -> new ResourceMapperProperty(common, meta.mapper(),
          mapperDefault(valueObject(meta.defaultValue(), source, ResourceMapper.TYPE)));
      case JSON -> new ObjectProperty(common, List.of(), null, meta.constant(), meta.defaultValue(), allowed);
    };
  }

  /** The credential type behind a {@code …/credential_name} pointer, or null. */
  TypeRef.CredentialT credentialAt(String pointer) {
    return credentialUses.get(pointer);
  }

  /** A default or constant of a date, UUID, … type must parse, or every absent value would fail at run time. */
  private void checkText(TypeRef.TextT t, JsonValue value, Mirror source, String attribute) {
    if (!(value instanceof JsonValue.Text text) || source == null) {
      return; // a non-string is bad-value-type, from the validator
    }
    String why = t.kind().check(text.value());
    if (why != null) {
      reporter.report(dev.atomemo4j.processor.diag.Message.BAD_TEXT_VALUE, source.origin(attribute), attribute,
          text.value(), t.javaType(), why);
    }
  }

  /** The properties of a record's components, at {@code pointer} ({@code …/properties}). */
  List<Property> members(TypeRef.ObjT o, Element element, String pointer, String key) {
    return members(o, element, pointer, key, 0);
  }

  /** As above, for members that stand {@code offset} places further in the written list. */
  private List<Property> members(TypeRef.ObjT o, Element element, String pointer, String key, int offset) {
    List<Property> out = new ArrayList<>();
    for (int i = 0; i < o.fields().size(); i++) {
      TypeRef.Field f = o.fields().get(i);
      out.add(build(f, element, child(pointer, i + offset), key + "." + f.name(), Position.MEMBER));
    }
    return out;
  }

  private Property union(TypeRef.UnionT u, Element element, String pointer, String key) {
    List<Property> variants = new ArrayList<>();
    List<UiOption> options = new ArrayList<>();
    for (int i = 0; i < u.variants().size(); i++) {
      TypeRef.Variant v = u.variants().get(i);
      String vPointer = child(child(pointer, "any_of"), i);
      Element at = v.element() != null ? v.element() : element;
      origins.put(vPointer, v.at() != null ? v.at() : Origin.of(at));
      String vKey = key + "." + v.constant();
      ParamMeta self = v.object();
      if (self.key() != null) {
        vKey = self.key();
      }
      List<Property> props = new ArrayList<>();
      props.add(discriminator(u, v, child(child(vPointer, "properties"), 0), vKey, at));
      // The discriminator comes first, so the record's own properties sit one index further.
      props.addAll(members(v.record(), element, child(vPointer, "properties"), vKey, 1));
      Origin vAt = Origin.of(at);
      I18nText displayName = texts.text(self.displayName(), vKey + ".display_name", vAt);
      Ui ui = self.hasUi() && !self.extra().noUi()
          ? ui(self, v.record(), self.component(), vKey, vAt) : null;
      ApplicableAttributes.checkNested(params.source(self), java.util.Set.of("key", "displayName", "explicitEmpty"),
          "the variant object of @Variant(\"" + v.constant() + "\") (its name comes from @Variant(name))",
          self.component(), reporter);
      String name = v.name() != null ? v.name() : strictName(v.constant());
      variants.add(ObjectProperty.of(new PropertyCommon(name, displayName, null, null, null, ui, null, null), props));
      if (u.component() != null && u.options()) {
        options.add(new UiOption(null, texts.text(v.label(), vKey + ".label", vAt), JsonValue.of(v.constant())));
      }
    }
    // The union's own members sit on the sealed interface; its position (union-position) stays on the parameter
    // or component that uses it, recorded for the pointer itself.
    Origin unionAt = Origin.of(u.element() != null ? u.element() : element);
    origins.put(child(pointer, "any_of"), unionAt);
    origins.put(child(pointer, "discriminator"), unionAt);
    origins.put(child(pointer, "discriminator_ui"), unionAt);
    Ui discriminatorUi = u.component() == null ? null
        : u.options() ? Ui.builder().options(options).component(u.component()).build()
        : Ui.component(u.component());
    return new DiscriminatedUnionProperty(variants, u.discriminator(), discriminatorUi);
  }

  /** The discriminator property of one variant: a required string constant, with what {@code @Variant} adds. */
  private Property discriminator(TypeRef.UnionT u, TypeRef.Variant v, String pointer, String vKey, Element at) {
    ParamMeta meta = v.discriminator();
    Origin origin = v.at() != null ? v.at() : Origin.of(at);
    origins.put(pointer, origin);
    if (v.constantAt() != null) {
      origins.put(child(pointer, "constant"), v.constantAt());
    }
    String key = vKey + "." + u.discriminator();
    if (meta.key() != null) {
      key = meta.key();
    }
    Boolean required = switch (meta.required()) {
      case "FALSE" -> Boolean.FALSE;
      case "UNSTATED" -> null;
      default -> Boolean.TRUE;
    };
    ApplicableAttributes.checkNested(params.source(meta), java.util.Set.of("key", "displayName", "explicitEmpty",
        "required", "llmDescription"), "the discriminator property (its name is @Union(discriminator), its "
        + "constant @Variant(value))", meta.component(), reporter);
    Ui ui = meta.hasUi() && !meta.extra().noUi()
        ? ui(meta, new TypeRef.Scalar(TypeRef.ScalarKind.STRING, false, com.palantir.javapoet.ClassName.get(
            String.class)), meta.component(), key, origin) : null;
    Ai ai = meta.llmDescription() == null ? null
        : new Ai(texts.text(meta.llmDescription(), key + ".llm_description", origin));
    PropertyCommon common = new PropertyCommon(u.discriminator(),
        texts.text(meta.displayName(), key + ".display_name", origin), required, null, ai, ui, null, null);
    return new StringProperty(common, JsonValue.of(v.constant()), null, null, null, null);
  }

  private List<LocatorMode> modes(ParamMeta meta, String key, Origin at) {
    List<LocatorMode> modes = new ArrayList<>();
    ParamMeta.LocatorMeta l = meta.locator();
    if (l == null) {
      modes.add(LocatorMode.id());
      return modes;
    }
    List<String> order = l.order().isEmpty() ? List.of("list", "url", "id") : l.order();
    for (String type : order) {
      String k = key + ".mode." + type;
      switch (type) {
        case "list" -> {
          if (l.list() != null) {
            modes.add(new LocatorMode("list", texts.text(l.listDisplayName(), k + ".display_name", at),
                texts.text(l.listPlaceholder(), k + ".placeholder", at), l.list(),
                l.searchable() ? Boolean.TRUE : null, null));
          }
        }
        case "url" -> {
          if (l.urlRegex() != null) {
            modes.add(new LocatorMode("url", texts.text(l.urlDisplayName(), k + ".display_name", at),
                texts.text(l.urlPlaceholder(), k + ".placeholder", at), null, null, l.urlRegex()));
          }
        }
        case "id" -> {
          if (l.id()) {
            modes.add(new LocatorMode("id", texts.text(l.idDisplayName(), k + ".display_name", at),
                texts.text(l.idPlaceholder(), k + ".placeholder", at), null, null, null));
          }
        }
        default -> { } // reported by the reader as an unknown mode
      }
    }
    return modes;
  }

  /**
   * The default of a locator or mapper parameter as its value object, or null. Anything but a JSON object is an
   * error here: it could not be written as the {@code default} at all.
   */
  private JsonValue.Obj valueObject(JsonValue v, Mirror source, String type) {
    if (v == null || v instanceof JsonValue.Obj) {
      return (JsonValue.Obj) v;
    }
    reporter.report(dev.atomemo4j.processor.diag.Message.BAD_JSON_ATTRIBUTE, source.origin("defaultValue"),
        "defaultValue " + dev.atomemo4j.model.io.JsJson.compact(v), "the default of a " + type + " parameter is an "
            + "object, e.g. {\"mode_name\": \"id\", \"value\": \"rec123\"} or {\"mapping_mode\": \"auto\", "
            + "\"value\": null}");
    return null;
  }

  /** A resource locator's {@code default} from its JSON object, or null. */
  private static ResourceLocator locatorDefault(JsonValue v) {
    if (!(v instanceof JsonValue.Obj o)) {
      return null;
    }
    return new ResourceLocator(text(o, "mode_name"), text(o, "value"), text(o, "cached_result_label"),
        text(o, "cached_result_url"));
  }

  private static ResourceMapper mapperDefault(JsonValue v) {
    if (!(v instanceof JsonValue.Obj o)) {
      return null;
    }
    JsonValue value = o.get("value");
    return new ResourceMapper(text(o, "mapping_mode"), value instanceof JsonValue.Null ? null : value);
  }

  private static String text(JsonValue.Obj o, String member) {
    return o.get(member) instanceof JsonValue.Text t ? t.value() : null;
  }

  private Ui ui(ParamMeta meta, TypeRef type, String component, String key, Origin at) {
    ParamMeta.UiExtra x = meta.extra();
    Ui.Builder b = Ui.builder()
        .hint(texts.text(meta.hint(), key + ".hint", at))
        .placeholder(texts.text(meta.placeholder(), key + ".placeholder", at))
        .width(meta.width())
        .indentation(meta.indentation() == null ? null : meta.indentation().doubleValue())
        .component(component)
        .searchable(meta.searchable())
        .clearable(meta.clearable())
        .language(meta.language() != null ? meta.language()
            : "code-editor".equals(component) && type instanceof TypeRef.ValueT ? "json" : null)
        .step(meta.step())
        .suffix(meta.suffix());
    if (meta.supportExpression()) {
      b.supportExpression(true);
    }
    if (meta.sensitive()) {
      b.sensitive(true);
    }
    if (meta.readonly()) {
      b.readonly(true);
    }
    if (meta.disabled()) {
      b.disabled(true);
    }
    b.displayNone(x.displayNone() ? Boolean.TRUE : null)
        .minHeight(x.minHeight())
        .maxHeight(x.maxHeight())
        .rows(x.rows())
        .lineNumbers(x.lineNumbers() ? Boolean.TRUE : null)
        .lineWrapping(x.lineWrapping() ? Boolean.TRUE : null)
        .marks(x.marks())
        .showValue(x.showValue() ? Boolean.TRUE : null)
        .addButtonLabel(texts.text(x.addButtonLabel(), key + ".add_button_label", at))
        .emptyDescription(texts.text(x.emptyDescription(), key + ".empty_description", at))
        .sectionHeader(texts.text(x.sectionHeader(), key + ".section_header", at))
        .size(x.size())
        .addLabel(texts.text(x.addLabel(), key + ".add_label", at))
        .emptyMessage(texts.text(x.emptyMessage(), key + ".empty_message", at))
        .removeTooltip(texts.text(x.removeTooltip(), key + ".remove_tooltip", at))
        .panelTitle(texts.text(x.panelTitle(), key + ".panel_title", at))
        .collapsible(x.collapsible() ? Boolean.TRUE : null)
        .sortable(x.sortable() ? Boolean.TRUE : null)
        .defaultCollapsed(x.defaultCollapsed() ? Boolean.TRUE : null);
    for (String f : x.explicitFalse()) {
      switch (f) {
        case "supportExpression" -> b.supportExpression(false);
        case "sensitive" -> b.sensitive(false);
        case "readonly" -> b.readonly(false);
        case "disabled" -> b.disabled(false);
        case "displayNone" -> b.displayNone(false);
        case "lineNumbers" -> b.lineNumbers(false);
        case "lineWrapping" -> b.lineWrapping(false);
        case "showValue" -> b.showValue(false);
        case "collapsible" -> b.collapsible(false);
        case "sortable" -> b.sortable(false);
        case "defaultCollapsed" -> b.defaultCollapsed(false);
        default -> { } // reported by the reader
      }
    }
    List<UiOption> options = new ArrayList<>();
    if (!meta.options().isEmpty()) {
      for (ParamMeta.OptionMeta o : meta.options()) {
        options.add(new UiOption(o.icon(), texts.text(o.label(), key + ".option." + optionKey(o.jsonValue()), at),
            o.jsonValue()));
      }
    } else {
      TypeRef options0 = type instanceof TypeRef.ListT l ? unwrap(l.element().type()) : type;
      if (options0 instanceof TypeRef.EnumT e) {
        for (TypeRef.EnumConstant c : e.constants()) {
          options.add(new UiOption(null, texts.text(c.label(), key + ".option." + c.wireName(), at),
              JsonValue.of(c.wireName())));
        }
      }
    }
    if (!options.isEmpty()) {
      b.options(options);
    }
    return b.build();
  }

  /** The translation key part of an option: its parsed value, however the annotation wrote it. */
  static String optionKey(JsonValue value) {
    return value instanceof JsonValue.Text t ? t.value() : dev.atomemo4j.model.io.JsJson.stringify(value);
  }

  private static TypeRef unwrap(TypeRef t) {
    return t instanceof TypeRef.OptT o ? o.inner() : t;
  }

  /** The component a type gets when {@code @Param(component)} does not say. */
  static String defaultComponent(TypeRef type) {
    if (type instanceof TypeRef.TextT) {
      return "input";
    } else if (type instanceof TypeRef.Scalar s) {
      return s.kind() == TypeRef.ScalarKind.STRING ? "input"
          : s.kind() == TypeRef.ScalarKind.BOOLEAN ? "switch" : "number-input";
    } else if (type instanceof TypeRef.EnumT) {
      return "select";
    } else if (type instanceof TypeRef.ListT l) {
      TypeRef e = unwrap(l.element().type());
      return e instanceof TypeRef.EnumT ? "multi-select"
          : e instanceof TypeRef.ObjT || e instanceof TypeRef.UnionT ? "array-section" : "tag-input";
    } else if (type instanceof TypeRef.ObjT || type instanceof TypeRef.MapT) {
      return "section";
    } else if (type instanceof TypeRef.CredentialT) {
      return "credential-select";
    } else if (type instanceof TypeRef.ValueT v) {
      return v.kind() == TypeRef.ValueKind.SECRET ? "encrypted-input"
          : v.kind() == TypeRef.ValueKind.JSON ? "code-editor" : null;
    }
    return null;
  }

  /** Points each written {@code @Param} attribute at the definition member it becomes. */
  private void registerAttributes(Mirror source, String pointer) {
    if (source == null) {
      return;
    }
    String[][] map = {
        {"name", "name"}, {"displayName", "display_name"}, {"required", "required"}, {"hint", "ui/hint"},
        {"placeholder", "ui/placeholder"}, {"llmDescription", "ai"}, {"component", "ui/component"},
        {"width", "ui/width"}, {"indentation", "ui/indentation"}, {"options", "ui/options"},
        {"language", "ui/language"}, {"defaultValue", "default"}, {"constant", "constant"}, {"allowed", "enum"},
        {"minimum", "minimum"}, {"maximum", "maximum"}, {"minLength", "min_length"}, {"maxLength", "max_length"},
        {"minItems", "min_items"}, {"maxItems", "max_items"}, {"showWhen", "display/show"},
        {"hideWhen", "display/hide"}, {"dependsOn", "depends_on"}, {"decoder", "decoder"}};
    for (String[] m : map) {
      if (source.isSet(m[0])) {
        origins.put(pointer + "/" + m[1], source.origin(m[0]));
      }
    }
  }

  private static Double d(Integer i) {
    return i == null ? null : i.doubleValue();
  }

  /** A property-style name for a union variant, from its discriminator constant. */
  static String strictName(String constant) {
    String s = constant.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "variant_" + s;
    }
    return s.replaceAll("_+", "_");
  }
}
