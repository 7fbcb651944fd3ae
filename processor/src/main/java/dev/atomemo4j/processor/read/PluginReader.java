package dev.atomemo4j.processor.read;

import static dev.atomemo4j.model.io.Pointers.child;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.ModelDefinition;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.ToolDefinition;
import dev.atomemo4j.model.property.LocatorMode;
import dev.atomemo4j.model.property.Property;
import dev.atomemo4j.model.property.ResourceLocatorProperty;
import dev.atomemo4j.model.property.ResourceMapperProperty;
import dev.atomemo4j.model.validate.DefinitionValidator;
import dev.atomemo4j.model.validate.Violation;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.OriginTable;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.ActionModel;
import dev.atomemo4j.processor.model.AtlasModel;
import dev.atomemo4j.processor.model.CredentialModel;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.ToolModel;
import dev.atomemo4j.processor.model.TypeRef;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Plugin} and everything it lists into a {@link PluginModel}: the definition (checked by the
 * model's validator, with every finding placed on the element, annotation and value it came from) and the
 * bindings the registry needs. Returns null when anything was wrong; every problem has been reported by then.
 */
public final class PluginReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Map<String, String> options;
  private final ResourceFinder resources;
  private final TypeMapper mapper;
  private final OriginTable origins = new OriginTable();
  private final Set<Element> originating = new LinkedHashSet<>();
  private final Set<String> reportedUnowned = new LinkedHashSet<>();
  private Texts texts;
  private PropertyBuilder properties;

  public PluginReader(ProcessingEnvironment env, Reporter reporter) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.reporter = reporter;
    this.options = env.getOptions();
    this.resources = new ResourceFinder(env.getFiler(), options.get("atomemo4j.resources"));
    this.mapper = new TypeMapper(elements, types, reporter);
  }

  /** Credential records this plugin's tools use without listing them, already reported as not-owned. */
  public Set<String> reportedUnowned() {
    return reportedUnowned;
  }

  /** The elements every output of this plugin depends on (for the Filer and Gradle). */
  public Set<Element> originatingElements() {
    return originating;
  }

  public PluginModel read(TypeElement pluginClass) {
    int errorsBefore = reporter.errorCount();
    Mirror plugin = Mirror.find(pluginClass, Names.PLUGIN, elements);
    originating.add(pluginClass);
    origins.put("", plugin.origin());

    List<String> locales = plugin.strings("locales");
    texts = new Texts(bundles(pluginClass, plugin, locales), reporter);
    properties = new PropertyBuilder(texts, origins, mapper.params(), reporter);

    String name = plugin.string("name");
    origins.put("/name", plugin.origin("name"));
    origins.put("/display_name", plugin.origin("displayName"));
    origins.put("/description", plugin.origin("description"));
    origins.put("/icon", plugin.origin("icon"));
    origins.put("/lang", plugin.origin("lang"));
    origins.put("/repo", plugin.origin("repo"));
    origins.put("/locales", plugin.origin("locales"));
    origins.put("/version", plugin.origin("version"));
    origins.put("/credentials", plugin.origin("credentials"));
    origins.put("/tools", plugin.origin("tools"));
    String icon = plugin.string("icon");

    List<CredentialDefinition> credentialDefs = new ArrayList<>();
    List<CredentialModel> credentialModels = new ArrayList<>();
    for (TypeMirror t : plugin.types("credentials")) {
      credential(t, plugin, icon, credentialDefs, credentialModels);
    }
    List<ModelDefinition> models = new ArrayList<>();
    for (Mirror m : Mirror.findAll(pluginClass, Names.MODEL, Names.MODELS, elements)) {
      models.add(model(m, icon, child("/models", models.size())));
    }
    List<ToolDefinition> toolDefs = new ArrayList<>();
    List<ToolModel> toolModels = new ArrayList<>();
    for (TypeMirror t : plugin.types("tools")) {
      toolClass(t, plugin, icon, toolDefs, toolModels);
    }

    PluginDefinition definition = new PluginDefinition(
        name,
        texts.text(plugin.string("displayName"), "plugin.display_name", plugin.origin("displayName")),
        texts.text(plugin.string("description"), "plugin.description", plugin.origin("description")),
        icon,
        plugin.string("lang"),
        plugin.stringOrNull("repo"),
        locales,
        options.get("atomemo4j.author"),
        options.get("atomemo4j.email"),
        version(plugin),
        credentialDefs,
        models,
        toolDefs);
    texts.finish(plugin.origin("translations"));

    Set<Element> unowned = new LinkedHashSet<>();
    for (Violation v : DefinitionValidator.validate(definition)) {
      TypeRef.CredentialT used = properties.credentialAt(v.pointer());
      if (v.code() == dev.atomemo4j.model.validate.ViolationCode.UNKNOWN_CREDENTIAL && used != null
          && used.element() != null) {
        // The record is a @Credential, just not listed: say that, once, on the record.
        if (unowned.add(used.element())) {
          reportedUnowned.add(((TypeElement) used.element()).getQualifiedName().toString());
          String simple = used.element().getSimpleName().toString();
          reporter.report(Message.NOT_OWNED, Origin.of(used.element()), "record " + simple, "Credential",
              "it, yet a tool takes it as a parameter", simple, "credentials");
        }
        continue;
      }
      reporter.report(v, origins, plugin.origin());
    }
    // The Atlas side never touches the definition: definition.json stays the Hub's format, byte for byte.
    AtlasModel atlas = new AtlasReader(elements, types, reporter, mapper).read(pluginClass, plugin,
        toolModels.stream().map(ToolModel::name).collect(java.util.stream.Collectors.toSet()));
    for (TypeMirror t : plugin.types("config")) {
      if (t.getKind() == TypeKind.DECLARED) {
        originating.add(types.asElement(t));
      }
    }
    if (reporter.errorCount() > errorsBefore) {
      return null;
    }
    definition = withAutoActions(definition, pluginClass, atlas, icon);
    return new PluginModel(ClassName.get(pluginClass), definition, toolModels, credentialModels, atlas);
  }

  /**
   * The Hub serves an {@code auto} action as a tool (it needs no person), so each one joins definition.json's tools
   * after the plugin's own, its parameters in the property DSL as a tool's. Any other action stays off the Hub, so
   * a plugin without an auto action keeps its definition byte for byte.
   */
  private PluginDefinition withAutoActions(PluginDefinition d, TypeElement pluginClass, AtlasModel atlas,
      String icon) {
    if (atlas == null || atlas.actions().stream().noneMatch(a -> a.approval() == Approval.AUTO)) {
      return d;
    }
    List<ToolDefinition> tools = new ArrayList<>(d.tools());
    for (ActionModel a : atlas.actions()) {
      if (a.approval() != Approval.AUTO) {
        continue;
      }
      ExecutableElement method = ElementFilter.methodsIn(pluginClass.getEnclosedElements()).stream()
          .filter(m -> m.getSimpleName().contentEquals(a.call().methodName())
              && Mirror.find(m, Names.ACTION, elements) != null)
          .findFirst().orElseThrow();
      String at = child("/tools", tools.size());
      origins.put(at, Origin.of(method));
      List<Property> parameters = properties.members(a.call().input(), method, child(at, "parameters"),
          "action." + a.name());
      tools.add(new ToolDefinition(a.name(), I18nText.en(a.name()), I18nText.en(a.description()), icon, parameters,
          null));
    }
    return new PluginDefinition(d.name(), d.displayName(), d.description(), d.icon(), d.lang(), d.repo(),
        d.locales(), d.author(), d.email(), d.version(), d.credentials(), d.models(), tools);
  }

  private String version(Mirror plugin) {
    String declared = plugin.stringOrNull("version");
    String build = options.get("atomemo4j.version");
    if (build != null && build.isBlank()) {
      build = null;
    }
    if (declared != null && build != null && !declared.equals(build)) {
      reporter.report(Message.VERSION_MISMATCH, plugin.origin("version"), declared, build);
    }
    String v = declared != null ? declared : build;
    if (v == null) {
      reporter.report(Message.MISSING_VERSION, plugin.origin());
    }
    return v;
  }

  private List<Texts.Bundle> bundles(TypeElement pluginClass, Mirror plugin, List<String> locales) {
    String base = plugin.stringOrNull("translations");
    if (base == null) {
      base = elements.getPackageOf(pluginClass).getQualifiedName().toString().replace('.', '/')
          + (elements.getPackageOf(pluginClass).isUnnamed() ? "" : "/") + pluginClass.getSimpleName();
    }
    List<Texts.Bundle> out = new ArrayList<>();
    for (String locale : locales) {
      String key = locale.replace('-', '_');
      if (key.equals("en_US")) {
        continue;
      }
      String path = base + "_" + key + ".properties";
      String text = resources.read(path);
      Properties p = null;
      if (text != null) {
        p = new Properties();
        try {
          p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
          reporter.report(Message.BAD_JSON_ATTRIBUTE, plugin.origin("translations"), path, e.getMessage());
        }
      }
      out.add(new Texts.Bundle(key, path, p));
    }
    return out;
  }

  // ---- credentials

  private void credential(TypeMirror t, Mirror plugin, String pluginIcon, List<CredentialDefinition> defs,
      List<CredentialModel> models) {
    TypeElement te = (TypeElement) types.asElement(t);
    Mirror c = te == null ? null : Mirror.find(te, Names.CREDENTIAL, elements);
    if (c == null || te.getKind() != ElementKind.RECORD) {
      reporter.report(Message.NOT_A_CREDENTIAL, plugin.origin("credentials"), t);
      return;
    }
    originating.add(te);
    String at = child("/credentials", defs.size());
    String name = c.string("name");
    origins.put(at, c.origin());
    origins.put(child(at, "name"), c.origin("name"));
    origins.put(child(at, "display_name"), c.origin("displayName"));
    origins.put(child(at, "description"), c.origin("description"));
    origins.put(child(at, "oauth2_grant_type"), c.origin("grantType"));
    origins.put(child(at, "parameters"), c.origin());
    TypeRef.ObjT obj = mapper.credentialRecord(te, "credential " + name);
    if (obj == null) {
      return; // the mapper reported why
    }
    String key = "credential." + name;
    List<Property> parameters = properties.members(obj, te, child(at, "parameters"), key);
    defs.add(new CredentialDefinition(
        name,
        texts.text(c.string("displayName"), key + ".display_name", c.origin("displayName")),
        texts.text(c.string("description"), key + ".description", c.origin("description")),
        c.stringOrNull("icon") != null ? c.string("icon") : pluginIcon,
        c.bool("oauth2") ? Boolean.TRUE : null,
        c.stringOrNull("grantType"),
        parameters));
    models.add(new CredentialModel(name, obj,
        callback(te, Names.AUTHENTICATE, Names.CREDENTIAL_REQUEST, false, null),
        callback(te, Names.OAUTH2_AUTHORIZE_URL, Names.OAUTH2_AUTHORIZE_REQUEST, true, "java.lang.String"),
        callback(te, Names.OAUTH2_GET_TOKEN, Names.OAUTH2_TOKEN_REQUEST, true, Names.TOKEN_PATCH),
        callback(te, Names.OAUTH2_REFRESH_TOKEN, Names.OAUTH2_REFRESH_REQUEST, false, Names.TOKEN_PATCH)));
    CredentialModel added = models.get(models.size() - 1);
    if (c.bool("oauth2")) {
      // The Hub's authorize button calls these two; without them the credential can never be connected.
      List<String> missing = new ArrayList<>();
      if (added.authorizeUrl() == null && !hasAnnotated(te, Names.OAUTH2_AUTHORIZE_URL)) {
        missing.add("@OAuth2AuthorizeUrl (returning the provider's authorize URL as a String)");
      }
      if (added.getToken() == null && !hasAnnotated(te, Names.OAUTH2_GET_TOKEN)) {
        missing.add("@OAuth2GetToken (exchanging the code for a TokenPatch)");
      }
      if (!missing.isEmpty()) {
        reporter.report(Message.MISSING_OAUTH2_CALLBACK, c.origin("oauth2"), te.getSimpleName(),
            String.join(" and no ", missing));
      }
    }
    if (!c.bool("oauth2")) {
      for (String a : List.of(Names.OAUTH2_AUTHORIZE_URL, Names.OAUTH2_GET_TOKEN, Names.OAUTH2_REFRESH_TOKEN)) {
        for (ExecutableElement m : ElementFilter.methodsIn(te.getEnclosedElements())) {
          Mirror mm = Mirror.find(m, a, elements);
          if (mm != null) {
            reporter.report(Message.BAD_METHOD_SHAPE, mm.origin(), "@" + simple(a) + " needs @Credential(oauth2 = "
                + "true) on " + te.getSimpleName());
          }
        }
      }
    }
  }

  /** The method annotated {@code annotation}: an instance method, optionally taking {@code requestType}. */
  private boolean hasAnnotated(TypeElement record, String annotation) {
    return ElementFilter.methodsIn(record.getEnclosedElements()).stream()
        .anyMatch(m -> Mirror.find(m, annotation, elements) != null);
  }

  /** As below; {@code returns} is the qualified name the method must return, or null for any value. */
  private CredentialModel.Callback callback(TypeElement record, String annotation, String requestType,
      boolean requestRequired, String returns) {
    CredentialModel.Callback found = null;
    for (ExecutableElement m : ElementFilter.methodsIn(record.getEnclosedElements())) {
      Mirror mm = Mirror.find(m, annotation, elements);
      if (mm == null) {
        continue;
      }
      List<? extends VariableElement> ps = m.getParameters();
      boolean takesRequest = ps.size() == 1 && mapper.isType(ps.get(0).asType(), requestType);
      String shape = "@" + simple(annotation) + " method " + m.getSimpleName() + " must be a public instance "
          + "method taking " + (requestRequired ? "one " : "nothing or one ") + simple(requestType);
      if (m.getModifiers().contains(Modifier.STATIC) || !m.getModifiers().contains(Modifier.PUBLIC)
          || ps.size() > 1 || (ps.size() == 1 && !takesRequest) || (requestRequired && !takesRequest)
          || m.getReturnType().getKind() == TypeKind.VOID) {
        reporter.report(Message.BAD_METHOD_SHAPE, mm.origin(), shape + " and returning "
            + (returns == null ? "a value" : simple(returns)));
        continue;
      }
      if (returns != null && !mapper.isType(m.getReturnType(), returns)) {
        reporter.report(Message.BAD_METHOD_SHAPE, mm.origin(), "@" + simple(annotation) + " method "
            + m.getSimpleName() + " must return " + simple(returns) + ", not " + m.getReturnType());
        continue;
      }
      if (found != null) {
        reporter.report(Message.BAD_METHOD_SHAPE, mm.origin(), "only one @" + simple(annotation) + " method is "
            + "allowed per credential");
        continue;
      }
      found = new CredentialModel.Callback(m.getSimpleName().toString(), takesRequest);
    }
    return found;
  }

  // ---- models

  private ModelDefinition model(Mirror m, String pluginIcon, String at) {
    String name = m.string("name");
    origins.put(at, m.origin());
    origins.put(child(at, "name"), m.origin("name"));
    origins.put(child(at, "model_type"), m.origin("modelType"));
    origins.put(child(at, "default_endpoint"), m.origin("defaultEndpoint"));
    origins.put(child(at, "input_modalities"), m.origin("inputModalities"));
    origins.put(child(at, "output_modalities"), m.origin("outputModalities"));
    origins.put(child(at, "unsupported_parameters"), m.origin("unsupportedParameters"));
    String key = "model." + name;
    Mirror pricing = Mirror.nested(m.element(), m.annotation("pricing"), elements);
    ModelDefinition.Pricing p = new ModelDefinition.Pricing(pricing.stringOrNull("currency"),
        pricing.number("input"), pricing.number("inputCacheRead"), pricing.number("inputCacheWrite"),
        pricing.number("output"), pricing.number("request"));
    boolean hasPricing = p.currency() != null || p.input() != null || p.inputCacheRead() != null
        || p.inputCacheWrite() != null || p.output() != null || p.request() != null;
    ModelDefinition.Bounds temperature = bounds(m, "temperature", true);
    ModelDefinition.Bounds frequencyPenalty = bounds(m, "frequencyPenalty", true);
    ModelDefinition.Bounds maxTokens = bounds(m, "maxTokens", false);
    String verbosity = m.stringOrNull("verbosity");
    ModelDefinition.OverrideParameters overrides =
        temperature == null && frequencyPenalty == null && maxTokens == null && verbosity == null ? null
            : new ModelDefinition.OverrideParameters(temperature, frequencyPenalty, maxTokens,
                verbosity == null ? null : new ModelDefinition.Verbosity(verbosity));
    return new ModelDefinition(
        name,
        texts.text(m.string("displayName"), key + ".display_name", m.origin("displayName")),
        texts.text(m.string("description"), key + ".description", m.origin("description")),
        m.stringOrNull("icon") != null ? m.string("icon") : pluginIcon,
        m.string("modelType"),
        m.stringOrNull("defaultEndpoint"),
        m.strings("inputModalities"),
        m.strings("outputModalities"),
        hasPricing ? p : null,
        overrides,
        m.strings("unsupportedParameters"));
  }

  private ModelDefinition.Bounds bounds(Mirror m, String attribute, boolean withMinimum) {
    Mirror b = Mirror.nested(m.element(), m.annotation(attribute), elements);
    Double dflt = b.number("defaultValue");
    Double max = b.number("maximum");
    Double min = withMinimum ? b.number("minimum") : null;
    return dflt == null && max == null && min == null ? null : new ModelDefinition.Bounds(dflt, max, min);
  }

  // ---- tools

  private void toolClass(TypeMirror t, Mirror plugin, String pluginIcon, List<ToolDefinition> defs,
      List<ToolModel> models) {
    TypeElement te = (TypeElement) types.asElement(t);
    if (te == null) {
      reporter.report(Message.NOT_A_TOOL_CLASS, plugin.origin("tools"), t, t);
      return;
    }
    originating.add(te);
    Mirror classTool = Mirror.find(te, Names.TOOL, elements);
    List<ExecutableElement> methods = new ArrayList<>();
    List<Mirror> toolMirrors = new ArrayList<>();
    if (classTool != null) {
      List<ExecutableElement> invokes = new ArrayList<>();
      for (ExecutableElement m : ElementFilter.methodsIn(te.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals("invoke") && m.getModifiers().contains(Modifier.PUBLIC)) {
          invokes.add(m);
        }
      }
      if (invokes.size() != 1) {
        reporter.report(Message.BAD_TOOL_CLASS, classTool.origin(), te.getSimpleName(), invokes.size());
        return;
      }
      methods.add(invokes.get(0));
      toolMirrors.add(classTool);
    } else {
      for (ExecutableElement m : ElementFilter.methodsIn(te.getEnclosedElements())) {
        Mirror tm = Mirror.find(m, Names.TOOL, elements);
        if (tm != null) {
          methods.add(m);
          toolMirrors.add(tm);
        }
      }
    }
    if (methods.isEmpty()) {
      reporter.report(Message.NOT_A_TOOL_CLASS, plugin.origin("tools"), te.getQualifiedName(), te.getSimpleName());
      return;
    }
    if (!TypeMapper.isPublic(te)) {
      reporter.report(Message.NOT_ACCESSIBLE, Origin.of(te), te.getQualifiedName());
      return;
    }
    Map<String, ExecutableElement> locatorLists = handlers(te, Names.LOCATOR_LIST, Names.LOCATOR_REQUEST);
    Map<String, ExecutableElement> mappings = handlers(te, Names.RESOURCE_MAPPING, Names.MAPPING_REQUEST);
    Set<String> referencedLists = new LinkedHashSet<>();
    Set<String> referencedMappings = new LinkedHashSet<>();
    boolean needsInstance = false;
    boolean anyBroken = false;
    for (int i = 0; i < methods.size(); i++) {
      ExecutableElement m = methods.get(i);
      ToolModel model = tool(te, m, toolMirrors.get(i), pluginIcon, defs, locatorLists, mappings,
          referencedLists, referencedMappings);
      if (model != null) {
        models.add(model);
        needsInstance |= !model.isStatic();
      } else {
        anyBroken = true;
      }
    }
    if (needsInstance && !TypeMapper.hasPublicNoArgConstructor(te)) {
      reporter.report(Message.NO_CONSTRUCTOR, Origin.of(te), te.getQualifiedName());
    }
    // A broken parameter may be the one referring to a handler: no follow-up error about the handler then.
    if (!anyBroken) {
      unreferenced(locatorLists, referencedLists, "@LocatorList method", te);
      unreferenced(mappings, referencedMappings, "@ResourceMapping method", te);
    }
  }

  private void unreferenced(Map<String, ExecutableElement> handlers, Set<String> referenced, String what,
      TypeElement te) {
    handlers.forEach((wire, method) -> {
      if (!referenced.contains(wire)) {
        reporter.report(Message.UNREFERENCED_HANDLER, Origin.of(method), what, wire, te.getSimpleName());
      }
    });
  }

  private Map<String, ExecutableElement> handlers(TypeElement te, String annotation, String requestType) {
    Map<String, ExecutableElement> out = new LinkedHashMap<>();
    for (ExecutableElement m : ElementFilter.methodsIn(te.getEnclosedElements())) {
      Mirror h = Mirror.find(m, annotation, elements);
      if (h == null) {
        continue;
      }
      List<? extends VariableElement> ps = m.getParameters();
      if (!m.getModifiers().contains(Modifier.PUBLIC) || ps.size() != 1
          || !mapper.isType(ps.get(0).asType(), requestType) || m.getReturnType().getKind() == TypeKind.VOID) {
        reporter.report(Message.BAD_METHOD_SHAPE, h.origin(), "@" + simple(annotation) + " method "
            + m.getSimpleName() + " must be public, take one " + simple(requestType) + " and return a value");
        continue;
      }
      String wire = h.stringOrNull("value") != null ? h.string("value") : m.getSimpleName().toString();
      out.put(wire, m);
    }
    return out;
  }

  private ToolModel tool(TypeElement owner, ExecutableElement method, Mirror tool, String pluginIcon,
      List<ToolDefinition> defs, Map<String, ExecutableElement> locatorLists,
      Map<String, ExecutableElement> mappings, Set<String> referencedLists, Set<String> referencedMappings) {
    String name = tool.string("name");
    String at = child("/tools", defs.size());
    origins.put(at, tool.origin());
    origins.put(child(at, "name"), tool.origin("name"));
    origins.put(child(at, "display_name"), tool.origin("displayName"));
    origins.put(child(at, "description"), tool.origin("description"));
    origins.put(child(at, "icon"), tool.origin("icon"));
    origins.put(child(at, "parameters"), tool.origin());
    originating.add(method);
    int errorsBefore = reporter.errorCount();
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.report(Message.NOT_ACCESSIBLE, Origin.of(method), owner.getSimpleName() + "." + method.getSimpleName());
      return null;
    }

    // Inputs: one record, or named parameters; a ToolContext anywhere (the same rule as actions).
    MethodInputs.Read inputs = new MethodInputs(elements, reporter, mapper).read(method, "tool", name);
    List<ToolModel.Arg> args = inputs.args();
    TypeRef.ObjT input = inputs.input();
    boolean recordInput = inputs.recordInput();
    List<TypeRef.Field> fields = input.fields();
    // A tool with a broken parameter is still written (without it) and validated, so independent mistakes in its
    // other parameters show in the same compilation; it only gets no registry entry.
    boolean broken = reporter.errorCount() > errorsBefore;
    if (!broken && !recordInput && fields.size() == 1 && unwrapOpt(fields.get(0).type()) instanceof TypeRef.ObjT) {
      reporter.report(Message.SINGLE_OBJECT_INPUT, Origin.of(method), name, fields.get(0).name());
    }

    List<Property> parameters = properties.members(input, method, child(at, "parameters"), "tool." + name);
    List<ToolModel.Handler> lists = new ArrayList<>();
    List<ToolModel.Handler> maps = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      Property p = parameters.get(i);
      String pAt = child(child(at, "parameters"), i);
      if (p instanceof ResourceLocatorProperty rl && rl.modes() != null) {
        for (LocatorMode mode : rl.modes()) {
          if ("list".equals(mode.type()) && mode.searchListMethod() != null) {
            String wire = mode.searchListMethod();
            referencedLists.add(wire);
            ExecutableElement h = locatorLists.get(wire);
            if (h == null) {
              reporter.report(Message.UNKNOWN_HANDLER, origins.find(pAt), "parameter " + p.name(),
                  "@LocatorList method", wire, owner.getSimpleName(), didYouMean(wire, locatorLists.keySet()));
            } else if (lists.stream().noneMatch(x -> x.wireName().equals(wire))) {
              lists.add(new ToolModel.Handler(wire, h.getSimpleName().toString(),
                  h.getModifiers().contains(Modifier.STATIC)));
            }
          }
        }
      } else if (p instanceof ResourceMapperProperty rm && rm.mappingMethod() != null) {
        String wire = rm.mappingMethod();
        referencedMappings.add(wire);
        ExecutableElement h = mappings.get(wire);
        if (h == null) {
          reporter.report(Message.UNKNOWN_HANDLER, origins.find(pAt), "parameter " + p.name(),
              "@ResourceMapping method", wire, owner.getSimpleName(), didYouMean(wire, mappings.keySet()));
        } else if (maps.stream().noneMatch(x -> x.wireName().equals(wire))) {
          maps.add(new ToolModel.Handler(wire, h.getSimpleName().toString(),
              h.getModifiers().contains(Modifier.STATIC)));
        }
      }
    }

    String key = "tool." + name;
    defs.add(new ToolDefinition(
        name,
        texts.text(tool.string("displayName"), key + ".display_name", tool.origin("displayName")),
        texts.text(tool.string("description"), key + ".description", tool.origin("description")),
        tool.stringOrNull("icon") != null ? tool.string("icon") : pluginIcon,
        parameters,
        skill(tool)));

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
    TypeRef result = resultType(returnType, method);
    if (broken) {
      return null;
    }
    return new ToolModel(name, ClassName.get(owner), method.getModifiers().contains(Modifier.STATIC),
        method.getSimpleName().toString(), input, recordInput, args, result, async,
        method.getReturnType().getKind() == TypeKind.VOID, tool.longValue("timeoutSeconds"), lists, maps,
        new ToolModel.Hints(hint(tool, "readOnly"), hint(tool, "destructive"), hint(tool, "idempotent"),
            hint(tool, "openWorld")));
  }

  /** A behaviour hint the author wrote, null when not written (an unset hint is unknown, not its default). */
  private static Boolean hint(Mirror tool, String name) {
    return tool.isSet(name) ? tool.bool(name) : null;
  }

  /** The result type when it has a shape (a record, enum, list of those, …); null for open types like Object. */
  private TypeRef resultType(TypeMirror type, Element method) {
    if (type.getKind() == TypeKind.VOID || type.getKind() == TypeKind.TYPEVAR
        || type.getKind() == TypeKind.WILDCARD) {
      return null;
    }
    if (type.getKind() == TypeKind.DECLARED) {
      String n = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
      if (n.equals("java.lang.Object") || n.equals("java.lang.Void") || n.startsWith("com.fasterxml.jackson")) {
        return null;
      }
      if (n.equals("java.util.Map") && ((DeclaredType) type).getTypeArguments().size() == 2) {
        TypeMirror v = ((DeclaredType) type).getTypeArguments().get(1);
        if (v.getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) v).asElement()).getQualifiedName().contentEquals("java.lang.Object")) {
          return null; // Map<String, Object>: encoded generically
        }
      }
    }
    Reporter quiet = new Reporter(new javax.annotation.processing.Messager() {
      @Override
      public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence msg) {}

      @Override
      public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence msg, Element e) {}

      @Override
      public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence msg, Element e,
          javax.lang.model.element.AnnotationMirror a) {}

      @Override
      public void printMessage(javax.tools.Diagnostic.Kind kind, CharSequence msg, Element e,
          javax.lang.model.element.AnnotationMirror a, javax.lang.model.element.AnnotationValue v) {}
    });
    TypeRef r = new TypeMapper(elements, types, quiet).map(type, method, "result");
    return quiet.errorCount() == 0 ? r : null;
  }

  private String skill(Mirror tool) {
    String inline = tool.stringOrNull("skill");
    String resource = tool.stringOrNull("skillResource");
    if (inline != null && resource != null) {
      reporter.report(Message.BAD_METHOD_SHAPE, tool.origin("skillResource"),
          "give the skill inline or as a resource, not both");
      return inline;
    }
    if (resource == null) {
      return inline;
    }
    String text = resources.read(resource);
    if (text == null) {
      reporter.report(Message.MISSING_SKILL_RESOURCE, tool.origin("skillResource"), resource);
    }
    return text;
  }

  private static TypeRef unwrapOpt(TypeRef t) {
    return t instanceof TypeRef.OptT o ? o.inner() : t;
  }

  private static String didYouMean(String wanted, Set<String> candidates) {
    String c = dev.atomemo4j.model.validate.Names.closest(wanted, candidates);
    return c == null ? "" : "; did you mean \"" + c + "\"?";
  }

  private static String simple(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  /** For messages that need an I18nText's English text. */
  static String english(I18nText t) {
    return t == null ? null : t.english();
  }
}
