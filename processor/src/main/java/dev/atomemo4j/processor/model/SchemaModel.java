package dev.atomemo4j.processor.model;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.annotations.ColumnType;
import java.util.List;

/**
 * Read and validated: the plugin's {@code @Table} records and {@code @Migration} steps (issue 16).
 *
 * @param version {@code @Plugin(schemaVersion)}
 * @param tables in {@code @Plugin(tables)} order
 * @param migrations by ascending version (the source order, which is checked)
 */
public record SchemaModel(int version, List<TableModel> tables, List<MigrationModel> migrations) {
  public SchemaModel {
    tables = List.copyOf(tables);
    migrations = List.copyOf(migrations);
  }

  /** One {@code @Table} record. */
  public record TableModel(String name, int since, ClassName type, List<ColumnModel> columns) {
    public TableModel {
      columns = List.copyOf(columns);
    }
  }

  /**
   * One column.
   *
   * @param component the record component (its accessor)
   * @param type resolved, never AUTO
   * @param defaultValue checked against the type, or null
   */
  public record ColumnModel(String name, String component, ColumnType type, boolean required, boolean unique,
      String defaultValue, int since) {}

  /** One {@code @Migration} method. */
  public record MigrationModel(int version, String description, String methodName) {}
}
