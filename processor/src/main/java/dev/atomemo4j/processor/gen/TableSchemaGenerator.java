package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.atomemo4j.annotations.ColumnType;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's {@code AtlasBinding.withSchema(…)} argument: the checked tables and columns as constants, per
 * table a lambda that reads the record's components by their accessors, and per {@code @Migration} a method
 * reference to it (no reflection).
 */
final class TableSchemaGenerator {
  private static final ClassName SCHEMA = ClassName.get("dev.atomemo4j.runtime.spi", "SchemaBinding");
  private static final ClassName TABLE = SCHEMA.nestedClass("Table");
  private static final ClassName COLUMN = SCHEMA.nestedClass("Column");
  private static final ClassName MIGRATION = SCHEMA.nestedClass("Migration");
  private static final ClassName COLUMN_TYPE = ClassName.get(ColumnType.class);
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

  private final PluginModel model;

  TableSchemaGenerator(PluginModel model) {
    this.model = model;
  }

  /**
   * The binding expression, or null when the plugin has no such part. Helper methods and constants it needs go to
   * {@code methods} and {@code constants}.
   */
  CodeBlock binding(List<MethodSpec> methods, List<FieldSpec> constants) {
    SchemaModel schema = model.atlas() == null ? null : model.atlas().schema();
    if (schema == null) {
      return null;
    }
    List<CodeBlock> tables = new ArrayList<>();
    for (SchemaModel.TableModel t : schema.tables()) {
      List<CodeBlock> columns = new ArrayList<>();
      List<CodeBlock> values = new ArrayList<>();
      for (SchemaModel.ColumnModel c : t.columns()) {
        columns.add(CodeBlock.of("new $T($S, $T.$L, $L, $L, $S, $L)", COLUMN, c.name(), COLUMN_TYPE, c.type().name(),
            c.required(), c.unique(), c.defaultValue(), c.since()));
        values.add(CodeBlock.of("(($T) row).$L()", t.type(), c.component()));
      }
      // Arrays.asList: a component may be null (SQL NULL), which List.of refuses.
      CodeBlock read = values.isEmpty() ? CodeBlock.of("row -> $T.of()", LIST)
          : CodeBlock.of("row -> $T.asList($L)", ARRAYS, CodeBlock.join(values, ", "));
      tables.add(CodeBlock.of("new $T($S, $L, $T.class,\n        $T.of($L),\n        $L)", TABLE, t.name(), t.since(),
          t.type(), LIST, CodeBlock.join(columns, ",\n            "), read));
    }
    List<CodeBlock> migrations = new ArrayList<>();
    for (SchemaModel.MigrationModel m : schema.migrations()) {
      migrations.add(CodeBlock.of("new $T($L, $S, $T::$L)", MIGRATION, m.version(), m.description(),
          model.pluginClass(), m.methodName()));
    }
    return CodeBlock.of("new $T($L,\n      $T.of($L),\n      $T.of($L))", SCHEMA, schema.version(), LIST,
        CodeBlock.join(tables, ",\n      "), LIST, CodeBlock.join(migrations, ",\n      "));
  }
}
