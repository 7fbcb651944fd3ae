package dev.atomemo4j.host.schema;

import dev.atomemo4j.runtime.spi.SchemaBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One change of a step, on stored table names. {@link #canonical()} is what the step's checksum covers: the same
 * text on every database, so H2 and PostgreSQL hosts agree whether a step changed.
 */
sealed interface SchemaOp {

  /** Dialect-free text of the change. */
  String canonical();

  /** The statements that make the change. */
  List<String> statements(SqlDialect dialect);

  /** The statements that take it back when its step fails on a database without transactional DDL (H2). */
  default List<String> undo(SqlDialect dialect) {
    return List.of();
  }

  record CreateTable(String table, List<SchemaBinding.Column> columns) implements SchemaOp {
    public CreateTable {
      columns = List.copyOf(columns);
    }

    @Override
    public String canonical() {
      List<String> parts = new ArrayList<>();
      columns.forEach(c -> parts.add(describe(c)));
      return "create table " + table + " (" + String.join(", ", parts) + ")";
    }

    @Override
    public List<String> statements(SqlDialect dialect) {
      StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (").append(dialect.ownColumns());
      for (SchemaBinding.Column c : columns) {
        sql.append(", ").append(definition(c, dialect));
      }
      sql.append(')');
      if (dialect == SqlDialect.H2) {
        return List.of(sql.toString());
      }
      return List.of(sql.toString(), "CREATE TRIGGER " + table + "_touch BEFORE UPDATE ON " + table
          + " FOR EACH ROW EXECUTE FUNCTION " + SqlDialect.TOUCH_FUNCTION + "()");
    }

    @Override
    public List<String> undo(SqlDialect dialect) {
      return List.of("DROP TABLE IF EXISTS " + table);
    }
  }

  record AddColumn(String table, SchemaBinding.Column column) implements SchemaOp {
    @Override
    public String canonical() {
      return "add column " + table + " " + describe(column);
    }

    @Override
    public List<String> statements(SqlDialect dialect) {
      return List.of("ALTER TABLE " + table + " ADD COLUMN " + definition(column, dialect));
    }

    @Override
    public List<String> undo(SqlDialect dialect) {
      return List.of("ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + column.name());
    }
  }

  record RenameColumn(String table, String from, String to) implements SchemaOp {
    @Override
    public String canonical() {
      return "rename column " + table + " " + from + " to " + to;
    }

    @Override
    public List<String> statements(SqlDialect dialect) {
      return List.of("ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to);
    }

    @Override
    public List<String> undo(SqlDialect dialect) {
      return List.of("ALTER TABLE " + table + " RENAME COLUMN " + to + " TO " + from);
    }
  }

  record RenameTable(String from, String to) implements SchemaOp {
    @Override
    public String canonical() {
      return "rename table " + from + " to " + to;
    }

    @Override
    public List<String> statements(SqlDialect dialect) {
      return List.of("ALTER TABLE " + from + " RENAME TO " + to);
    }

    @Override
    public List<String> undo(SqlDialect dialect) {
      return List.of("ALTER TABLE " + to + " RENAME TO " + from);
    }
  }

  /** Irreversible on H2, so {@link SchemaMigrator} runs it last in its step there. */
  record DropColumn(String table, String column) implements SchemaOp {
    @Override
    public String canonical() {
      return "drop column " + table + " " + column;
    }

    @Override
    public List<String> statements(SqlDialect dialect) {
      return List.of("ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + column);
    }
  }

  /** An author's statement, checked to name only the plugin's tables before its step runs. */
  record Execute(String sql) implements SchemaOp {
    @Override
    public String canonical() {
      return "execute " + sql.strip();
    }

    @Override
    public List<String> statements(SqlDialect dialect) {
      return List.of(sql);
    }
  }

  private static String describe(SchemaBinding.Column c) {
    return c.name().toLowerCase(Locale.ROOT) + " " + c.type().name().toLowerCase(Locale.ROOT)
        + (c.required() ? " required" : "") + (c.unique() ? " unique" : "")
        + (c.defaultValue() == null ? "" : " default " + c.defaultValue());
  }

  private static String definition(SchemaBinding.Column c, SqlDialect dialect) {
    StringBuilder sql = new StringBuilder(c.name()).append(' ').append(dialect.type(c.type()));
    if (c.defaultValue() != null) {
      sql.append(" DEFAULT ").append(dialect.literal(c.type(), c.defaultValue()));
    }
    if (c.required()) {
      sql.append(" NOT NULL");
    }
    if (c.unique()) {
      sql.append(" UNIQUE");
    }
    return sql.toString();
  }
}
