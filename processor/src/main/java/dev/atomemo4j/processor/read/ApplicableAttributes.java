package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code @Param} attributes apply to a property of a given type and UI component. The definition writer
 * drops members that do not belong to the type or component (as the official schema does), so an attribute that
 * does not apply would vanish silently; this reports it instead, on the attribute.
 */
final class ApplicableAttributes {
  private ApplicableAttributes() {}

  /** Attributes of the property itself, independent of the type. */
  private static final Set<String> COMMON = Set.of("name", "displayName", "required", "llmDescription", "showWhen",
      "hideWhen", "dependsOn", "decoder", "key", "explicitEmpty");

  /** UI attributes every component (and the component-less {@code ui}) takes. */
  private static final Set<String> COMMON_UI = Set.of("hint", "placeholder", "width", "supportExpression",
      "sensitive", "readonly", "disabled", "indentation", "displayNone", "explicitFalse");

  /** Component-specific UI attributes and the components that take them. */
  private static final Map<String, Set<String>> BY_COMPONENT = Map.ofEntries(
      Map.entry("options", Set.of("select", "radio-group", "multi-select")),
      Map.entry("searchable", Set.of("select", "radio-group", "multi-select", "credential-select")),
      Map.entry("clearable", Set.of("select", "radio-group", "multi-select", "credential-select")),
      Map.entry("language", Set.of("code-editor")),
      Map.entry("lineNumbers", Set.of("code-editor")),
      Map.entry("lineWrapping", Set.of("code-editor")),
      Map.entry("rows", Set.of("code-editor")),
      Map.entry("minHeight", Set.of("textarea", "code-editor")),
      Map.entry("maxHeight", Set.of("textarea", "code-editor")),
      Map.entry("step", Set.of("number-input", "slider")),
      Map.entry("suffix", Set.of("number-input")),
      Map.entry("marks", Set.of("slider")),
      Map.entry("showValue", Set.of("slider")),
      Map.entry("addButtonLabel", Set.of("key-value-editor")),
      Map.entry("emptyDescription", Set.of("key-value-editor")),
      Map.entry("sectionHeader", Set.of("key-value-editor")),
      Map.entry("size", Set.of("emoji-picker")),
      Map.entry("addLabel", Set.of("array-section")),
      Map.entry("emptyMessage", Set.of("array-section")),
      Map.entry("removeTooltip", Set.of("array-section", "collapsible-panel")),
      Map.entry("collapsible", Set.of("array-section", "collapsible-panel")),
      Map.entry("sortable", Set.of("array-section", "collapsible-panel")),
      Map.entry("panelTitle", Set.of("collapsible-panel")),
      Map.entry("defaultCollapsed", Set.of("collapsible-panel")));

  /** The UI booleans {@code explicitFalse} may name, and the texts {@code explicitEmpty} may name. */
  static final Set<String> UI_BOOLEANS = Set.of("supportExpression", "sensitive", "readonly", "disabled",
      "displayNone", "lineNumbers", "lineWrapping", "showValue", "collapsible", "sortable", "defaultCollapsed");
  static final Set<String> TEXTS = Set.of("displayName", "hint", "placeholder", "llmDescription",
      "addButtonLabel", "emptyDescription", "sectionHeader", "addLabel", "emptyMessage", "removeTooltip",
      "panelTitle");

  private static final List<String> ALL = List.of("displayName", "required", "hint", "placeholder",
      "llmDescription", "component", "width", "supportExpression", "sensitive", "readonly", "disabled",
      "displayNone", "explicitFalse", "explicitEmpty", "noUi", "indentation", "options", "searchable", "clearable",
      "language", "step", "suffix", "minHeight", "maxHeight", "rows", "lineNumbers", "lineWrapping", "marks",
      "showValue", "addButtonLabel", "emptyDescription", "sectionHeader", "size", "addLabel", "emptyMessage",
      "removeTooltip", "panelTitle", "collapsible", "sortable", "defaultCollapsed", "defaultValue", "constant",
      "allowed", "optionsAsEnum", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
      "showWhen", "hideWhen", "dependsOn", "decoder", "name");

  /**
   * Reports every attribute written on {@code source} that the property cannot carry.
   *
   * @param component the UI component the property gets (null: none, or no {@code ui})
   * @param componentType whether the type has UI components at all
   */
  static void check(Mirror source, TypeRef type, String component, boolean componentType, Reporter reporter) {
    if (source == null) {
      return;
    }
    boolean noUi = source.bool("noUi");
    String what = describe(type);
    for (String a : ALL) {
      if (!source.isSet(a)) {
        continue;
      }
      String why = why(a, type, component, componentType, noUi, source);
      if (why != null) {
        reporter.report(Message.NOT_APPLICABLE, source.origin(a), a, why.isEmpty() ? what : why, hint(a, why));
      }
    }
    for (String f : source.strings("explicitFalse")) {
      if (!UI_BOOLEANS.contains(f)) {
        reporter.report(Message.NOT_APPLICABLE, source.origin("explicitFalse"), "explicitFalse entry \"" + f + "\"",
            "@Param", "Name UI booleans: " + String.join(", ", UI_BOOLEANS.stream().sorted().toList()) + ".");
      } else if (BY_COMPONENT.containsKey(f) && (component == null || !BY_COMPONENT.get(f).contains(component))) {
        reporter.report(Message.NOT_APPLICABLE, source.origin("explicitFalse"), "explicitFalse entry \"" + f + "\"",
            "component " + component, "Use it with " + String.join(" or ", BY_COMPONENT.get(f).stream().sorted()
                .toList()) + ".");
      }
    }
    for (String t : source.strings("explicitEmpty")) {
      if (!TEXTS.contains(t)) {
        reporter.report(Message.NOT_APPLICABLE, source.origin("explicitEmpty"), "explicitEmpty entry \"" + t + "\"",
            "@Param", "Name text attributes: " + String.join(", ", TEXTS.stream().sorted().toList()) + ".");
      }
    }
  }

