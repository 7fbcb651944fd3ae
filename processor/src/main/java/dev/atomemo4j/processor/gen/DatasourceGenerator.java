package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.processor.model.DatasourceModel;
import dev.atomemo4j.processor.model.PluginModel;
import java.util.List;

/**
 * The registry's {@code AtlasBinding.withDatasource(…)} argument: a {@code DatasourceBinding} whose connector,
 * validator and entity source are lambdas calling the author's methods (or reading the static field) directly.
 */
final class DatasourceGenerator {
  private static final ClassName BINDING = ClassName.get("dev.atomemo4j.runtime.spi", "DatasourceBinding");
  private static final ClassName DIALECT = ClassName.get(ParserDialect.class);
  private static final ClassName LIST = ClassName.get("java.util", "List");

  private final PluginModel model;

  DatasourceGenerator(PluginModel model) {
    this.model = model;
  }

  /**
   * The binding expression, or null when the plugin has no such part. Helper methods and constants it needs go to
   * {@code methods} and {@code constants}.
   */
  CodeBlock binding(List<MethodSpec> methods, List<FieldSpec> constants) {
    DatasourceModel d = model.atlas().datasource();
    if (d == null) {
      return null;
    }
    ClassName plugin = model.pluginClass();
    List<CodeBlock> patterns = d.forbiddenPatterns().stream().map(p -> CodeBlock.of("$S", p)).toList();
    CodeBlock validator = d.validateMethod() == null ? CodeBlock.of("null")
        : CodeBlock.of("(p, query) -> (($T) p).$L(query)", plugin, d.validateMethod());
    DatasourceModel.EntitiesModel e = d.entities();
    CodeBlock entities = e == null ? CodeBlock.of("null")
        : e.field() ? CodeBlock.of("p -> $T.$L", plugin, e.member())
        : CodeBlock.of("p -> (($T) p).$L()", plugin, e.member());
    return CodeBlock.of("new $T($S, $T.$L, $T.of($L), $S, $S,\n        p -> (($T) p).$L(), $L, $L)", BINDING,
        d.dbType(), DIALECT, d.parserDialect().name(), LIST, CodeBlock.join(patterns, ", "), d.dialect(),
        d.method(), plugin, d.method(), validator, entities);
  }
}
