package dev.atomemo4j.processor.read;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.AtlasModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the Atlas side of a {@code @Plugin}: its types (checked both ways against the elements that provide them),
 * its lifecycle methods (fixed signatures, at most one each), how the plugin object is created, and its config
 * (through {@link ConfigReader}). Reports every mistake; the caller discards the model when any was reported.
 */
public final class AtlasReader {

  /** A lifecycle annotation's signature rule. */
  private record Rule(String annotation, String returnType, String parameter, boolean parameterOptional,
      String example) {
    String simple() {
      return annotation.substring(annotation.lastIndexOf('.') + 1);
    }
  }

  private static final List<Rule> RULES = List.of(
      new Rule(Names.INITIALIZE, "void", Names.PLUGIN_CONTEXT, true,
          "public void initialize() or public void initialize(PluginContext context)"),
      new Rule(Names.HEALTH_CHECK, Names.HEALTH_RESULT, null, false, "public HealthResult healthCheck()"),
      new Rule(Names.TEARDOWN, "void", null, false, "public void teardown()"),
      new Rule(Names.ON_UNINSTALL, "void", "java.lang.String", false,
          "public void onUninstall(String workspaceId)"),
      new Rule(Names.CONTEXT_PROVIDER, "java.lang.String", null, false, "public String loadContext()"),
      new Rule(Names.REFRESH, "void", null, false, "public void refresh()"));

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final ConfigReader configs;
  private final ActionReader actions;
  private final HookReader hooks;
  private final DatasourceReader datasources;
  private final SandboxReader sandboxes;
  private final RoutesReader routes;
  private final SchemaReader schemas;

