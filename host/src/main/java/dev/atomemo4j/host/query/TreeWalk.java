package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * One pass over a parsed statement that rebuilds its text and, on the way, collects what the guard judges: the
 * tables it reads (CTE names resolved by scope), the functions it calls, and the write or lock clauses it carries.
 *
 * <p>It rides on JSqlParser's deparser, so the text it rebuilds (the text the host sends) and the tree it judges
 * are one. The deparser prints a few parts with {@code toString()} instead of visiting them; the ones that can hold
 * tables are walked here separately, and {@link SyntaxScan} catches whatever is still left: a table this walk never
 * met is checked as a table, with no CTE name to excuse it.
 */
final class TreeWalk {
  /** A problem found in the tree; the first one found is reported. */
  record Finding(String code, String reason) {}

  private final ParserDialect dialect;
  private final Set<String> tables = new LinkedHashSet<>();
  private final Set<String> functions = new LinkedHashSet<>();
  /** Every table reference met, whether it named a table or a CTE: compared by identity with the syntax tree's. */
  private final Set<Table> visited = Collections.newSetFromMap(new IdentityHashMap<>());
  private Selects selectWalker;
  private Expressions expressionWalker;
  private final List<Finding> findings = new ArrayList<>();
  /** CTE names visible at the current point, innermost scope first; each holds normalized names. */
  private final Deque<Set<String>> cteScopes = new ArrayDeque<>();
  private String text;

  private TreeWalk(ParserDialect dialect) {
    this.dialect = dialect;
  }

  static TreeWalk of(Statement statement, ParserDialect dialect) {
    TreeWalk walk = new TreeWalk(dialect);
    StringBuilder buffer = new StringBuilder();
    Expressions expressions = walk.new Expressions();
    Selects selectWalker = walk.new Selects(expressions, buffer);
    walk.selectWalker = selectWalker;
    walk.expressionWalker = expressions;
    StatementDeParser statements = new StatementDeParser(expressions, selectWalker, buffer);
    // The statement's own scope: an INSERT's WITH items are walked into it one by one; an UPDATE's or DELETE's are
    // printed with toString(), so their names are entered up front (their bodies are left to SyntaxScan).
    Set<String> root = new HashSet<>();
    List<WithItem<?>> dmlWith = statement instanceof Update update ? update.getWithItemsList()
        : statement instanceof Delete delete ? delete.getWithItemsList() : null;
    if (dmlWith != null) {
      dmlWith.forEach(item -> root.add(TableName.normalize(item.getAlias().getName(), dialect)));
    }
    walk.cteScopes.push(root);
    statement.accept(statements, null);
    walk.text = buffer.toString();
    return walk;
  }

  /** The statement rebuilt from the tree. */
  String text() {
    return text;
  }

  /** Tables read, normalized ({@link TableName}), in the order first met. */
  Set<String> tables() {
    return tables;
  }

  /** Functions called, lower-cased, with any schema or package prefix as written. */
  Set<String> functions() {
    return functions;
  }

  List<Finding> findings() {
    return findings;
  }

  /** Whether the walk met this very table reference. */
  boolean visited(Table table) {
    return visited.contains(table);
  }

  /** The clauses of one query block that write or lock, appended to {@code out}. */
  static void clauseFindings(Select select, List<Finding> out) {
    if (select instanceof PlainSelect plain
        && (plain.getIntoTables() != null && !plain.getIntoTables().isEmpty() || plain.getIntoTempTable() != null)) {
      out.add(new Finding(QueryRejectedException.SELECT_INTO,
          "SELECT … INTO creates a table; a query here only reads"));
    }
    if (select.getForMode() != null) {
      out.add(new Finding(QueryRejectedException.LOCKING_CLAUSE,
          "FOR " + select.getForMode().getValue() + " takes row locks; a query here only reads"));
    }
  }

  /** Runs {@code walk} for what it collects only: what it prints goes to a scratch buffer, not the text. */
  private void collectOnly(Runnable walk) {
    StringBuilder text = selectWalker.getBuilder();
    StringBuilder scratch = new StringBuilder();
    selectWalker.setBuilder(scratch);
    expressionWalker.setBuilder(scratch);
    try {
      walk.run();
    } finally {
      selectWalker.setBuilder(text);
      expressionWalker.setBuilder(text);
    }
  }

