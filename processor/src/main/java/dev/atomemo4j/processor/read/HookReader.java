package dev.atomemo4j.processor.read;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.HookModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Reads the {@code @Hook} methods of a plugin class (atlas-features.md §7, §16 row 3): the signature fixed by the
 * hook point (the point's event, an optional PluginContext, the point's rewrite or void for the two mutable points
 * and void for the others), a matcher that names a {@code boolean name(Event)} method of the class (with a
 * did-you-mean), and a deadline that is not negative. Every mistake is reported; only valid hooks are returned.
 */
final class HookReader {

  /** What a hook at one point takes and may return. */
  private record Rule(String event, String rewrite) {
    String eventSimple() {
      return AtlasReader.simple(event);
    }

    String describe() {
      String returns = rewrite == null ? "returning void" : "returning " + AtlasReader.simple(rewrite) + " or void";
      return returns + " and taking one " + eventSimple();
    }

    String example(CharSequence method) {
      String returns = rewrite == null ? "void" : AtlasReader.simple(rewrite);
      return "public " + returns + " " + method + "(" + eventSimple() + " event)";
    }
  }

  private static final Map<HookPoint, Rule> RULES = rules();

  private static Map<HookPoint, Rule> rules() {
    Map<HookPoint, Rule> rules = new EnumMap<>(HookPoint.class);
    rules.put(HookPoint.BEFORE_QUERY, new Rule(Names.HOOKS + "QueryEvent", Names.HOOKS + "QueryRewrite"));
    rules.put(HookPoint.AFTER_QUERY, new Rule(Names.HOOKS + "QueryResultEvent", null));
    rules.put(HookPoint.BEFORE_EXPLORE, new Rule(Names.HOOKS + "ExploreEvent", Names.HOOKS + "ExploreRewrite"));
    rules.put(HookPoint.AFTER_EXPLORE, new Rule(Names.HOOKS + "ExploreResultEvent", null));
    rules.put(HookPoint.ON_REQUEST, new Rule(Names.HOOKS + "RequestEvent", null));
    rules.put(HookPoint.ON_RESPONSE, new Rule(Names.HOOKS + "ResponseEvent", null));
    for (HookPoint point : HookPoint.values()) {
      if (!rules.containsKey(point)) {
        throw new IllegalStateException("no signature rule for hook point " + point);
      }
    }
    return rules;
  }

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  HookReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** {@code @Hook} on a method outside any {@code @Plugin} class: the host would never call it. */
  static void reportMisplaced(RoundEnvironment round, Elements elements, Reporter reporter) {
    TypeElement annotation = elements.getTypeElement(Names.HOOK);
    if (annotation == null) {
      return;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
      Element owner = m.getEnclosingElement();
      if (Mirror.find(owner, Names.PLUGIN, elements) == null) {
        reporter.report(Message.HOOK_OUTSIDE_PLUGIN, Mirror.find(m, Names.HOOK, elements).origin(),
            m.getSimpleName(), owner.getSimpleName());
      }
    }
  }

  /** The valid hooks, in source order; java.util.List.of() when the plugin declares none. */
  List<HookModel> read(TypeElement pluginClass) {
    List<HookModel> out = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      Mirror hook = Mirror.find(m, Names.HOOK, elements);
      if (hook == null) {
        continue;
      }
      int errorsBefore = reporter.errorCount();
      HookPoint point = HookPoint.valueOf(hook.enumName("value"));
      Rule rule = RULES.get(point);
      long timeout = hook.longValue("timeoutMs");
      if (timeout < 0) {
        reporter.report(Message.NEGATIVE_TIMEOUT, hook.origin("timeoutMs"), timeout);
      }
      Boolean returnsRewrite = returnsRewrite(m, rule);
      Boolean withContext = returnsRewrite == null ? null : parameters(m, rule);
      if (withContext == null) {
        reporter.report(Message.BAD_HOOK_SIGNATURE, hook.origin(), point.name(), m.getSimpleName(), rule.describe(),
            rule.example(m.getSimpleName()));
      }
      String matcher = hook.string("matcher");
      if (!matcher.isEmpty()) {
        matcher(pluginClass, m, hook, point, rule, matcher);
      }
      if (reporter.errorCount() == errorsBefore) {
        out.add(new HookModel(point, m.getSimpleName().toString(), ClassName.bestGuess(rule.event()),
            returnsRewrite, withContext, timeout, matcher.isEmpty() ? null : matcher));
      }
    }
    return out;
  }

  /** Null when the method is not a public instance method or returns what the point does not allow. */
  private Boolean returnsRewrite(ExecutableElement m, Rule rule) {
    if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)
        || !m.getTypeParameters().isEmpty()) {
      return null;
    }
    TypeMirror r = m.getReturnType();
    if (r.getKind() == TypeKind.VOID) {
      return Boolean.FALSE;
    }
    return rule.rewrite() != null && isType(r, rule.rewrite()) ? Boolean.TRUE : null;
  }

  /** Null when the parameters are not (event) or (event, PluginContext); else whether the context is taken. */
  private Boolean parameters(ExecutableElement m, Rule rule) {
    List<? extends VariableElement> ps = m.getParameters();
    if (ps.isEmpty() || ps.size() > 2 || !isType(ps.get(0).asType(), rule.event())) {
      return null;
    }
    if (ps.size() == 1) {
      return Boolean.FALSE;
    }
    return isType(ps.get(1).asType(), Names.PLUGIN_CONTEXT) ? Boolean.TRUE : null;
  }

  /** Reports a matcher that names no method, or only methods that are not {@code public boolean name(Event)}. */
  private void matcher(TypeElement pluginClass, ExecutableElement hookMethod, Mirror hook, HookPoint point,
      Rule rule, String name) {
    boolean named = false;
    for (ExecutableElement candidate : ElementFilter.methodsIn(elements.getAllMembers(pluginClass))) {
      if (!candidate.getSimpleName().contentEquals(name)) {
        continue;
      }
      named = true;
      if (isMatcher(candidate, rule)) {
        return;
      }
    }
    if (named) {
      reporter.report(Message.BAD_HOOK_MATCHER, hook.origin("matcher"), name, point.name(),
          hookMethod.getSimpleName(), rule.eventSimple());
      return;
    }
    Set<String> methods = new LinkedHashSet<>();
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      methods.add(m.getSimpleName().toString());
    }
    String near = dev.atomemo4j.model.validate.Names.closest(name, methods);
    reporter.report(Message.UNKNOWN_HOOK_MATCHER, hook.origin("matcher"), hookMethod.getSimpleName(), name,
        pluginClass.getSimpleName(), near == null ? "" : "; did you mean \"" + near + "\"?", rule.eventSimple());
  }

  private boolean isMatcher(ExecutableElement m, Rule rule) {
    return m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC)
        && m.getTypeParameters().isEmpty() && m.getReturnType().getKind() == TypeKind.BOOLEAN
        && m.getParameters().size() == 1 && isType(m.getParameters().get(0).asType(), rule.event());
  }

  private boolean isType(TypeMirror t, String qualifiedName) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(qualifiedName);
  }
}
