package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.processor.model.ActionModel;
import dev.atomemo4j.processor.model.CredentialModel;
import dev.atomemo4j.processor.model.ParamMeta;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.ToolModel;
import dev.atomemo4j.processor.model.TypeRef;
import dev.atomemo4j.processor.read.TypeMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Writes {@code <Plugin>Registry}: the {@code PluginRegistry} the runtime loads with {@code ServiceLoader}. Shapes
 * of named types are static constants (declared before use, since static initializers run in order); each tool
 * gets one small factory method whose invoker calls the author's method directly. No reflection.
 */
final class RegistryGenerator {
  private static final String SPI = "dev.atomemo4j.runtime.spi";
  private static final ClassName SHAPE = ClassName.get(SPI, "Shape");
  private static final ClassName REGISTRY = ClassName.get(SPI, "PluginRegistry");
  private static final ClassName DESCRIPTOR = ClassName.get(SPI, "PluginDescriptor");
  private static final ClassName TOOL_BINDING = ClassName.get(SPI, "ToolBinding");
  private static final ClassName CREDENTIAL_BINDING = ClassName.get(SPI, "CredentialBinding");
  private static final ClassName ACTION_BINDING = ClassName.get(SPI, "ActionBinding");
  private static final ClassName APPROVAL_TICKET = ClassName.get("dev.atomemo4j.core.pipeline", "ApprovalTicket");
  private static final ClassName APPROVAL = ClassName.get("dev.atomemo4j.annotations", "Approval");
  private static final ClassName RT = ClassName.get("dev.atomemo4j.runtime", "ToolContext");
  private static final ClassName TOOL_FACTORY = ClassName.get("dev.atomemo4j.runtime", "ToolFactory");
  private static final ClassName TOOL_INSTANCES = ClassName.get(SPI, "ToolInstances");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName DURATION = ClassName.get("java.time", "Duration");

  private final Elements elements;
  private final SourceVersion sourceVersion;

  RegistryGenerator(Elements elements, SourceVersion sourceVersion) {
    this.elements = elements;
    this.sourceVersion = sourceVersion;
  }

