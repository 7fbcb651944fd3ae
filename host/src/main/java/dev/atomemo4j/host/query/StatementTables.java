package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/** The work behind {@link SqlTables}: the tables a walk reads plus the subjects of DML and DDL statements. */
final class StatementTables {
  private final ParserDialect dialect;
  private final Set<String> names = new LinkedHashSet<>();
  /** Names in table position that are not tables: {@code DROP INDEX i}, {@code DROP SEQUENCE s}, …. */
  private final Set<Table> notTables = Collections.newSetFromMap(new IdentityHashMap<>());

  private StatementTables(ParserDialect dialect) {
    this.dialect = dialect;
  }

  static Set<String> of(String sql, ParserDialect dialect) {
    ParserSetup.Parsed parsed;
    try {
      parsed = ParserSetup.parse(sql, dialect);
    } catch (JSQLParserException e) {
      throw new QueryRejectedException(QueryRejectedException.PARSE_ERROR,
          "the statement is not valid " + dialect + " SQL: " + ParserSetup.shortReason(e));
    }
    StatementTables tables = new StatementTables(dialect);
    List<TreeWalk> walks = new ArrayList<>();
    for (Statement statement : parsed.statements()) {
      tables.subjects(statement);
      TreeWalk walk = TreeWalk.of(statement, dialect);
      walks.add(walk);
      tables.names.addAll(walk.tables());
    }
    // Every other table name the text holds (DML targets and DDL subjects the walk does not enter), unless it
    // is a CTE reference the walk resolved or the name of something that is not a table.
    for (Table table : SyntaxScan.of(parsed.syntaxTree()).tables) {
      if (!tables.notTables.contains(table) && walks.stream().noneMatch(walk -> walk.visited(table))) {
        tables.table(table);
      }
    }
    return tables.names;
  }

  private void subjects(Statement statement) {
    if (statement instanceof Insert insert) {
      table(insert.getTable());
    } else if (statement instanceof Update update) {
      table(update.getTable());
    } else if (statement instanceof Delete delete) {
      table(delete.getTable());
      tables(delete.getTables());
      tables(delete.getUsingList());
    } else if (statement instanceof Merge merge) {
      table(merge.getTable());
      if (merge.getFromItem() instanceof Table source) {
        table(source); // a USING (SELECT …) source is walked for its tables
      }
    } else if (statement instanceof Upsert upsert) {
      table(upsert.getTable());
    } else if (statement instanceof Truncate truncate) {
      table(truncate.getTable());
      tables(truncate.getTables());
    } else if (statement instanceof CreateTable create) {
      createTable(create);
    } else if (statement instanceof CreateIndex index) {
      table(index.getTable());
    } else if (statement instanceof CreateView view) {
      table(view.getView());
    } else if (statement instanceof Drop drop) {
      String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
      if (type.contains("TABLE") || type.contains("VIEW")) {
        table(drop.getName());
      } else if (drop.getName() != null) {
        notTables.add(drop.getName());
      }
    } else if (statement instanceof Alter alter) {
      table(alter.getTable());
      if (alter.getAlterExpressions() != null) {
        for (AlterExpression expression : alter.getAlterExpressions()) {
          if (expression.getFkSourceTable() != null) {
            name(expression.getFkSourceTable());
          }
          if (expression.getIndex() instanceof ForeignKeyIndex foreignKey) {
            table(foreignKey.getTable());
          }
        }
      }
    } else if (statement instanceof Comment comment) {
      table(comment.getTable());
      table(comment.getView());
    } else if (statement instanceof Analyze analyze) {
      table(analyze.getTable());
    } else if (statement instanceof RefreshMaterializedViewStatement refresh) {
      table(refresh.getView());
    }
  }

  private void createTable(CreateTable create) {
    table(create.getTable());
    table(create.getLikeTable());
    if (create.getIndexes() != null) {
      for (Index index : create.getIndexes()) {
        if (index instanceof ForeignKeyIndex foreignKey) {
          table(foreignKey.getTable());
        }
      }
    }
    if (create.getColumnDefinitions() != null) {
      // An inline "REFERENCES other (id)" is kept as words of the column's spec; the word after it is the table.
      for (ColumnDefinition column : create.getColumnDefinitions()) {
        List<String> spec = column.getColumnSpecs();
        if (spec == null) {
          continue;
        }
        for (int i = 0; i + 1 < spec.size(); i++) {
          if (spec.get(i).equalsIgnoreCase("REFERENCES")) {
            String target = spec.get(i + 1);
            int paren = target.indexOf('(');
            name(paren >= 0 ? target.substring(0, paren) : target);
          }
        }
      }
    }
  }

  private void tables(List<Table> tables) {
    if (tables != null) {
      tables.forEach(this::table);
    }
  }

  private void table(Table table) {
    if (table != null && table.getFullyQualifiedName() != null) {
      name(table.getFullyQualifiedName());
    }
  }

  private void name(String qualifiedName) {
    String name = TableName.normalize(qualifiedName.strip(), dialect);
    if (!name.isEmpty()) {
      names.add(name);
    }
  }
}
