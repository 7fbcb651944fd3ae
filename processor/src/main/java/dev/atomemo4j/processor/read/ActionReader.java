package dev.atomemo4j.processor.read;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.ActionModel;
import dev.atomemo4j.processor.model.ToolModel;
import dev.atomemo4j.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the {@code @Action} methods of a plugin class: parameters and result exactly as a tool's (one record, or
 * {@code @Param}-named parameters, and an optional ToolContext), a unique name among tools and actions, credential
 * references that resolve (with a did-you-mean), and summary placeholders that name non-secret parameters.
 */
final class ActionReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{5,65}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private final Elements elements;
  private final Reporter reporter;
  private final TypeMapper mapper;

  ActionReader(Elements elements, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** {@code @Action} on a method outside any {@code @Plugin} class: nothing would ever run it. */
  static void reportMisplaced(RoundEnvironment round, Elements elements, Reporter reporter) {
    TypeElement annotation = elements.getTypeElement(Names.ACTION);
    if (annotation == null) {
      return;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
      Element owner = m.getEnclosingElement();
      if (Mirror.find(owner, Names.PLUGIN, elements) == null) {
        reporter.report(Message.ACTION_OUTSIDE_PLUGIN, Mirror.find(m, Names.ACTION, elements).origin(),
            m.getSimpleName(), owner.getSimpleName());
      }
    }
  }

  /** The first {@code @Action} method's mirror, or null: whether the plugin provides the ACTION type. */
  Mirror firstAction(TypeElement pluginClass) {
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      Mirror a = Mirror.find(m, Names.ACTION, elements);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  /**
   * @param toolNames the plugin's tool names, which actions may not reuse
   * @param credentialNames the names of the plugin's {@code @Credential}s
   */
  List<ActionModel> read(TypeElement pluginClass, Set<String> toolNames, Set<String> credentialNames,
      boolean servesHubTools) {
    List<ActionModel> out = new ArrayList<>();
    Map<String, String> taken = new LinkedHashMap<>();
    toolNames.forEach(t -> taken.put(t, "tool " + t));
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      Mirror a = Mirror.find(m, Names.ACTION, elements);
      if (a == null) {
        continue;
      }
      int errorsBefore = reporter.errorCount();
      String name = a.string("name");
      if (!NAME.matcher(name).matches()) {
        reporter.report(Message.BAD_ACTION_NAME, a.origin("name"), name);
      } else if (taken.containsKey(name)) {
        reporter.report(Message.DUPLICATE_ACTION_NAME, a.origin("name"), name, taken.get(name));
      } else {
        taken.put(name, "action " + name + " (" + m.getSimpleName() + ")");
      }
      if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)
          || !m.getTypeParameters().isEmpty()) {
        reporter.report(Message.BAD_ACTION_METHOD, a.origin(), m.getSimpleName());
        continue;
      }
      List<String> credentials = a.strings("credentials");
      for (int i = 0; i < credentials.size(); i++) {
        String c = credentials.get(i);
        if (!credentialNames.contains(c)) {
          String near = dev.atomemo4j.model.validate.Names.closest(c, credentialNames);
          Origin at = a.origin("credentials").withValue(a.list("credentials").get(i));
          reporter.report(Message.UNKNOWN_ACTION_CREDENTIAL, at, name, c,
              near == null ? "" : "; did you mean \"" + near + "\"?");
        }
      }
      ToolModel call = call(pluginClass, m, name);
      if (call == null || reporter.errorCount() > errorsBefore) {
        continue;
      }
      String summary = a.string("summary");
      summary(summary, call, name, a);
      Approval approval = Approval.valueOf(a.enumName("approval"));
      if (servesHubTools && approval != Approval.AUTO) {
        reporter.report(Message.ACTION_NOT_AUTO_ON_HUB, a.origin("approval"), name, approval.wireName());
      }
      long timeoutMs = a.longValue("timeoutMs");
      if (timeoutMs < 0) {
        reporter.report(Message.NEGATIVE_TIMEOUT, a.origin("timeoutMs"), timeoutMs);
      }
      if (reporter.errorCount() == errorsBefore) {
        out.add(new ActionModel(name, a.string("description"), a.string("actionType"), a.bool("reversible"),
            approval, credentials, summary, timeoutMs, call));
      }
    }
    return out;
  }

  private void summary(String summary, ToolModel call, String action, Mirror a) {
    Matcher matcher = PLACEHOLDER.matcher(summary);
    List<String> names = call.input().fields().stream().map(TypeRef.Field::name).toList();
    while (matcher.find()) {
      String p = matcher.group(1);
      TypeRef.Field f = call.input().fields().stream().filter(x -> x.name().equals(p)).findFirst().orElse(null);
      if (f == null) {
        String near = dev.atomemo4j.model.validate.Names.closest(p, names);
        reporter.report(Message.UNKNOWN_SUMMARY_PLACEHOLDER, a.origin("summary"), action, p,
            near == null ? "" : "; did you mean {" + near + "}?");
      } else if (isSecret(f.type())) {
        reporter.report(Message.SECRET_IN_SUMMARY, a.origin("summary"), action, p);
      }
    }
  }

  private static boolean isSecret(TypeRef t) {
    TypeRef inner = t instanceof TypeRef.OptT o ? o.inner() : t;
    return inner.javaType().toString().equals(Names.SECRET);
  }

  /** The method as a tool call: the same input and argument rules as {@code @Tool}. */
  private ToolModel call(TypeElement owner, ExecutableElement method, String name) {
    int errorsBefore = reporter.errorCount();
    MethodInputs.Read inputs = new MethodInputs(elements, reporter, mapper).read(method, "action", name);
    if (reporter.errorCount() > errorsBefore) {
      return null;
    }
    List<ToolModel.Arg> args = inputs.args();
    TypeRef.ObjT input = inputs.input();
    boolean recordInput = inputs.recordInput();
    TypeMirror returnType = method.getReturnType();
    boolean async = false;
    if (returnType.getKind() == TypeKind.DECLARED) {
      DeclaredType dt = (DeclaredType) returnType;
      String rn = ((TypeElement) dt.asElement()).getQualifiedName().toString();
      if ((rn.equals("java.util.concurrent.CompletableFuture") || rn.equals("java.util.concurrent.CompletionStage"))
          && dt.getTypeArguments().size() == 1) {
        async = true;
        returnType = dt.getTypeArguments().get(0);
      }
    }
    TypeRef result = null;
    if (returnType.getKind() == TypeKind.DECLARED && isRecordResult(returnType)) {
      result = mapper.map(returnType, method, "result of action " + name);
    }
    return new ToolModel(name, ClassName.get(owner), false, method.getSimpleName().toString(), input, recordInput,
        args, result, async, method.getReturnType().getKind() == TypeKind.VOID, 0, List.of(), List.of(),
        new ToolModel.Hints(null, null, null, null));
  }

  /** A typed result: a record that is not a credential. */
  private boolean isRecordResult(TypeMirror t) {
    if (t.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement te = (TypeElement) ((DeclaredType) t).asElement();
    return te.getKind() == javax.lang.model.element.ElementKind.RECORD
        && Mirror.find(te, Names.CREDENTIAL, elements) == null;
  }
}
