package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.RoutesModel;
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
 * Reads the {@code @Routes} method of an interaction plugin: at most one, {@code public void name(Router)} on the
 * plugin class. The paths it registers are only known when it runs, so the host checks those at wiring.
 */
final class RoutesReader {
  static final String ROUTES = Names.PKG + "Routes";
  static final String ROUTER = "dev.atomemo4j.runtime.routes.Router";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  RoutesReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** {@code @Routes} on a method outside any {@code @Plugin} class: the host would never mount it. */
  static void reportMisplaced(RoundEnvironment round, Elements elements, Reporter reporter) {
    TypeElement annotation = elements.getTypeElement(ROUTES);
    if (annotation == null) {
      return;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
      Element owner = m.getEnclosingElement();
      if (Mirror.find(owner, Names.PLUGIN, elements) == null) {
        reporter.report(Message.ROUTES_OUTSIDE_PLUGIN, Mirror.find(m, ROUTES, elements).origin(), m.getSimpleName(),
            owner.getSimpleName());
      }
    }
  }

  /** The first {@code @Routes} method's mirror, valid or not, or null: whether the plugin provides INTERACTION. */
  Mirror first(TypeElement pluginClass) {
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      Mirror r = Mirror.find(m, ROUTES, elements);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** The model, or null when the plugin declares no (valid) {@code @Routes} method; reports every mistake. */
  RoutesModel read(TypeElement pluginClass) {
    RoutesModel found = null;
    ExecutableElement first = null;
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      Mirror r = Mirror.find(m, ROUTES, elements);
      if (r == null) {
        continue;
      }
      if (first != null) {
        reporter.report(Message.DUPLICATE_ROUTES, r.origin(), first.getSimpleName(), m.getSimpleName());
        continue;
      }
      first = m;
      long timeout = r.longValue("timeoutMs");
      if (timeout < 0) {
        reporter.report(Message.NEGATIVE_TIMEOUT, r.origin("timeoutMs"), timeout);
      }
      if (!valid(m)) {
        reporter.report(Message.BAD_ROUTES_METHOD, r.origin(), m.getSimpleName());
        continue;
      }
      found = new RoutesModel(m.getSimpleName().toString(), Math.max(0, timeout));
    }
    return found;
  }

  private boolean valid(ExecutableElement m) {
    if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)
        || !m.getTypeParameters().isEmpty() || m.getReturnType().getKind() != TypeKind.VOID) {
      return false;
    }
    List<? extends VariableElement> ps = m.getParameters();
    if (ps.size() != 1) {
      return false;
    }
    TypeMirror t = ps.get(0).asType();
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(ROUTER);
  }
}
