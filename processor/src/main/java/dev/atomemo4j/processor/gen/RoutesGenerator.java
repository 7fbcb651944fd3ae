package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.atomemo4j.processor.model.PluginModel;
import java.util.List;

/**
 * The registry's {@code AtlasBinding.withRoutes(…)} argument for the plugin's {@code routes} part: generated lambdas that call
 * the author's methods directly (no reflection).
 */
final class RoutesGenerator {
  private final PluginModel model;

  RoutesGenerator(PluginModel model) {
    this.model = model;
  }

  /**
   * The binding expression, or null when the plugin has no such part. Helper methods and constants it needs go to
   * {@code methods} and {@code constants}.
   */
  CodeBlock binding(List<MethodSpec> methods, List<FieldSpec> constants) {
    return null;
  }
}