  private void tableRead(Table table) {
    visited.add(table);
    String name = TableName.normalize(table.getFullyQualifiedName(), dialect);
    if (name.isEmpty()) {
      return;
    }
    if (name.indexOf('.') < 0) {
      for (Set<String> scope : cteScopes) {
        if (scope.contains(name)) {
          return; // a CTE, not a table
        }
      }
    }
    tables.add(name);
  }

  private void withScope(Select select, Runnable body) {
    Set<String> scope = new HashSet<>();
    List<WithItem<?>> items = select.getWithItemsList();
    if (items != null && items.stream().anyMatch(WithItem::isRecursive)) {
      // WITH RECURSIVE: every name of the list is visible in every body, its own included.
      for (WithItem<?> item : items) {
        scope.add(TableName.normalize(item.getAlias().getName(), dialect));
      }
    }
    cteScopes.push(scope);
    try {
      body.run();
    } finally {
      cteScopes.pop();
    }
  }

  private final class Selects extends SelectDeParser {
    Selects(ExpressionDeParser expressions, StringBuilder buffer) {
      super(expressions, buffer);
    }

    @Override
    public <S> StringBuilder visit(PlainSelect plainSelect, S context) {
      clauseFindings(plainSelect, findings);
      withScope(plainSelect, () -> super.visit(plainSelect, context));
      return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(SetOperationList list, S context) {
      clauseFindings(list, findings);
      withScope(list, () -> super.visit(list, context));
      return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(ParenthesedSelect select, S context) {
      clauseFindings(select, findings);
      withScope(select, () -> super.visit(select, context));
      return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(WithItem<?> withItem, S context) {
      String name = TableName.normalize(withItem.getAlias().getName(), dialect);
      if (!(withItem.getParenthesedStatement() instanceof ParenthesedSelect)) {
        findings.add(new Finding(QueryRejectedException.WRITE_IN_CTE,
            "the WITH query " + name + " changes data; a query here only reads"));
      }
      super.visit(withItem, context);
      // Later items and the main query see this name (a non-recursive body does not see its own).
      Set<String> scope = cteScopes.peek();
      if (scope != null) {
        scope.add(name);
      }
      return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(Table table, S context) {
      tableRead(table);
      return super.visit(table, context);
    }

    @Override
    public <S> StringBuilder visit(ParenthesedFromItem item, S context) {
      super.visit(item, context);
      // The deparser prints the joins inside the parentheses with toString(): walk them for their tables.
      if (item.getJoins() != null) {
        collectOnly(() -> {
          for (Join join : item.getJoins()) {
            join.getFromItem().accept(this, context);
            if (join.getOnExpressions() != null) {
              join.getOnExpressions().forEach(on -> on.accept(expressionWalker, context));
            }
          }
        });
      }
      return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(Values values, S context) {
      super.visit(values, context);
      // The deparser drops a VALUES list's own ORDER BY / LIMIT / OFFSET / FETCH; print them as the AST has them.
      if (values.getOrderByElements() != null) {
        getBuilder().append(PlainSelect.orderByToString(values.getOrderByElements()));
      }
      if (values.getLimit() != null) {
        getBuilder().append(values.getLimit());
      }
      if (values.getOffset() != null) {
        getBuilder().append(values.getOffset());
      }
      if (values.getFetch() != null) {
        getBuilder().append(values.getFetch());
      }
      return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(TableStatement tableStatement, S context) {
      tableRead(tableStatement.getTable());
      return super.visit(tableStatement, context);
    }

  }

  private final class Expressions extends ExpressionDeParser {
    @Override
    public <S> StringBuilder visit(Function function, S context) {
      if (function.getName() != null) {
        functions.add(function.getName().toLowerCase(Locale.ROOT));
      }
      return super.visit(function, context);
    }

    @Override
    public <S> StringBuilder visit(NextValExpression nextVal, S context) {
      functions.add("nextval");
      return super.visit(nextVal, context);
    }

    @Override
    public <S> StringBuilder visit(IsDistinctExpression expression, S context) {
      super.visit(expression, context);
      // Printed with toString(): walk both sides for their subqueries.
      collectOnly(() -> {
        expression.getLeftExpression().accept(this, context);
        expression.getRightExpression().accept(this, context);
      });
      return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(Select select, S context) {
      // The select walker opens the WITH scope itself; the deparser's own version would visit the WITH items twice,
      // the first time outside any scope, where a CTE name could hide a real table elsewhere in the query.
      select.accept(getSelectVisitor(), context);
      return getBuilder();
    }
  }
}
