package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.processor.model.AtlasModel;
import dev.atomemo4j.processor.model.ConfigFieldModel;
import dev.atomemo4j.processor.model.ConfigFieldModel.Constraint;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The Atlas part of a registry: {@code atlas()} builds the {@code AtlasBinding} (types, the factory calling the
 * plugin's constructor, one lambda per lifecycle method calling it directly) and {@code config()} the
 * {@code ConfigBinding} (the record's shape, and per component a check calling {@code ConfigChecks}). Regular
 * expressions, decimal bounds and option lists become static constants, built once.
 */
final class AtlasGenerator {
  private static final String SPI = "dev.atomemo4j.runtime.spi";
  private static final ClassName ATLAS = ClassName.get(SPI, "AtlasBinding");
  private static final ClassName CONFIG = ClassName.get(SPI, "ConfigBinding");
  private static final ClassName CHECKS = ClassName.get(SPI, "ConfigChecks");
  private static final ClassName PLUGIN_TYPE = ClassName.get(PluginType.class);
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName SET = ClassName.get("java.util", "Set");
  private static final ClassName DURATION = ClassName.get("java.time", "Duration");
  private static final ClassName PATTERN = ClassName.get("java.util.regex", "Pattern");
  private static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  private static final ClassName SECRET = ClassName.get("dev.atomemo4j.runtime", "Secret");

  private final PluginModel model;
  private final AtlasModel atlas;
  private final List<FieldSpec> constants;

  /** {@code constants} receives the static fields the checks use; the caller adds them to the registry. */
  AtlasGenerator(PluginModel model, List<FieldSpec> constants) {
    this.model = model;
    this.atlas = model.atlas();
    this.constants = constants;
  }

  /**
   * @param actions one expression per action binding, in source order
   * @param methods receives helper methods the parts' bindings need; the caller adds them to the registry
   */
  MethodSpec atlasMethod(List<CodeBlock> actions, List<MethodSpec> methods) {
    ClassName plugin = model.pluginClass();
    List<CodeBlock> types = new ArrayList<>();
    for (PluginType t : atlas.types()) {
      types.add(CodeBlock.of("$T.$L", PLUGIN_TYPE, t.name()));
    }
    TypeName configType = atlas.config() == null ? null : atlas.config().type();
    CodeBlock factory = switch (atlas.construction()) {
      case WITH_CONFIG -> CodeBlock.of("config -> new $T(($T) config)", plugin, configType);
      case NO_ARG -> CodeBlock.of("config -> new $T()", plugin);
      case NONE -> CodeBlock.of("config -> null");
    };
    List<CodeBlock> args = new ArrayList<>();
    args.add(CodeBlock.of("$S", model.manifestResource()));
    args.add(CodeBlock.of("$T.of($L)", SET, CodeBlock.join(types, ", ")));
    args.add(CodeBlock.of("$L", atlas.required()));
    args.add(atlas.config() == null ? CodeBlock.of("null") : CodeBlock.of("config()"));
    args.add(factory);
    AtlasModel.Lifecycle init = atlas.initialize();
    args.add(lifecycle(init, "Initializer", init != null && init.withContext()
        ? CodeBlock.of("(p, ctx) -> (($T) p).$L(ctx)", plugin, init.methodName())
        : init == null ? null : CodeBlock.of("(p, ctx) -> (($T) p).$L()", plugin, init.methodName())));
    args.add(lifecycle(atlas.healthCheck(), "Probe", call("p -> (($T) p).$L()", atlas.healthCheck())));
    args.add(lifecycle(atlas.teardown(), "Call", call("p -> (($T) p).$L()", atlas.teardown())));
    args.add(lifecycle(atlas.onUninstall(), "Uninstaller",
        call("(p, workspaceId) -> (($T) p).$L(workspaceId)", atlas.onUninstall())));
    args.add(lifecycle(atlas.contextProvider(), "ContextLoader", call("p -> (($T) p).$L()",
        atlas.contextProvider())));
    args.add(lifecycle(atlas.refresh(), "Call", call("p -> (($T) p).$L()", atlas.refresh())));
    if (!actions.isEmpty()) {
      args.add(CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(actions, ", ")));
    }
    CodeBlock.Builder parts = CodeBlock.builder();
    withPart(parts, "withHooks", new HookGenerator(model).binding(methods, constants));
    withPart(parts, "withDatasource", new DatasourceGenerator(model).binding(methods, constants));
    withPart(parts, "withSandbox", new SandboxGenerator(model).binding(methods, constants));
    withPart(parts, "withRoutes", new RoutesGenerator(model).binding(methods, constants));
    withPart(parts, "withSchema", new TableSchemaGenerator(model).binding(methods, constants));
    return MethodSpec.methodBuilder("atlas")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ATLAS)
        .addJavadoc("The Atlas side of {@link $T}: types, factory and lifecycle methods, called directly.\n", plugin)
        .addStatement("return new $T($L)$L", ATLAS, CodeBlock.join(args, ",\n    "), parts.build())
        .build();
  }

  private static void withPart(CodeBlock.Builder parts, String method, CodeBlock binding) {
    if (binding != null) {
      parts.add("\n    .$L($L)", method, binding);
    }
  }

  private CodeBlock call(String format, AtlasModel.Lifecycle l) {
    return l == null ? null : CodeBlock.of(format, model.pluginClass(), l.methodName());
  }

  private static CodeBlock lifecycle(AtlasModel.Lifecycle l, String callType, CodeBlock call) {
    if (l == null) {
      return CodeBlock.of("null");
    }
    CodeBlock timeout = l.timeoutMs() > 0 ? CodeBlock.of("$T.ofMillis($LL)", DURATION, l.timeoutMs())
        : CodeBlock.of("null");
    return CodeBlock.of("new $T<$T>($S, $L, $L)", ATLAS.nestedClass("LifecycleMethod"), ATLAS.nestedClass(callType),
        l.methodName(), timeout, call);
  }

  MethodSpec configMethod(CodeBlock shape) {
    AtlasModel.ConfigModel config = atlas.config();
    List<CodeBlock> components = new ArrayList<>();
    for (ConfigFieldModel f : config.fields()) {
      components.add(CodeBlock.of("new $T.Component($S, $L, o -> (($T) o).$L(), $L)", CONFIG, f.key(), f.secret(),
          config.type(), f.key(), check(f)));
    }
    return MethodSpec.methodBuilder("config")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(CONFIG)
        .addJavadoc("The config of {@link $T}: {@link $T}, decoded by its shape and checked per component.\n",
            model.pluginClass(), config.type())
        .addStatement("return new $T($T.class, $L, $T.of(\n    $L), $S)", CONFIG, config.type(), shape, LIST,
            CodeBlock.join(components, ",\n    "), model.configSchemaResource())
        .build();
  }

  /** The check of one component: the value unwrapped from any Optional, then each rule in source order. */
  private CodeBlock check(ConfigFieldModel f) {
    List<CodeBlock> calls = new ArrayList<>();
    boolean rejectsNull = f.constraints().stream().anyMatch(k -> k instanceof ConfigFieldModel.NotNull
        || k instanceof ConfigFieldModel.NotBlank || k instanceof ConfigFieldModel.NotEmpty);
    boolean primitive = f.type() instanceof TypeRef.Scalar s && s.primitive();
    if (!f.nullable() && !primitive && !rejectsNull) {
      calls.add(CodeBlock.of("$T.required(x, out);\n", CHECKS));
    }
    if (!f.options().isEmpty() && !(f.type() instanceof TypeRef.EnumT)) {
      String name = constant("OPTIONS", f.key());
      List<CodeBlock> values = f.options().stream().map(o -> CodeBlock.of("$S", o)).toList();
      constants.add(FieldSpec.builder(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), name,
          Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.of($L)", LIST, CodeBlock.join(values, ", ")).build());
      calls.add(CodeBlock.of("$T.oneOf(x, $L, out);\n", CHECKS, name));
    }
    for (Constraint k : f.constraints()) {
      calls.add(call(k, f.key()));
    }
    if (calls.isEmpty()) {
      return CodeBlock.of("(v, out) -> { }");
    }
    CodeBlock.Builder b = CodeBlock.builder().add("(v, out) -> {\n").indent();
    if (f.secret()) {
      // The rules judge the secret's text; ConfigChecks never shows a value, so it may see this one.
      b.add("$T s = $T.unwrap(v);\n", Object.class, CHECKS);
      b.add("$T x = s == null ? null : (($T) s).reveal();\n", Object.class, SECRET);
    } else {
      b.add("$T x = $T.unwrap(v);\n", Object.class, CHECKS);
    }
    calls.forEach(b::add);
    return b.unindent().add("}").build();
  }

  private CodeBlock call(Constraint k, String key) {
    if (k instanceof ConfigFieldModel.NotNull) {
      return CodeBlock.of("$T.notNull(x, out);\n", CHECKS);
    } else if (k instanceof ConfigFieldModel.NotBlank) {
      return CodeBlock.of("$T.notBlank(x, out);\n", CHECKS);
    } else if (k instanceof ConfigFieldModel.NotEmpty) {
      return CodeBlock.of("$T.notEmpty(x, out);\n", CHECKS);
    } else if (k instanceof ConfigFieldModel.Size s) {
      return CodeBlock.of("$T.size(x, $L, $L, out);\n", CHECKS, s.min(),
          s.max() == Integer.MAX_VALUE ? CodeBlock.of("$T.MAX_VALUE", Integer.class) : CodeBlock.of("$L", s.max()));
    } else if (k instanceof ConfigFieldModel.Bound b) {
      return CodeBlock.of("$T.$L(x, $LL, out);\n", CHECKS, b.isMax() ? "max" : "min", b.value());
    } else if (k instanceof ConfigFieldModel.DecimalBound d) {
      String name = constant(d.isMax() ? "DECIMAL_MAX" : "DECIMAL_MIN", key);
      constants.add(FieldSpec.builder(BIG_DECIMAL, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", BIG_DECIMAL, d.value()).build());
      return CodeBlock.of("$T.$L(x, $L, $L, out);\n", CHECKS, d.isMax() ? "decimalMax" : "decimalMin", name,
          d.inclusive());
    } else if (k instanceof ConfigFieldModel.Sign s) {
      return CodeBlock.of("$T.$L(x, out);\n", CHECKS, switch (s.rule()) {
        case "positive" -> "positive";
        case "positive_or_zero" -> "positiveOrZero";
        case "negative" -> "negative";
        default -> "negativeOrZero";
      });
    } else if (k instanceof ConfigFieldModel.Regex r) {
      return CodeBlock.of("$T.pattern(x, $L, out);\n", CHECKS, pattern("PATTERN", key, r.regexp(), r.flags()));
    } else if (k instanceof ConfigFieldModel.Email e) {
      boolean narrowed = !e.regexp().equals(".*") || e.flags() != 0;
      return CodeBlock.of("$T.email(x, $L, out);\n", CHECKS,
          narrowed ? pattern("EMAIL", key, e.regexp(), e.flags()) : "null");
    } else if (k instanceof ConfigFieldModel.Assert a) {
      return CodeBlock.of("$T.$L(x, out);\n", CHECKS, a.expected() ? "assertTrue" : "assertFalse");
    }
    ConfigFieldModel.Digits d = (ConfigFieldModel.Digits) k;
    return CodeBlock.of("$T.digits(x, $L, $L, out);\n", CHECKS, d.integer(), d.fraction());
  }

  private String pattern(String kind, String key, String regexp, int flags) {
    String name = constant(kind, key);
    constants.add(FieldSpec.builder(PATTERN, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(flags == 0 ? CodeBlock.of("$T.compile($S)", PATTERN, regexp)
            : CodeBlock.of("$T.compile($S, $L)", PATTERN, regexp, flags)).build());
    return name;
  }

  /** {@code CONFIG_PATTERN_API_URL}: one constant per rule and component (components have unique names). */
  private static String constant(String kind, String key) {
    return "CONFIG_" + kind + "_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }
}