  /**
   * For the {@code @Param}s nested in {@code @Variant(object = …, discriminator = …)}: only {@code allowed} and the
   * UI attributes of {@code component} are written; anything else is reported.
   */
  static void checkNested(Mirror source, Set<String> allowed, String what, String component, Reporter reporter) {
    if (source == null) {
      return;
    }
    for (String a : ALL) {
      if (!source.isSet(a) || allowed.contains(a) || COMMON_UI.contains(a) || a.equals("component")
          || a.equals("noUi")) {
        continue;
      }
      if (BY_COMPONENT.containsKey(a)) {
        if (component == null || !BY_COMPONENT.get(a).contains(component)) {
          reporter.report(Message.NOT_APPLICABLE, source.origin(a), a, "component " + component, hint(a, ""));
        }
        continue;
      }
      reporter.report(Message.NOT_APPLICABLE, source.origin(a), a, what, "Remove " + a + ".");
    }
  }

  /** Why {@code attribute} does not apply, or null when it does. */
  private static String why(String attribute, TypeRef type, String component, boolean componentType,
      boolean noUi, Mirror source) {
    if (type instanceof TypeRef.UnionT) {
      return attribute.equals("key") ? null : "a discriminated_union (it has no members of its own; describe "
          + "the variants with @Variant)";
    }
    boolean ui = COMMON_UI.contains(attribute) || BY_COMPONENT.containsKey(attribute)
        || attribute.equals("component");
    if (ui && noUi) {
      return "@Param(noUi = true), which writes no ui";
    }
    if (COMMON.contains(attribute) || COMMON_UI.contains(attribute) || attribute.equals("noUi")) {
      return null;
    }
    if (attribute.equals("component")) {
      return componentType ? null : "a property type without UI components";
    }
    if (BY_COMPONENT.containsKey(attribute)) {
      return component != null && BY_COMPONENT.get(attribute).contains(component) ? null
          : "component " + (component == null ? "(none)" : component);
    }
    boolean string = type instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.STRING
        || type instanceof TypeRef.EnumT || type instanceof TypeRef.TextT;
    boolean number = type instanceof TypeRef.Scalar s && s.kind() != TypeRef.ScalarKind.STRING
        && s.kind() != TypeRef.ScalarKind.BOOLEAN;
    return switch (attribute) {
      case "minLength", "maxLength" -> string ? null : "";
      case "minimum", "maximum" -> number ? null : "";
      case "minItems", "maxItems" -> type instanceof TypeRef.ListT ? null : "";
      case "optionsAsEnum" -> string && source.isSet("options") ? null
          : string ? "@Param without options (optionsAsEnum writes the options' values as enum)" : "";
      case "constant", "allowed" -> type instanceof TypeRef.ValueT v && v.kind() != TypeRef.ValueKind.JSON ? "" : null;
      case "defaultValue" -> type instanceof TypeRef.ValueT v && (v.kind() == TypeRef.ValueKind.FILE_REF) ? "" : null;
      default -> null;
    };
  }

  private static String hint(String attribute, String why) {
    if (BY_COMPONENT.containsKey(attribute) && !why.startsWith("@")) {
      return "Set component to " + String.join(" or ", BY_COMPONENT.get(attribute).stream().sorted().toList())
          + ", or remove " + attribute + ".";
    }
    return switch (attribute) {
      case "minLength", "maxLength" -> "Length bounds apply to strings; remove " + attribute + ".";
      case "minimum", "maximum" -> "Bounds apply to numbers; use minLength/maxLength or minItems/maxItems.";
      case "minItems", "maxItems" -> "Size bounds apply to lists, sets and arrays; remove " + attribute + ".";
      default -> "Remove " + attribute + ".";
    };
  }

  private static String describe(TypeRef type) {
    if (type instanceof TypeRef.Scalar s) {
      return "a " + (s.kind() == TypeRef.ScalarKind.STRING ? "string" : s.kind() == TypeRef.ScalarKind.BOOLEAN
          ? "boolean" : s.kind().isInteger() ? "integer" : "number") + " property (" + s.javaType() + ")";
    } else if (type instanceof TypeRef.EnumT e) {
      return "a string select (" + e.javaType() + ")";
    } else if (type instanceof TypeRef.TextT t) {
      return "a string property (" + t.javaType() + ")";
    } else if (type instanceof TypeRef.ListT l) {
      return "an array property (" + l.javaType() + ")";
    } else if (type instanceof TypeRef.MapT || type instanceof TypeRef.ObjT) {
      return "an object property";
    } else if (type instanceof TypeRef.CredentialT) {
      return "a credential_id property";
    } else if (type instanceof TypeRef.ValueT v) {
      return "a " + v.kind().name().toLowerCase(java.util.Locale.ROOT) + " property";
    }
    return "this property";
  }
}
