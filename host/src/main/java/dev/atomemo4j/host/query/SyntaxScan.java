package dev.atomemo4j.host.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.parser.CCJSqlParserTreeConstants;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Everything of interest in the parser's syntax tree, found without knowing its shape: each node carries the AST
 * object its production built, so a plain walk over nodes reaches every table name, function call, query block and
 * data-modifying WITH body the text contains, including those that the AST's own visitors (and {@link TreeWalk})
 * do not enter because the library prints them with {@code toString()}.
 */
final class SyntaxScan {
  /** Table references, without the qualifiers of columns ({@code o.id}, {@code o.*}), which name no table. */
  final List<Table> tables = new ArrayList<>();
  private final Set<Table> qualifiers = Collections.newSetFromMap(new IdentityHashMap<>());
  final List<String> functions = new ArrayList<>();
  final List<Select> selects = new ArrayList<>();
  /** Parenthesized INSERT, UPDATE or DELETE bodies (data-modifying WITH items). */
  int writeBodies;

  private SyntaxScan() {}

  static SyntaxScan of(Node root) {
    SyntaxScan scan = new SyntaxScan();
    if (root == null) {
      return scan;
    }
    // Iterative: a deeply nested query must not overflow the stack here.
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof SimpleNode simple) {
        scan.record(simple.jjtGetValue());
        int id = simple.getId();
        if (id == CCJSqlParserTreeConstants.JJTPARENTHESEDINSERT
            || id == CCJSqlParserTreeConstants.JJTPARENTHESEDUPDATE
            || id == CCJSqlParserTreeConstants.JJTPARENTHESEDDELETE) {
          scan.writeBodies++;
        }
      }
      for (int i = node.jjtGetNumChildren() - 1; i >= 0; i--) {
        pending.push(node.jjtGetChild(i));
      }
    }
    scan.tables.removeIf(scan.qualifiers::contains);
    return scan;
  }

  private void record(Object value) {
    if (value instanceof Table table) {
      tables.add(table);
    } else if (value instanceof Column column) {
      qualifiers.add(column.getTable());
    } else if (value instanceof AllTableColumns columns) {
      qualifiers.add(columns.getTable());
    } else if (value instanceof Function function && function.getName() != null) {
      functions.add(function.getName().toLowerCase(Locale.ROOT));
    } else if (value instanceof NextValExpression) {
      functions.add("nextval");
    } else if (value instanceof Select select) {
      selects.add(select);
    }
  }
}
