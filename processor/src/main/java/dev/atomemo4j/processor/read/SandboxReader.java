package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.SandboxModel;
import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the plugin class's {@code @Sandbox} backend factory: the fixed signature
 * {@code public ExploreBackend name(Path semanticRoot)}, at most one per plugin, a priority within the documented
 * range. Reports every mistake; the type check (SANDBOX declared both ways) is {@link AtlasReader}'s.
 */
final class SandboxReader {
  /** {@code Sandbox.MIN_PRIORITY} and {@code MAX_PRIORITY}, which the processor cannot load from the annotation. */
  static final int MIN_PRIORITY = 0;
  static final int MAX_PRIORITY = 1000;

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  SandboxReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** {@code @Sandbox} on a method outside any {@code @Plugin} class: the host would never call it. */
  static void reportMisplaced(RoundEnvironment round, Elements elements, Reporter reporter) {
    TypeElement annotation = elements.getTypeElement(Names.SANDBOX);
    if (annotation == null) {
      return;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
      Element owner = m.getEnclosingElement();
      if (Mirror.find(owner, Names.PLUGIN, elements) == null) {
        reporter.report(Message.SANDBOX_OUTSIDE_PLUGIN, Mirror.find(m, Names.SANDBOX, elements).origin(),
            m.getSimpleName(), owner.getSimpleName());
      }
    }
  }

  /** The first {@code @Sandbox} mirror, or null: whether the plugin provides the SANDBOX type. */
  Mirror first(TypeElement pluginClass) {
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      Mirror s = Mirror.find(m, Names.SANDBOX, elements);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The model, or null when the plugin declares no valid {@code @Sandbox}. */
  SandboxModel read(TypeElement pluginClass) {
    SandboxModel out = null;
    ExecutableElement firstMethod = null;
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      Mirror s = Mirror.find(m, Names.SANDBOX, elements);
      if (s == null) {
        continue;
      }
      if (firstMethod != null) {
        reporter.report(Message.DUPLICATE_SANDBOX, s.origin(), firstMethod.getSimpleName(), m.getSimpleName());
        continue;
      }
      firstMethod = m;
      int errorsBefore = reporter.errorCount();
      if (!signature(m)) {
        reporter.report(Message.BAD_SANDBOX_METHOD, s.origin(), m.getSimpleName());
      }
      long priority = s.longValue("priority");
      if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
        reporter.report(Message.SANDBOX_PRIORITY_OUT_OF_RANGE, s.origin("priority"), priority, MIN_PRIORITY,
            MAX_PRIORITY);
      }
      if (reporter.errorCount() == errorsBefore) {
        out = new SandboxModel(m.getSimpleName().toString(), (int) priority, s.bool("networkIsolation"),
            s.bool("filesystemIsolation"), s.bool("unprivilegedExecution"), s.string("description"));
      }
    }
    return out;
  }

  private boolean signature(ExecutableElement m) {
    if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)
        || !m.getTypeParameters().isEmpty() || !isType(m.getReturnType(), Names.EXPLORE_BACKEND)) {
      return false;
    }
    List<? extends VariableElement> ps = m.getParameters();
    return ps.size() == 1 && isType(ps.get(0).asType(), "java.nio.file.Path");
  }

  private boolean isType(TypeMirror t, String qualifiedName) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(qualifiedName);
  }
}