  public AtlasReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.configs = new ConfigReader(elements, types, reporter, mapper);
    this.actions = new ActionReader(elements, reporter, mapper);
    this.hooks = new HookReader(elements, types, reporter, mapper);
    this.datasources = new DatasourceReader(elements, types, reporter, mapper);
    this.sandboxes = new SandboxReader(elements, types, reporter, mapper);
    this.routes = new RoutesReader(elements, types, reporter, mapper);
    this.schemas = new SchemaReader(elements, types, reporter, mapper);
  }

  /**
   * Lifecycle annotations on methods outside any {@code @Plugin} class: the host would never call them. Checked
   * per round, on the elements of that round.
   */
  public static void reportMisplaced(RoundEnvironment round, Elements elements, Reporter reporter) {
    for (String a : Names.LIFECYCLE) {
      TypeElement annotation = elements.getTypeElement(a);
      if (annotation == null) {
        continue;
      }
      for (ExecutableElement m : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
        Element owner = m.getEnclosingElement();
        if (Mirror.find(owner, Names.PLUGIN, elements) == null) {
          Mirror mm = Mirror.find(m, a, elements);
          reporter.report(Message.LIFECYCLE_OUTSIDE_PLUGIN, mm.origin(), simple(a), m.getSimpleName(),
              owner.getSimpleName());
        }
      }
    }
    ActionReader.reportMisplaced(round, elements, reporter);
    SandboxReader.reportMisplaced(round, elements, reporter);
    RoutesReader.reportMisplaced(round, elements, reporter);
    DatasourceReader.reportMisplaced(round, elements, reporter);
    HookReader.reportMisplaced(round, elements, reporter);
    SchemaReader.reportMisplaced(round, elements, reporter);
  }

  /**
   * The Atlas model, or null when the plugin declares no Atlas part at all.
   *
   * @param toolNames the plugin's tools, whose names actions may not reuse
   */
  public AtlasModel read(TypeElement pluginClass, Mirror plugin, java.util.Set<String> toolNames) {
    Map<String, Found> lifecycle = lifecycle(pluginClass);
    Mirror firstAction = actions.firstAction(pluginClass);
    List<AnnotationValue> typeValues = plugin.list("types");
    TypeMirror configType = plugin.types("config").stream().filter(t -> t.getKind() != TypeKind.VOID)
        .findFirst().orElse(null);
    boolean required = plugin.bool("required");
    List<dev.atomemo4j.processor.model.HookModel> hookModels = hooks.read(pluginClass);
    dev.atomemo4j.processor.model.DatasourceModel datasource = datasources.read(pluginClass);
    dev.atomemo4j.processor.model.SandboxModel sandbox = sandboxes.read(pluginClass);
    dev.atomemo4j.processor.model.RoutesModel routesModel = routes.read(pluginClass);
    dev.atomemo4j.processor.model.SchemaModel schema = schemas.read(pluginClass);
    boolean parts = !hookModels.isEmpty() || datasource != null || sandbox != null || routesModel != null
        || schema != null;
    Mirror firstRoutes = routes.first(pluginClass);
    if (lifecycle.isEmpty() && typeValues.isEmpty() && configType == null && !required && firstAction == null
        && firstRoutes == null && !parts) {
      return null;
    }

    List<PluginType> declared = types(typeValues, plugin, lifecycle, firstAction, sandboxes.first(pluginClass),
        datasources.firstDatasource(pluginClass));
    checkProvided(PluginType.INTERACTION, firstRoutes, "@Routes", typeValues, plugin);
    java.util.Set<String> credentialNames = new java.util.LinkedHashSet<>();
    for (TypeMirror t : plugin.types("credentials")) {
      Element e = types.asElement(t);
      Mirror c = e == null ? null : Mirror.find(e, Names.CREDENTIAL, elements);
      if (c != null) {
        credentialNames.add(c.string("name"));
      }
    }
    List<dev.atomemo4j.processor.model.ActionModel> actionModels =
        actions.read(pluginClass, toolNames, credentialNames, !toolNames.isEmpty());
    AtlasModel.ConfigModel config = configType == null ? null : configs.read(configType, plugin.origin("config"));
    if (lifecycle.containsKey(Names.REFRESH) && !lifecycle.containsKey(Names.CONTEXT_PROVIDER)) {
      Found r = lifecycle.get(Names.REFRESH);
      reporter.report(Message.REFRESH_WITHOUT_PROVIDER, r.mirror().origin(), r.method().getSimpleName());
    }
    AtlasModel.Construction construction = construction(pluginClass, configType, config, lifecycle,
        firstAction != null || parts);
    return new AtlasModel(declared, required, config, construction,
        model(lifecycle, Names.INITIALIZE), model(lifecycle, Names.HEALTH_CHECK), model(lifecycle, Names.TEARDOWN),
        model(lifecycle, Names.ON_UNINSTALL), model(lifecycle, Names.CONTEXT_PROVIDER),
        model(lifecycle, Names.REFRESH), actionModels, hookModels, datasource, sandbox, routesModel, schema);
  }

  private record Found(ExecutableElement method, Mirror mirror, boolean withContext) {}

  /** The valid lifecycle methods of the plugin class, by annotation; reports bad signatures and duplicates. */
  private Map<String, Found> lifecycle(TypeElement pluginClass) {
    Map<String, Found> out = new LinkedHashMap<>();
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      for (Rule rule : RULES) {
        Mirror mm = Mirror.find(m, rule.annotation(), elements);
        if (mm == null) {
          continue;
        }
        long timeout = mm.longValue("timeoutMs");
        if (timeout < 0) {
          reporter.report(Message.NEGATIVE_TIMEOUT, mm.origin("timeoutMs"), timeout);
        }
        Boolean withContext = signature(m, rule);
        if (withContext == null) {
          reporter.report(Message.BAD_LIFECYCLE_SIGNATURE, mm.origin(), rule.simple(), m.getSimpleName(),
              describe(rule), rule.example());
          continue;
        }
        Found previous = out.putIfAbsent(rule.annotation(), new Found(m, mm, withContext));
        if (previous != null) {
          reporter.report(Message.DUPLICATE_LIFECYCLE, mm.origin(), rule.simple(), previous.method().getSimpleName(),
              m.getSimpleName());
        }
      }
    }
    return out;
  }

  /** Null when {@code m} breaks the rule; else whether it takes the (optional) parameter. */
  private Boolean signature(ExecutableElement m, Rule rule) {
    if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)
        || !m.getTypeParameters().isEmpty() || !returns(m, rule.returnType())) {
      return null;
    }
    List<? extends VariableElement> ps = m.getParameters();
    if (ps.isEmpty()) {
      return rule.parameter() == null || rule.parameterOptional() ? Boolean.FALSE : null;
    }
    if (ps.size() == 1 && rule.parameter() != null && isType(ps.get(0).asType(), rule.parameter())) {
      return Boolean.TRUE;
    }
    return null;
  }

  private boolean returns(ExecutableElement m, String type) {
    TypeMirror r = m.getReturnType();
    return type.equals("void") ? r.getKind() == TypeKind.VOID : isType(r, type);
  }

  private boolean isType(TypeMirror t, String qualifiedName) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(qualifiedName);
  }

  private static String describe(Rule rule) {
    String returns = rule.returnType().equals("void") ? "returning void" : "returning " + simple(rule.returnType());
    String takes = rule.parameter() == null ? "taking nothing"
        : rule.parameterOptional() ? "taking nothing or one " + simple(rule.parameter())
        : "taking one " + simple(rule.parameter());
    return "a public instance method " + returns + " and " + takes;
  }

  private List<PluginType> types(List<AnnotationValue> values, Mirror plugin, Map<String, Found> lifecycle,
      Mirror firstAction, Mirror firstSandbox, Mirror firstDatasource) {
    Map<PluginType, AnnotationValue> seen = new EnumMap<>(PluginType.class);
    List<PluginType> out = new ArrayList<>();
    for (AnnotationValue v : values) {
      PluginType t = PluginType.valueOf(((VariableElement) v.getValue()).getSimpleName().toString());
      Origin at = plugin.origin("types").withValue(v);
      if (seen.putIfAbsent(t, v) != null) {
        reporter.report(Message.DUPLICATE_TYPE, at, t.name());
        continue;
      }
      out.add(t);
      if (t == PluginType.CONTEXT && !lifecycle.containsKey(Names.CONTEXT_PROVIDER)) {
        reporter.report(Message.TYPE_WITHOUT_PROVIDER, at, t.name(), "@ContextProvider");
      } else if (t == PluginType.ACTION && firstAction == null) {
        reporter.report(Message.TYPE_WITHOUT_PROVIDER, at, t.name(), "@Action");
      } else if (t == PluginType.SANDBOX && firstSandbox == null) {
        reporter.report(Message.TYPE_WITHOUT_PROVIDER, at, t.name(), "@Sandbox");
      } else if (t == PluginType.DATASOURCE && firstDatasource == null) {
        reporter.report(Message.TYPE_WITHOUT_PROVIDER, at, t.name(), "@Datasource");
      }
    }
    if (firstAction != null && !seen.containsKey(PluginType.ACTION)) {
      reporter.report(Message.PROVIDER_WITHOUT_TYPE, firstAction.origin(),
          "@Action method " + firstAction.element().getSimpleName(), PluginType.ACTION.name());
    }
    if (firstSandbox != null && !seen.containsKey(PluginType.SANDBOX)) {
      reporter.report(Message.PROVIDER_WITHOUT_TYPE, firstSandbox.origin(),
          "@Sandbox method " + firstSandbox.element().getSimpleName(), PluginType.SANDBOX.name());
    }
    if (firstDatasource != null && !seen.containsKey(PluginType.DATASOURCE)) {
      reporter.report(Message.PROVIDER_WITHOUT_TYPE, firstDatasource.origin(),
          "@Datasource method " + firstDatasource.element().getSimpleName(), PluginType.DATASOURCE.name());
    }
    Found provider = lifecycle.get(Names.CONTEXT_PROVIDER);
    if (provider != null && !seen.containsKey(PluginType.CONTEXT)) {
      reporter.report(Message.PROVIDER_WITHOUT_TYPE, provider.mirror().origin(),
          "@ContextProvider method " + provider.method().getSimpleName(), PluginType.CONTEXT.name());
    }
    return out;
  }

  /**
   * The both-ways check of one type whose provider is a single annotated method: declared without it
   * ({@code type-without-provider}, on the type's value), or present without the type declared
   * ({@code provider-without-type}, on the method's annotation).
   */
  private void checkProvided(PluginType type, Mirror provider, String annotation, List<AnnotationValue> values,
      Mirror plugin) {
    AnnotationValue declared = null;
    for (AnnotationValue v : values) {
      if (((VariableElement) v.getValue()).getSimpleName().contentEquals(type.name())) {
        declared = v;
        break;
      }
    }
    if (declared != null && provider == null) {
      reporter.report(Message.TYPE_WITHOUT_PROVIDER, plugin.origin("types").withValue(declared), type.name(),
          annotation);
    } else if (declared == null && provider != null) {
      reporter.report(Message.PROVIDER_WITHOUT_TYPE, provider.origin(),
          annotation + " method " + provider.element().getSimpleName(), type.name());
    }
  }

  /** How the registry creates the plugin object; reports a class it cannot create. */
  private AtlasModel.Construction construction(TypeElement pluginClass, TypeMirror configType,
      AtlasModel.ConfigModel config, Map<String, Found> lifecycle, boolean hasMethods) {
    if (configType == null && lifecycle.isEmpty() && !hasMethods) {
      return AtlasModel.Construction.NONE;
    }
    boolean nested = pluginClass.getNestingKind() == NestingKind.MEMBER;
    if (!TypeMapper.isPublic(pluginClass) || pluginClass.getModifiers().contains(Modifier.ABSTRACT)
        || pluginClass.getKind() != ElementKind.CLASS
        || (nested && !pluginClass.getModifiers().contains(Modifier.STATIC))) {
      reporter.report(Message.BAD_PLUGIN_CLASS, Origin.of(pluginClass), pluginClass.getSimpleName(),
          nested ? "a public static, non-abstract class" : "a public, non-abstract class");
      return AtlasModel.Construction.NONE;
    }
    boolean noArg = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(pluginClass.getEnclosedElements())) {
      if (!c.getModifiers().contains(Modifier.PUBLIC)) {
        continue;
      }
      List<? extends VariableElement> ps = c.getParameters();
      if (configType != null && ps.size() == 1 && types.isSameType(types.erasure(ps.get(0).asType()),
          types.erasure(configType))) {
        return AtlasModel.Construction.WITH_CONFIG;
      }
      noArg |= ps.isEmpty();
    }
    if (noArg) {
      return AtlasModel.Construction.NO_ARG;
    }
    String configName = configType == null ? "its config" : types.asElement(configType).getSimpleName().toString();
    reporter.report(Message.NO_PLUGIN_CONSTRUCTOR, Origin.of(pluginClass), pluginClass.getSimpleName(), configName);
    return AtlasModel.Construction.NONE;
  }

  private static AtlasModel.Lifecycle model(Map<String, Found> lifecycle, String annotation) {
    Found f = lifecycle.get(annotation);
    return f == null ? null : new AtlasModel.Lifecycle(f.method().getSimpleName().toString(), f.withContext(),
        Math.max(0, f.mirror().longValue("timeoutMs")));
  }

  static String simple(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
