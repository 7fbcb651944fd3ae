package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.processor.model.HookModel;
import dev.atomemo4j.processor.model.PluginModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's {@code AtlasBinding.withHooks(…)} argument: one {@code HookBinding} per {@code @Hook} method, in
 * source order, whose lambdas cast the plugin object and the event to their declared types and call the author's
 * hook and matcher methods directly (no reflection).
 */
final class HookGenerator {
  private static final ClassName HOOK_BINDING = ClassName.get("dev.atomemo4j.runtime.spi", "HookBinding");
  private static final ClassName HOOK_POINT = ClassName.get(HookPoint.class);
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName DURATION = ClassName.get("java.time", "Duration");

  private final PluginModel model;

  HookGenerator(PluginModel model) {
    this.model = model;
  }

  /** The binding expression, or null when the plugin has no hooks. */
  CodeBlock binding(List<MethodSpec> methods, List<FieldSpec> constants) {
    List<HookModel> hooks = model.atlas().hooks();
    if (hooks.isEmpty()) {
      return null;
    }
    List<CodeBlock> bindings = new ArrayList<>();
    for (HookModel hook : hooks) {
      bindings.add(binding(hook));
    }
    return CodeBlock.of("$T.of(\n        $L)", LIST, CodeBlock.join(bindings, ",\n        "));
  }

  private CodeBlock binding(HookModel hook) {
    ClassName plugin = model.pluginClass();
    CodeBlock timeout = hook.timeoutMs() > 0 ? CodeBlock.of("$T.ofMillis($LL)", DURATION, hook.timeoutMs())
        : CodeBlock.of("null");
    CodeBlock matcher = hook.matcher() == null ? CodeBlock.of("null")
        : CodeBlock.of("(p, e) -> (($T) p).$L(($T) e)", plugin, hook.matcher(), hook.event());
    CodeBlock arguments = hook.withContext() ? CodeBlock.of("($T) e, ctx", hook.event())
        : CodeBlock.of("($T) e", hook.event());
    CodeBlock handler = hook.returnsRewrite()
        ? CodeBlock.of("(p, e, ctx) -> (($T) p).$L($L)", plugin, hook.methodName(), arguments)
        : CodeBlock.of("(p, e, ctx) -> {\n          (($T) p).$L($L);\n          return null;\n        }", plugin,
            hook.methodName(), arguments);
    return CodeBlock.of("new $T($T.$L, $S, $L, $L, $L)", HOOK_BINDING, HOOK_POINT, hook.point().name(),
        hook.methodName(), timeout, matcher, handler);
  }
}
