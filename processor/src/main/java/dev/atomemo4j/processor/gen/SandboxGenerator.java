package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.SandboxModel;
import java.util.List;

/**
 * The registry's {@code AtlasBinding.withSandbox(…)} argument: a {@code SandboxBinding} whose factory is a lambda
 * calling the author's {@code @Sandbox} method directly (no reflection).
 */
final class SandboxGenerator {
  private static final ClassName BINDING = ClassName.get("dev.atomemo4j.runtime.spi", "SandboxBinding");
  private static final ClassName CAPABILITIES = ClassName.get("dev.atomemo4j.runtime.sandbox",
      "SandboxCapabilities");

  private final PluginModel model;

  SandboxGenerator(PluginModel model) {
    this.model = model;
  }

  /** The binding expression, or null when the plugin has no {@code @Sandbox}. */
  CodeBlock binding(List<MethodSpec> methods, List<FieldSpec> constants) {
    SandboxModel s = model.atlas() == null ? null : model.atlas().sandbox();
    if (s == null) {
      return null;
    }
    return CodeBlock.of("new $T($S, $L, new $T($L, $L, $L), $S,\n        (plugin, semanticRoot) -> (($T) plugin).$L("
            + "semanticRoot))", BINDING, s.methodName(), s.priority(), CAPABILITIES, s.networkIsolation(),
        s.filesystemIsolation(), s.unprivilegedExecution(), s.description(), model.pluginClass(), s.methodName());
  }
}
