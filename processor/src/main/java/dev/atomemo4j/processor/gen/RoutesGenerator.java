package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.RoutesModel;
import java.util.List;

/**
 * The registry's {@code AtlasBinding.withRoutes(…)} argument: a {@code RoutesBinding} whose lambda calls the
 * plugin's {@code @Routes} method directly (no reflection).
 */
final class RoutesGenerator {
  private static final ClassName BINDING = ClassName.get("dev.atomemo4j.runtime.spi", "RoutesBinding");
  private static final ClassName DURATION = ClassName.get("java.time", "Duration");

  private final PluginModel model;

  RoutesGenerator(PluginModel model) {
    this.model = model;
  }

  /** The binding expression, or null when the plugin has no {@code @Routes} method. */
  CodeBlock binding(List<MethodSpec> methods, List<FieldSpec> constants) {
    RoutesModel routes = model.atlas().routes();
    if (routes == null) {
      return null;
    }
    CodeBlock timeout = routes.timeoutMs() > 0 ? CodeBlock.of("$T.ofMillis($LL)", DURATION, routes.timeoutMs())
        : CodeBlock.of("null");
    return CodeBlock.of("new $T($S, $L, (p, router) -> (($T) p).$L(router))", BINDING, routes.methodName(), timeout,
        model.pluginClass(), routes.methodName());
  }
}
