package dev.atomemo4j.processor.read;

import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.io.JsonTrees;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.ParamMeta;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reads {@code @Param}, {@code @Locator} and {@code @Mapper} into a {@link ParamMeta}, parsing JSON attributes. */
final class ParamReader {
  private final Elements elements;
  private final Reporter reporter;
  /** The annotation each meta came from, so diagnostics can point at an attribute. */
  private final java.util.Map<ParamMeta, Mirror> sources = new java.util.IdentityHashMap<>();

  ParamReader(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** The {@code @Param} on a declaration, or null. */
  Mirror declared(Element element) {
    return Mirror.find(element, Names.PARAM, elements);
  }

  /** The {@code @Param} written as a type-use annotation on {@code type} (a type argument), or null. */
  Mirror typeUse(Element site, TypeMirror type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      if (m.getAnnotationType().toString().equals(Names.PARAM)) {
        return Mirror.nested(site, m, elements);
      }
    }
    return null;
  }

  ParamMeta read(Mirror param, Element element) {
    Mirror locator = Mirror.find(element, Names.LOCATOR, elements);
    Mirror mapper = Mirror.find(element, Names.MAPPER, elements);
    ParamMeta.LocatorMeta locatorMeta = locator == null ? null : new ParamMeta.LocatorMeta(
        locator.stringOrNull("list"), locator.bool("searchable"), locator.stringOrNull("urlRegex"),
        locator.bool("id"), locator.strings("order"), locator.stringOrNull("listDisplayName"),
        locator.stringOrNull("listPlaceholder"), locator.stringOrNull("urlDisplayName"),
        locator.stringOrNull("urlPlaceholder"), locator.stringOrNull("idDisplayName"),
        locator.stringOrNull("idPlaceholder"));
    String mapperName = mapper == null ? null : mapper.stringOrNull("value");
    if (param == null) {
      if (locatorMeta == null && mapperName == null) {
        return ParamMeta.NONE;
      }
      return new ParamMeta(null, null, "AUTO", null, null, null, null, null, false, false, false, false, null,
          List.of(), null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null, null,
          null, List.of(), null, null, locatorMeta, mapperName);
    }
    List<ParamMeta.OptionMeta> options = new ArrayList<>();
    for (AnnotationMirror o : param.annotations("options")) {
      Mirror option = Mirror.nested(element, o, elements);
      String value = option.string("value");
      options.add(new ParamMeta.OptionMeta(value, jsonOrWord(param, "options", value), option.string("label"),
          option.stringOrNull("icon")));
    }
    List<JsonValue> allowed = new ArrayList<>();
    for (AnnotationValue v : param.list("allowed")) {
      allowed.add(jsonOrWord(param, "allowed", String.valueOf(v.getValue())));
    }
    if (allowed.isEmpty() && param.bool("optionsAsEnum")) {
      // The opt-in: the options' values become the enum, so definition, schema and runtime all enforce them.
      options.forEach(o -> allowed.add(o.jsonValue()));
    }
    java.util.Set<String> empty = java.util.Set.copyOf(param.strings("explicitEmpty"));
    java.util.function.Function<String, String> text = a -> empty.contains(a) ? "" : param.stringOrNull(a);
    ParamMeta meta = new ParamMeta(
        param.stringOrNull("name"), text.apply("displayName"), param.enumName("required"),
        text.apply("hint"), text.apply("placeholder"), text.apply("llmDescription"),
        param.stringOrNull("component"), param.stringOrNull("width"), param.bool("supportExpression"),
        param.bool("sensitive"), param.bool("readonly"), param.bool("disabled"), param.count("indentation"),
        options, flag(param, "searchable"), flag(param, "clearable"), param.stringOrNull("language"),
        param.number("step"), param.stringOrNull("suffix"), json(param, "defaultValue", true),
        json(param, "constant", true), allowed, param.number("minimum"), param.number("maximum"),
        param.count("minLength"), param.count("maxLength"), param.count("minItems"), param.count("maxItems"),
        json(param, "showWhen", false), json(param, "hideWhen", false), param.strings("dependsOn"),
        param.stringOrNull("decoder"), param.stringOrNull("key"), locatorMeta, mapperName, extra(param, text));
    sources.put(meta, param);
    return meta;
  }

  private ParamMeta.UiExtra extra(Mirror p, java.util.function.Function<String, String> text) {
    return new ParamMeta.UiExtra(p.bool("displayNone"), p.strings("explicitFalse"), p.bool("noUi"),
        p.number("minHeight"), p.number("maxHeight"), p.number("rows"), p.bool("lineNumbers"),
        p.bool("lineWrapping"), json(p, "marks", false), p.bool("showValue"), text.apply("addButtonLabel"),
        text.apply("emptyDescription"), text.apply("sectionHeader"), p.stringOrNull("size"),
        text.apply("addLabel"), text.apply("emptyMessage"), text.apply("removeTooltip"),
        text.apply("panelTitle"), p.bool("collapsible"), p.bool("sortable"), p.bool("defaultCollapsed"),
        p.bool("optionsAsEnum"));
  }

  /** The {@code @Param} a meta was read from, or null. */
  Mirror source(ParamMeta meta) {
    return sources.get(meta);
  }

  private static Boolean flag(Mirror m, String name) {
    String f = m.enumName(name);
    return f.equals("TRUE") ? Boolean.TRUE : f.equals("FALSE") ? Boolean.FALSE : null;
  }

  /** A JSON attribute; strings may be written as bare words when {@code wordsAllowed}. */
  private JsonValue json(Mirror m, String name, boolean wordsAllowed) {
    String text = m.string(name);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return JsonTrees.parse(text);
    } catch (Exception e) {
      if (wordsAllowed && isWord(text)) {
        return JsonValue.of(text);
      }
      reporter.report(Message.BAD_JSON_ATTRIBUTE, m.origin(name), name + " \"" + text + "\"", firstLine(e));
      return null;
    }
  }

  private static JsonValue jsonOrWord(Mirror m, String attribute, String text) {
    try {
      return JsonTrees.parse(text);
    } catch (Exception e) {
      return JsonValue.of(text); // option values and allowed values are mostly plain words
    }
  }

  private static boolean isWord(String s) {
    return !s.isBlank() && !s.startsWith("{") && !s.startsWith("[") && !s.startsWith("\"");
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
