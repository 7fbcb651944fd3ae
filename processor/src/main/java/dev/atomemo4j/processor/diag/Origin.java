package dev.atomemo4j.processor.diag;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where something came from in the author's source: the element, and when known the annotation and the
 * attribute value, so an IDE underlines exactly what is wrong. {@code value} is null when the attribute was not
 * written (a default has no source position; the mirror is underlined instead).
 */
public record Origin(Element element, AnnotationMirror mirror, AnnotationValue value) {

  public static Origin of(Element element) {
    return new Origin(element, null, null);
  }

  public Origin withValue(AnnotationValue v) {
    return new Origin(element, mirror, v);
  }
}
