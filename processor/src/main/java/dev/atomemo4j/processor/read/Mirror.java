package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Typed access to one annotation on one element, through mirrors (never {@code getAnnotation}, which loses source
 * positions and throws on class values). Effective values include defaults; {@link #origin(String)} points at the
 * written value when there is one, else at the annotation.
 */
public final class Mirror {
  private final Element element;
  private final AnnotationMirror mirror;
  /**
   * By attribute name. Keyed by {@code String} once here, because javac's {@code Name.contentEquals} decodes the
   * name from UTF-8 on every comparison: a linear scan per attribute read took about a fifth of the processor's own
   * profile samples.
   */
  private final Map<String, AnnotationValue> explicit;
  private final Map<String, AnnotationValue> effective;

  private Mirror(Element element, AnnotationMirror mirror, Elements elements) {
    this.element = element;
    this.mirror = mirror;
    this.explicit = byName(mirror.getElementValues());
    this.effective = byName(elements.getElementValuesWithDefaults(mirror));
  }

  private static Map<String, AnnotationValue> byName(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
    Map<String, AnnotationValue> out = new HashMap<>(values.size() * 2);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      out.put(e.getKey().getSimpleName().toString(), e.getValue());
    }
    return out;
  }

  /** The annotation {@code qualifiedName} on {@code element}, or null. */
  public static Mirror find(Element element, String qualifiedName, Elements elements) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (m.getAnnotationType().toString().equals(qualifiedName)) {
        return new Mirror(element, m, elements);
      }
    }
    return null;
  }

  /** A nested annotation value, read as a mirror of its own (positions stay those of the outer element). */
  public static Mirror nested(Element element, AnnotationMirror nested, Elements elements) {
    return new Mirror(element, nested, elements);
  }

  /** All annotations named {@code qualifiedName}, unwrapping a repeatable container named {@code container}. */
  public static List<Mirror> findAll(Element element, String qualifiedName, String container, Elements elements) {
    List<Mirror> out = new ArrayList<>();
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      String type = m.getAnnotationType().toString();
      if (type.equals(qualifiedName)) {
        out.add(new Mirror(element, m, elements));
      } else if (type.equals(container)) {
        Mirror c = new Mirror(element, m, elements);
        for (AnnotationMirror inner : c.annotations("value")) {
          out.add(new Mirror(element, inner, elements));
        }
      }
    }
    return out;
  }

  public Element element() {
    return element;
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  private AnnotationValue raw(String name, boolean withDefaults) {
    return (withDefaults ? effective : explicit).get(name);
  }

  /** Whether the author wrote {@code name = …}. */
  public boolean isSet(String name) {
    return raw(name, false) != null;
  }

  /** Where to report a problem with attribute {@code name}. */
  public Origin origin(String name) {
    return new Origin(element, mirror, raw(name, false));
  }

  /** Where to report a problem with the annotation as a whole. */
  public Origin origin() {
    return new Origin(element, mirror, null);
  }

  public String string(String name) {
    AnnotationValue v = raw(name, true);
    return v == null ? "" : String.valueOf(v.getValue());
  }

  /** The string, or null when it is empty (the annotations' "not set"). */
  public String stringOrNull(String name) {
    String s = string(name);
    return s.isEmpty() ? null : s;
  }

  public boolean bool(String name) {
    AnnotationValue v = raw(name, true);
    return v != null && (Boolean) v.getValue();
  }

  public long longValue(String name) {
    AnnotationValue v = raw(name, true);
    return v == null ? 0 : ((Number) v.getValue()).longValue();
  }

  /** An int attribute, or null when it holds the "not set" value -1. */
  public Integer count(String name) {
    AnnotationValue v = raw(name, true);
    int n = v == null ? -1 : ((Number) v.getValue()).intValue();
    return n < 0 ? null : n;
  }

  /** A double attribute, or null when it holds the "not set" value NaN. */
  public Double number(String name) {
    AnnotationValue v = raw(name, true);
    double d = v == null ? Double.NaN : ((Number) v.getValue()).doubleValue();
    return Double.isNaN(d) ? null : d;
  }

  /** An enum attribute's constant name. */
  public String enumName(String name) {
    AnnotationValue v = raw(name, true);
    return v == null ? "" : ((VariableElement) v.getValue()).getSimpleName().toString();
  }

  public List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      out.add(String.valueOf(item.getValue()));
    }
    return out;
  }

  /** The elements of an array attribute, each keeping its own source position. */
  public List<AnnotationValue> list(String name) {
    AnnotationValue v = raw(name, true);
    if (v == null) {
      return List.of();
    }
    Object value = v.getValue();
    if (value instanceof List<?> l) {
      List<AnnotationValue> out = new ArrayList<>();
      for (Object o : l) {
        out.add((AnnotationValue) o);
      }
      return out;
    }
    return List.of(v);
  }

  public List<TypeMirror> types(String name) {
    List<TypeMirror> out = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      if (item.getValue() instanceof TypeMirror t) {
        out.add(t);
      }
    }
    return out;
  }

  public AnnotationMirror annotation(String name) {
    AnnotationValue v = raw(name, true);
    return v == null ? null : (AnnotationMirror) v.getValue();
  }

  public List<AnnotationMirror> annotations(String name) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationValue item : list(name)) {
      out.add((AnnotationMirror) item.getValue());
    }
    return out;
  }
}