  JavaFile generate(PluginModel model, Element[] originating) {
    ClassName self = model.registryClass();
    Shapes shapes = new Shapes(self);
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(REGISTRY)
        .addJavadoc("The atomemo4j registry of {@link $T}, generated at compile time; do not edit.\n",
            model.pluginClass())
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "{$S, $S}", "unchecked", "rawtypes").build());
    generatedAnnotation().ifPresent(type::addAnnotation);
    for (Element e : originating) {
      type.addOriginatingElement(e);
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("For {@link java.util.ServiceLoader}.\n").build());

    // One instance per tool class with instance methods, shared by its tools.
    Map<ClassName, String> instances = new LinkedHashMap<>();
    for (ToolModel t : model.tools()) {
      if (!t.isStatic() || needsInstance(t)) {
        instances.putIfAbsent(t.owner(), "tools" + instances.size());
      }
    }
    CodeBlock.Builder descriptor = CodeBlock.builder();
    // The application's ToolFactory first; the generated constructor reference is the default (no reflection).
    instances.forEach((owner, var) -> descriptor.addStatement("$T $L = $T.create(factory, $T.class, $L)", owner, var,
        TOOL_INSTANCES, owner, hasPublicNoArgConstructor(owner) ? CodeBlock.of("$T::new", owner) : "null"));
    List<CodeBlock> toolCalls = new ArrayList<>();
    SwitchTable invokers = new SwitchTable(self.nestedClass("ToolInvokers"), TOOL_BINDING.nestedClass("ToolInvoker"),
        "invoke", ClassName.get(Object.class), List.of(ParameterSpec.builder(Object.class, "in").build(),
            ParameterSpec.builder(RT, "ctx").build()), ClassName.get(Object.class),
        "Each tool's call of its method, with the decoded input; {@code target} is the tool's object.")
        .throwing(ClassName.get(Exception.class));
    for (int i = 0; i < model.tools().size(); i++) {
      ToolModel t = model.tools().get(i);
      String var = instances.get(t.owner());
      type.addMethod(toolMethod(model, t, i, var, shapes, invokers));
      toolCalls.add(var == null ? CodeBlock.of("tool$L()", i) : CodeBlock.of("tool$L($L)", i, var));
    }
    List<CodeBlock> credentialCalls = new ArrayList<>();
    for (int i = 0; i < model.credentials().size(); i++) {
      type.addMethod(credentialMethod(model.credentials().get(i), i, shapes));
      credentialCalls.add(CodeBlock.of("credential$L()", i));
    }
    List<FieldSpec> checkConstants = new ArrayList<>();
    if (model.atlas() == null) {
      // No Atlas parts: the six-argument descriptor, so these registries stay as they were before Atlas.
      descriptor.addStatement("return new $T($S, $S, $S, $T.class, $T.of($L), $T.of($L))", DESCRIPTOR,
          model.definition().name(), model.definition().version(), model.definitionResource(), self, LIST,
          CodeBlock.join(toolCalls, ", "), LIST, CodeBlock.join(credentialCalls, ", "));
    } else {
      AtlasGenerator atlas = new AtlasGenerator(model, checkConstants);
      if (model.atlas().config() != null) {
        type.addMethod(atlas.configMethod(shapes.ref(model.atlas().config().shapeType())));
      }
      List<CodeBlock> actionCalls = new ArrayList<>();
      for (int i = 0; i < model.atlas().actions().size(); i++) {
        type.addMethod(actionMethod(model, model.atlas().actions().get(i), i, shapes));
        actionCalls.add(CodeBlock.of("action$L()", i));
      }
      List<MethodSpec> partMethods = new ArrayList<>();
      type.addMethod(atlas.atlasMethod(actionCalls, partMethods));
      type.addMethods(partMethods);
      descriptor.addStatement("return new $T($S, $S, $S, $T.class, $T.of($L), $T.of($L), atlas())", DESCRIPTOR,
          model.definition().name(), model.definition().version(), model.definitionResource(), self, LIST,
          CodeBlock.join(toolCalls, ", "), LIST, CodeBlock.join(credentialCalls, ", "));
    }
    type.addMethod(MethodSpec.methodBuilder("descriptor")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(DESCRIPTOR)
        .addJavadoc("Builds the descriptor with each tool class created by its no-argument constructor.\n")
        .addStatement("return descriptor(null)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("descriptor")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(DESCRIPTOR)
        .addParameter(TOOL_FACTORY, "factory")
        .addJavadoc("Builds the descriptor, with one instance of each tool class from {@code factory} (null for none) "
            + "or its no-argument constructor; the runtime calls it once.\n")
        .addCode(descriptor.build())
        .build());
    shapes.fields().forEach(type::addField);
    checkConstants.forEach(type::addField);
    shapes.recordTables().forEach(type::addType);
    if (!invokers.isEmpty()) {
      type.addType(invokers.build());
    }
    return JavaFile.builder(self.packageName(), type.build())
        .skipJavaLangImports(true)
        .addFileComment("Generated by the atomemo4j annotation processor. Do not edit.")
        .build();
  }

  /** True when the generated code can call {@code new Owner()}; otherwise only a ToolFactory can supply it. */
  private boolean hasPublicNoArgConstructor(ClassName owner) {
    TypeElement type = elements.getTypeElement(owner.canonicalName());
    return type != null && TypeMapper.hasPublicNoArgConstructor(type);
  }

  private static boolean needsInstance(ToolModel t) {
    return t.locatorLists().stream().anyMatch(h -> !h.isStatic())
        || t.resourceMappings().stream().anyMatch(h -> !h.isStatic());
  }

  private MethodSpec toolMethod(PluginModel model, ToolModel t, int index, String instanceVar, Shapes shapes,
      SwitchTable invokers) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("tool" + index)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TOOL_BINDING)
        .addJavadoc("Tool {@code $L}: {@link $T#$L}.\n", t.name(), t.owner(), t.methodName());
    if (instanceVar != null) {
      m.addParameter(t.owner(), "target", Modifier.FINAL);
    }
    CodeBlock input = t.recordInput() ? shapes.ref(t.input())
        : CodeBlock.of("$T.Obj.ofParameters($S$L)", SHAPE, t.name(), shapes.fieldArgs(t.input().fields()));
    List<CodeBlock> args = new ArrayList<>();
    for (ToolModel.Arg a : t.args()) {
      if (a instanceof ToolModel.ContextArg) {
        args.add(CodeBlock.of("ctx"));
      } else if (a instanceof ToolModel.InputArg) {
        args.add(CodeBlock.of("($T) in", t.input().javaType()));
      } else {
        int i = ((ToolModel.FieldArg) a).index();
        args.add(CodeBlock.of("($T) a[$L]", t.input().fields().get(i).type().javaType(), i));
      }
    }
    CodeBlock target = t.isStatic() ? CodeBlock.of("$T", t.owner()) : CodeBlock.of("(($T) target)", t.owner());
    CodeBlock call = CodeBlock.of("$L.$L($L)", target, t.methodName(), CodeBlock.join(args, ", "));
    boolean usesArray = t.args().stream().anyMatch(a -> a instanceof ToolModel.FieldArg);
    CodeBlock.Builder body = CodeBlock.builder();
    if (usesArray) {
      body.addStatement("$T[] a = ($T[]) in", Object.class, Object.class);
    }
    if (t.returnsVoid()) {
      body.addStatement("$L", call).addStatement("return null");
    } else {
      body.addStatement("return $L", call);
    }
    CodeBlock invoker = invokers.instance(invokers.add(body.build()),
        t.isStatic() ? CodeBlock.of("null") : CodeBlock.of("target"));
    CodeBlock output = t.result() == null ? CodeBlock.of("null") : shapes.shape(t.result(), ParamMeta.NONE);
    CodeBlock timeout = t.timeoutSeconds() > 0 ? CodeBlock.of("$T.ofSeconds($L)", DURATION, t.timeoutSeconds())
        : CodeBlock.of("null");
    if (t.hints().isEmpty()) {
      // Without hints, the constructor registries used before hints existed: their generated code is unchanged.
      m.addStatement("return new $T($S, $L, $L, $L, $L, $L, $L, $S)", TOOL_BINDING, t.name(), input, output,
          timeout, invoker, handlers(t.locatorLists(), t, "LocatorRequest"),
          handlers(t.resourceMappings(), t, "MappingRequest"), model.schemaResource(t.name(), "input"));
    } else {
      ToolModel.Hints h = t.hints();
      m.addStatement("return new $T($S, $L, $L, $L, $L, $L, $L, $S, new $T.Hints($L, $L, $L, $L))", TOOL_BINDING,
          t.name(), input, output, timeout, invoker, handlers(t.locatorLists(), t, "LocatorRequest"),
          handlers(t.resourceMappings(), t, "MappingRequest"), model.schemaResource(t.name(), "input"),
          TOOL_BINDING, h.readOnly(), h.destructive(), h.idempotent(), h.openWorld());
    }
    return m.build();
  }

  /**
   * Action {@code i}: its binding, whose executor demands the approval stage's ticket for this action before it
   * calls the author's method on the plugin object. This is the only generated call of the method.
   */
  private MethodSpec actionMethod(PluginModel model, ActionModel action, int index, Shapes shapes) {
    ToolModel t = action.call();
    CodeBlock input = t.recordInput() ? shapes.ref(t.input())
        : CodeBlock.of("$T.Obj.ofParameters($S$L)", SHAPE, t.name(), shapes.fieldArgs(t.input().fields()));
    List<CodeBlock> args = new ArrayList<>();
    for (ToolModel.Arg a : t.args()) {
      if (a instanceof ToolModel.ContextArg) {
        args.add(CodeBlock.of("ctx"));
      } else if (a instanceof ToolModel.InputArg) {
        args.add(CodeBlock.of("($T) in", t.input().javaType()));
      } else {
        int i = ((ToolModel.FieldArg) a).index();
        args.add(CodeBlock.of("($T) a[$L]", t.input().fields().get(i).type().javaType(), i));
      }
    }
    CodeBlock call = CodeBlock.of("(($T) plugin).$L($L)", model.pluginClass(), t.methodName(),
        CodeBlock.join(args, ", "));
    CodeBlock.Builder executor = CodeBlock.builder().add("(plugin, in, ctx, ticket) -> {\n").indent()
        .add("$T.requirePresent(ticket, $S);\n", APPROVAL_TICKET, action.name());
    if (t.args().stream().anyMatch(a -> a instanceof ToolModel.FieldArg)) {
      executor.add("$T[] a = ($T[]) in;\n", Object.class, Object.class);
    }
    executor.add(t.returnsVoid() ? "$L;\nreturn null;\n" : "return $L;\n", call).unindent().add("}");
    CodeBlock output = t.result() == null ? CodeBlock.of("null") : shapes.shape(t.result(), ParamMeta.NONE);
    List<CodeBlock> credentials = action.credentials().stream().map(c -> CodeBlock.of("$S", c)).toList();
    return MethodSpec.methodBuilder("action" + index)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ACTION_BINDING)
        .addJavadoc("Action {@code $L}: {@link $T#$L}, reachable only through the approval stage.\n", action.name(),
            model.pluginClass(), t.methodName())
        .addStatement("return new $T($S, $S, $S, $L, $T.$L, $T.of($L), $S, $L, $L, $L, $S, $L)", ACTION_BINDING,
            action.name(), action.description(), action.actionType(), action.reversible(), APPROVAL,
            action.approval().name(), LIST, CodeBlock.join(credentials, ", "), action.summary(), input, output,
            executor.build(), model.schemaResource(action.name(), "input"), action.timeoutMs() > 0
                ? CodeBlock.of("$T.ofMillis($LL)", ClassName.get("java.time", "Duration"), action.timeoutMs())
                : CodeBlock.of("null"))
        .build();
  }

  private CodeBlock handlers(List<ToolModel.Handler> hs, ToolModel t, String requestType) {
    if (hs.isEmpty()) {
      return CodeBlock.of("$T.NO_HANDLERS", TOOL_BINDING);
    }
    List<CodeBlock> entries = new ArrayList<>();
    ClassName request = ClassName.get("dev.atomemo4j.runtime", requestType);
    for (ToolModel.Handler h : hs) {
      CodeBlock target = h.isStatic() ? CodeBlock.of("$T", t.owner()) : CodeBlock.of("target");
      entries.add(CodeBlock.of("$S, req -> $L.$L(($T) req)", h.wireName(), target, h.methodName(), request));
    }
    return CodeBlock.of("$T.of($L)", MAP, CodeBlock.join(entries, ", "));
  }

  private MethodSpec credentialMethod(CredentialModel c, int index, Shapes shapes) {
    TypeName record = c.values().javaType();
    return MethodSpec.methodBuilder("credential" + index)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(CREDENTIAL_BINDING)
        .addJavadoc("Credential {@code $L}: {@link $T}.\n", c.name(), record)
        .addStatement("return new $T($S, $L, $L, $L, $L, $L)", CREDENTIAL_BINDING, c.name(), shapes.ref(c.values()),
            callback(c.authenticate(), record, "CredentialRequest"),
            callback(c.authorizeUrl(), record, "OAuth2AuthorizeRequest"),
            callback(c.getToken(), record, "OAuth2TokenRequest"),
            callback(c.refreshToken(), record, "OAuth2RefreshRequest"))
        .build();
  }

  private static CodeBlock callback(CredentialModel.Callback cb, TypeName record, String requestType) {
    if (cb == null) {
      return CodeBlock.of("null");
    }
    return cb.withRequest()
        ? CodeBlock.of("(c, req) -> (($T) c).$L(($T) req)", record, cb.methodName(),
            ClassName.get("dev.atomemo4j.runtime", requestType))
        : CodeBlock.of("(c, req) -> (($T) c).$L()", record, cb.methodName());
  }

  private java.util.Optional<AnnotationSpec> generatedAnnotation() {
    String name = sourceVersion.compareTo(SourceVersion.RELEASE_8) > 0
        ? "javax.annotation.processing.Generated" : "javax.annotation.Generated";
    if (elements.getTypeElement(name) == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(AnnotationSpec.builder(ClassName.bestGuess(name))
        .addMember("value", "$S", "dev.atomemo4j.processor.Atomemo4jProcessor").build());
  }

  /** Shape expressions, with named types (records, enums, unions) hoisted to static constants in use order. */
  private static final class Shapes {
    private static final ClassName FUNCTION = ClassName.get("java.util.function", "Function");
    private static final TypeName OBJECTS = ArrayTypeName.of(Object.class);
    private static final TypeName OBJECT = ClassName.get(Object.class);

    private final Map<String, FieldSpec> named = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    /** Each record's canonical constructor and its accessors, by the record's index: see {@link SwitchTable}. */
    private final SwitchTable constructors;
    private final SwitchTable components;

    Shapes(ClassName registry) {
      this.constructors = new SwitchTable(registry.nestedClass("RecordConstructors"),
          ParameterizedTypeName.get(FUNCTION, OBJECTS, OBJECT), "apply", OBJECT,
          List.of(ParameterSpec.builder(OBJECTS, "v").build()), null,
          "Each record's canonical constructor, given its component values in order.");
      this.components = new SwitchTable(registry.nestedClass("RecordComponents"),
          ParameterizedTypeName.get(FUNCTION, OBJECT, OBJECTS), "apply", OBJECTS,
          List.of(ParameterSpec.builder(OBJECT, "o").build()), null, "Each record's component values, in order.");
    }

    List<FieldSpec> fields() {
      return new ArrayList<>(named.values());
    }

    /** The two record tables, none when the plugin has no records. */
    List<TypeSpec> recordTables() {
      return constructors.isEmpty() ? List.of() : List.of(constructors.build(), components.build());
    }

    /** A reference to the constant for a named type, defining it (and its dependencies first) if needed. */
    CodeBlock ref(TypeRef t) {
      String key = t.javaType().toString();
      String constant = names.get(key);
      if (constant == null) {
        String simple = key.substring(key.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
        constant = "SHAPE_" + simple;
        for (int i = 2; names.containsValue(constant); i++) {
          constant = "SHAPE_" + simple + "_" + i;
        }
        names.put(key, constant);
        CodeBlock init = define(t); // dependencies get their constants before this one is added
        TypeName fieldType = t instanceof TypeRef.ObjT ? SHAPE.nestedClass("Obj")
            : t instanceof TypeRef.EnumT ? SHAPE.nestedClass("Enumeration") : SHAPE.nestedClass("Union");
        named.put(key, FieldSpec.builder(fieldType, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(init).build());
      }
      return CodeBlock.of("$L", constant);
    }

    private CodeBlock define(TypeRef t) {
      if (t instanceof TypeRef.ObjT o) {
        return record(o, 0, null, null);
      } else if (t instanceof TypeRef.EnumT e) {
        List<CodeBlock> pairs = new ArrayList<>();
        for (TypeRef.EnumConstant c : e.constants()) {
          pairs.add(CodeBlock.of("$S, $T.$L", c.wireName(), e.javaType(), c.javaName()));
        }
        return CodeBlock.of("$T.Enumeration.of($L)", SHAPE, CodeBlock.join(pairs, ", "));
      }
      TypeRef.UnionT u = (TypeRef.UnionT) t;
      List<CodeBlock> pairs = new ArrayList<>();
      CodeBlock.Builder variantOf = CodeBlock.builder().add("o -> ");
      for (TypeRef.Variant v : u.variants()) {
        pairs.add(CodeBlock.of("$S, $L", v.constant(), record(v.record(), 1, u.discriminator(), v.constant())));
        variantOf.add("o instanceof $T ? $S : ", v.record().javaType(), v.constant());
      }
      variantOf.add("null");
      return CodeBlock.of("$T.Union.of($S, $L, $L)", SHAPE, u.discriminator(), variantOf.build(),
          CodeBlock.join(pairs, ", "));
    }

    /** A record's Obj; in a union variant the discriminator is field 0 and the components start at 1. */
    private CodeBlock record(TypeRef.ObjT o, int offset, String discriminator, String discriminatorConstant) {
      List<CodeBlock> ctorArgs = new ArrayList<>();
      List<CodeBlock> getters = new ArrayList<>();
      if (discriminatorConstant != null) {
        getters.add(CodeBlock.of("$S", discriminatorConstant));
      }
      for (int i = 0; i < o.fields().size(); i++) {
        TypeRef.Field f = o.fields().get(i);
        ctorArgs.add(CodeBlock.of("($T) v[$L]", f.type().javaType(), i + offset));
        getters.add(CodeBlock.of("x.$L()", f.javaName()));
      }
      List<CodeBlock> prefix = discriminatorConstant == null ? List.of() : List.of(CodeBlock.of(
          "$T.Field.of($S, new $T.Str(null, null, $T.of($S)))", SHAPE, discriminator, SHAPE,
          LIST, discriminatorConstant));
      CodeBlock fields = fieldArgs(prefix, o.fields());
      int index = constructors.add(CodeBlock.builder()
          .addStatement("return new $T($L)", o.javaType(), CodeBlock.join(ctorArgs, ", ")).build());
      components.add(CodeBlock.builder().addStatement("$T x = ($T) o", o.javaType(), o.javaType())
          .addStatement("return new $T[] {$L}", Object.class, CodeBlock.join(getters, ", ")).build());
      return CodeBlock.of("$T.Obj.ofRecord($S, $L, $L$L)", SHAPE, o.qualifiedName(),
          constructors.instance(index, null), components.instance(index, null), fields);
    }

    CodeBlock fieldArgs(List<TypeRef.Field> fields) {
      return fieldArgs(List.of(), fields);
    }

    /**
     * The fields as trailing varargs ({@code ",\n    f1,\n    f2"}, empty for none), after {@code prefix} (a
     * union variant's discriminator). The common kinds of field use {@code Shape.Field}'s factories: fewer
     * arguments, no boxing and no generic {@code Optional.empty()} for javac to resolve.
     */
    CodeBlock fieldArgs(List<CodeBlock> prefix, List<TypeRef.Field> fields) {
      List<CodeBlock> out = new ArrayList<>(prefix);
      for (TypeRef.Field f : fields) {
        out.add(field(f));
      }
      return out.isEmpty() ? CodeBlock.of("") : CodeBlock.of(",\n    $L", CodeBlock.join(out, ",\n    "));
    }

    private CodeBlock field(TypeRef.Field f) {
      TypeRef t = f.type();
      boolean primitive = t instanceof TypeRef.Scalar s && s.primitive();
      if (!f.nullable() && f.required() && !primitive && !(t instanceof TypeRef.OptT)
          && f.meta().defaultValue() == null) {
        return CodeBlock.of("$T.Field.of($S, $L)", SHAPE, f.name(), shape(t, f.meta()));
      }
      if (!f.nullable() && f.required() && primitive && f.meta().defaultValue() == null
          && ((TypeRef.Scalar) t).kind() != TypeRef.ScalarKind.STRING) {
        return CodeBlock.of("$T.Field.ofPrimitive($S, $L)", SHAPE, f.name(), shape(t, f.meta()));
      }
      if (!f.nullable() && !f.required() && f.meta().defaultValue() == null && t instanceof TypeRef.OptT o
          && o.kind() == TypeRef.OptKind.OPTIONAL) {
        return CodeBlock.of("$T.Field.optional($S, $L)", SHAPE, f.name(), shape(o.inner(), f.meta()));
      }
      return CodeBlock.of("new $T.Field($S, $L, $L, $L, $L)", SHAPE, f.name(), shape(t, f.meta()), f.required(),
          f.nullable(), absent(f));
    }

    /** What the Java side receives when the key is absent: empty optionals, zero primitives, the default. */
    private CodeBlock absent(TypeRef.Field f) {
      TypeRef t = f.type();
      CodeBlock literal = f.meta().defaultValue() == null ? null : literal(f.meta().defaultValue(),
          t instanceof TypeRef.OptT o ? o.inner() : t);
      if (t instanceof TypeRef.OptT o) {
        return switch (o.kind()) {
          case OPTIONAL -> literal != null ? CodeBlock.of("$T.of($L)", java.util.Optional.class, literal)
              : CodeBlock.of("$T.empty()", java.util.Optional.class);
          case OPTIONAL_INT -> literal != null ? CodeBlock.of("$T.of($L)", java.util.OptionalInt.class, literal)
              : CodeBlock.of("$T.empty()", java.util.OptionalInt.class);
          case OPTIONAL_LONG -> literal != null ? CodeBlock.of("$T.of($L)", java.util.OptionalLong.class, literal)
              : CodeBlock.of("$T.empty()", java.util.OptionalLong.class);
          case OPTIONAL_DOUBLE -> literal != null
              ? CodeBlock.of("$T.of($L)", java.util.OptionalDouble.class, literal)
              : CodeBlock.of("$T.empty()", java.util.OptionalDouble.class);
        };
      }
      if (literal != null) {
        return literal;
      }
      if (t instanceof TypeRef.Scalar s && s.primitive()) {
        return switch (s.kind()) {
          case BOOLEAN -> CodeBlock.of("false");
          case BYTE -> CodeBlock.of("(byte) 0");
          case SHORT -> CodeBlock.of("(short) 0");
          case LONG -> CodeBlock.of("0L");
          case FLOAT -> CodeBlock.of("0f");
          case DOUBLE -> CodeBlock.of("0d");
          default -> CodeBlock.of("0");
        };
      }
      return CodeBlock.of("null");
    }

    private static CodeBlock text(JsonValue.Obj o, String member) {
      return o.get(member) instanceof JsonValue.Text x ? CodeBlock.of("$S", x.value()) : CodeBlock.of("null");
    }

    /** A Java literal for a JSON default, where the type makes one possible; null otherwise. */
    private CodeBlock literal(JsonValue v, TypeRef t) {
      if (t instanceof TypeRef.TextT x && v instanceof JsonValue.Text text) {
        // Checked at compile time (bad-text-value), so parsing the default here cannot fail.
        return CodeBlock.of("($T) $T.TextKind.$L.parse($S)", x.javaType(), SHAPE, x.kind().name(), text.value());
      }
      if (t instanceof TypeRef.Scalar s) {
        if (s.kind() == TypeRef.ScalarKind.STRING && v instanceof JsonValue.Text x) {
          return CodeBlock.of("$S", x.value());
        } else if (s.kind() == TypeRef.ScalarKind.BOOLEAN && v instanceof JsonValue.Bool b) {
          return CodeBlock.of("$L", b.value());
        } else if (v instanceof JsonValue.Num n) {
          BigDecimal d = n.value();
          return switch (s.kind()) {
            case BYTE -> CodeBlock.of("(byte) $L", d.intValue());
            case SHORT -> CodeBlock.of("(short) $L", d.intValue());
            case INT -> CodeBlock.of("$L", d.intValue());
            case LONG -> CodeBlock.of("$LL", d.longValue());
            case FLOAT -> CodeBlock.of("$Lf", d.floatValue());
            case DOUBLE -> CodeBlock.of("$Ld", d.doubleValue());
            case BIG_INTEGER -> CodeBlock.of("new $T($S)", java.math.BigInteger.class, d.toBigInteger().toString());
            case BIG_DECIMAL -> CodeBlock.of("new $T($S)", BigDecimal.class, d.toPlainString());
            default -> null;
          };
        }
      } else if (t instanceof TypeRef.ValueT vt && vt.kind() == TypeRef.ValueKind.RESOURCE_LOCATOR
          && v instanceof JsonValue.Obj o) {
        // The Hub's form starts from this default; a request that leaves the parameter out gets it too.
        return CodeBlock.of("new $T($L, $L, $L, $L)", vt.javaType(), text(o, "mode_name"), text(o, "value"),
            text(o, "cached_result_label"), text(o, "cached_result_url"));
      } else if (t instanceof TypeRef.EnumT e && v instanceof JsonValue.Text x) {
        for (TypeRef.EnumConstant c : e.constants()) {
          if (c.wireName().equals(x.value())) {
            return CodeBlock.of("$T.$L", e.javaType(), c.javaName());
          }
        }
      } else if (t instanceof TypeRef.ListT l && v instanceof JsonValue.Array a
          && l.kind() != TypeRef.CollectionKind.ARRAY) {
        List<CodeBlock> items = new ArrayList<>();
        for (JsonValue item : a.items()) {
          CodeBlock c = literal(item, l.element().type());
          if (c == null) {
            return null;
          }
          items.add(c);
        }
        return CodeBlock.of("$T.of($L)", l.kind() == TypeRef.CollectionKind.SET ? java.util.Set.class : LIST,
            CodeBlock.join(items, ", "));
      }
      return null;
    }

    CodeBlock shape(TypeRef t, ParamMeta meta) {
      if (t instanceof TypeRef.Scalar s) {
        return scalar(s, meta);
      } else if (t instanceof TypeRef.EnumT || t instanceof TypeRef.UnionT
          || t instanceof TypeRef.ObjT o && o.qualifiedName() != null) {
        return ref(t);
      } else if (t instanceof TypeRef.ListT l) {
        CodeBlock items = shape(l.element().type(), l.element().meta());
        CodeBlock kind = CodeBlock.of("$T.Collection.$L", SHAPE, l.kind().name());
        CodeBlock toArray = CodeBlock.of("null");
        CodeBlock fromArray = CodeBlock.of("null");
        if (l.kind() == TypeRef.CollectionKind.ARRAY) {
          TypeName component = ((com.palantir.javapoet.ArrayTypeName) l.javaType()).componentType();
          toArray = CodeBlock.of("l -> l.toArray(new $T[0])", component);
          fromArray = CodeBlock.of("a -> $T.asList(($T[]) a)", java.util.Arrays.class, Object.class);
        }
        if (meta.minItems() == null && meta.maxItems() == null && l.kind() != TypeRef.CollectionKind.ARRAY) {
          return CodeBlock.of("$T.Arr.$L($L)", SHAPE, l.kind() == TypeRef.CollectionKind.SET ? "set" : "list", items);
        }
        return CodeBlock.of("new $T.Arr($L, $L, $L, $L, $L, $L)", SHAPE, items, meta.minItems(), meta.maxItems(),
            kind, toArray, fromArray);
      } else if (t instanceof TypeRef.MapT m) {
        return CodeBlock.of("new $T.MapOf($L)", SHAPE, shape(m.value().type(), m.value().meta()));
      } else if (t instanceof TypeRef.OptT o) {
        CodeBlock inner = shape(o.inner(), meta);
        return switch (o.kind()) {
          case OPTIONAL -> CodeBlock.of("$T.Opt.optional($L)", SHAPE, inner);
          case OPTIONAL_INT -> CodeBlock.of("$T.Opt.optionalInt($L)", SHAPE, inner);
          case OPTIONAL_LONG -> CodeBlock.of("$T.Opt.optionalLong($L)", SHAPE, inner);
          case OPTIONAL_DOUBLE -> CodeBlock.of("$T.Opt.optionalDouble($L)", SHAPE, inner);
        };
      } else if (t instanceof TypeRef.CredentialT c) {
        return CodeBlock.of("new $T.CredentialRef($S)", SHAPE, c.credentialName());
      } else if (t instanceof TypeRef.TextT x) {
        return CodeBlock.of("new $T.Textual($T.TextKind.$L)", SHAPE, SHAPE, x.kind().name());
      } else if (t instanceof TypeRef.ObjT o) {
        return CodeBlock.of("$T.Obj.ofParameters($S$L)", SHAPE, "parameters", fieldArgs(o.fields()));
      }
      TypeRef.ValueT v = (TypeRef.ValueT) t;
      return switch (v.kind()) {
        case FILE_REF -> CodeBlock.of("$T.FileRefValue.INSTANCE", SHAPE);
        case RESOURCE_LOCATOR -> CodeBlock.of("$T.LocatorValue.INSTANCE", SHAPE);
        case RESOURCE_MAPPER -> CodeBlock.of("$T.MapperValue.INSTANCE", SHAPE);
        case SECRET -> CodeBlock.of("$T.SecretStr.INSTANCE", SHAPE);
        case JSON -> CodeBlock.of("$T.AnyJson.INSTANCE", SHAPE);
      };
    }

    private CodeBlock scalar(TypeRef.Scalar s, ParamMeta meta) {
      List<JsonValue> allowed = new ArrayList<>(meta.allowed());
      if (meta.constant() != null) {
        allowed = List.of(meta.constant());
      }
      if (s.kind() == TypeRef.ScalarKind.STRING) {
        List<CodeBlock> values = new ArrayList<>();
        for (JsonValue a : allowed) {
          if (a instanceof JsonValue.Text x) {
            values.add(CodeBlock.of("$S", x.value()));
          }
        }
        return meta.minLength() == null && meta.maxLength() == null && values.isEmpty()
            ? CodeBlock.of("$T.Str.ANY", SHAPE)
            : CodeBlock.of("new $T.Str($L, $L, $L)", SHAPE, meta.minLength(), meta.maxLength(),
                values.isEmpty() ? CodeBlock.of("null") : CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(values, ", ")));
      } else if (s.kind() == TypeRef.ScalarKind.BOOLEAN) {
        return CodeBlock.of("$T.Bool.INSTANCE", SHAPE);
      }
      List<CodeBlock> values = new ArrayList<>();
      for (JsonValue a : allowed) {
        if (a instanceof JsonValue.Num n) {
          values.add(s.kind().isInteger() ? CodeBlock.of("$LL", n.value().longValue())
              : CodeBlock.of("$Ld", n.value().doubleValue()));
        }
      }
      CodeBlock allowedList = values.isEmpty() ? CodeBlock.of("null")
          : CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(values, ", "));
      CodeBlock min = meta.minimum() == null ? CodeBlock.of("null") : CodeBlock.of("$Ld", meta.minimum());
      CodeBlock max = meta.maximum() == null ? CodeBlock.of("null") : CodeBlock.of("$Ld", meta.maximum());
      boolean unbounded = values.isEmpty() && meta.minimum() == null && meta.maximum() == null;
      if (s.kind().isInteger()) {
        if (unbounded) {
          return CodeBlock.of("$T.Int.$L", SHAPE, s.kind().name());
        }
        return CodeBlock.of("new $T.Int($T.IntKind.$L, $L, $L, $L)", SHAPE, SHAPE, s.kind().name(), min, max,
            allowedList);
      }
      if (unbounded) {
        return CodeBlock.of("$T.Num.$L", SHAPE, s.kind().name());
      }
      return CodeBlock.of("new $T.Num($T.NumKind.$L, $L, $L, $L)", SHAPE, SHAPE, s.kind().name(), min, max,
          allowedList);
    }
  }
}
