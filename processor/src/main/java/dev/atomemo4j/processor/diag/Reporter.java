package dev.atomemo4j.processor.diag;

import dev.atomemo4j.model.validate.Violation;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints diagnostics with the fullest position available (element, annotation, value), the stable code first and
 * the fix hint last. Counts errors so generation can be skipped for anything that failed.
 */
public final class Reporter {
  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public int errorCount() {
    return errors;
  }

  public void report(Message message, Origin at, Object... args) {
    report(message.kind(), message.code(), message.format(args), message.hint(args), at);
  }

  /** A rule of the definition format, found by the model's validator, placed through {@code origins}. */
  public void report(Violation v, OriginTable origins, Origin fallback) {
    Origin at = origins.find(v.pointer());
    String hint = "(definition.json " + (v.pointer().isEmpty() ? "/" : v.pointer()) + ")";
    report(v.isError() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING, v.code().slug(), v.message(), hint,
        at == null ? fallback : at);
  }

  private void report(Diagnostic.Kind kind, String code, String text, String hint, Origin at) {
    if (kind != Diagnostic.Kind.ERROR && at != null && suppressed(at.element(), code)) {
      return;
    }
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    // A text that already ends a sentence ("did you mean …?") takes the hint after a space, not ". ".
    boolean ended = text.endsWith("?") || text.endsWith(".") || text.endsWith("!");
    String message = "[atomemo4j:" + code + "] " + text + (hint.isEmpty() ? "" : (ended ? " " : ". ") + hint);
    if (at == null || at.element() == null) {
      messager.printMessage(kind, message);
    } else if (at.mirror() == null) {
      messager.printMessage(kind, message, at.element());
    } else if (at.value() == null) {
      messager.printMessage(kind, message, at.element(), at.mirror());
    } else {
      messager.printMessage(kind, message, at.element(), at.mirror(), at.value());
    }
  }

  /** {@code @SuppressWarnings("atomemo4j:<code>")} or {@code "atomemo4j"} on the element or an enclosing one. */
  private static boolean suppressed(Element element, String code) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      for (AnnotationMirror m : e.getAnnotationMirrors()) {
        if (!m.getAnnotationType().toString().equals("java.lang.SuppressWarnings")) {
          continue;
        }
        for (AnnotationValue v : m.getElementValues().values()) {
          Object value = v.getValue();
          if (value instanceof List<?> list) {
            for (Object item : list) {
              String s = String.valueOf(((AnnotationValue) item).getValue());
              if (s.equals("atomemo4j") || s.equals("atomemo4j:" + code)) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }
}
