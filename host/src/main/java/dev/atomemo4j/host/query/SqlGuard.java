package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Top;

/**
 * The standard SQL validation of a datasource's queries (Atlas's pipeline, {@code atlas-features.md} §2.1): empty
 * check, keyword guard and the datasource's {@code forbiddenPatterns}, a parse in the datasource's dialect, exactly
 * one read-only SELECT with no write, lock or side-effecting function anywhere in it, and every table it reads
 * among the datasource's entities. Built once per datasource and shared: it holds no per-query state.
 */
public final class SqlGuard {
  /** Longest query parsed: the parse runs on the caller's thread, so its length is what bounds its time. */
  static final int MAX_LENGTH = 100_000;

  /**
   * Statements that change data, schema, sessions or the server, as whole words of the query's code (string
   * literals, quoted identifiers and comments are not code). Two places are left to the parse, which names them
   * precisely and rejects them just the same: {@code UPDATE} after {@code FOR} or {@code KEY} (a locking clause) and
   * a DML verb opening a WITH item's body ({@code AS (DELETE …}, a write in a CTE). {@code SET} is not listed: an
   * UPDATE in a CTE has one, and a SET statement parses as what it is and is refused there.
   */
  private static final Pattern WRITE_KEYWORDS = Pattern.compile(
      "(?i)(?<![\\w$])(?:(?<!AS \\( |MATERIALIZED \\( )(?:INSERT|DELETE|MERGE)"
          + "|(?<!FOR |KEY |AS \\( |MATERIALIZED \\( )UPDATE|UPSERT|REPLACE\\s+INTO|DROP|CREATE|ALTER|TRUNCATE"
          + "|RENAME|GRANT|REVOKE|COPY|CALL|EXEC|EXECUTE|DO|RESET|VACUUM|ANALYZE|REINDEX|CLUSTER|LOCK|UNLOCK"
          + "|ATTACH|DETACH|LOAD|INSTALL|PRAGMA|IMPORT|EXPORT|PREPARE|DEALLOCATE|DISCARD|LISTEN|NOTIFY|UNLISTEN"
          + "|REFRESH|DECLARE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|SHUTDOWN|CHECKPOINT|RUNSCRIPT|KILL"
          + "|HANDLER|WAITFOR)(?![\\w$])");

  private final ParserDialect dialect;
  private final List<Pattern> forbiddenPatterns;
  private final Set<String> allowedTables;
  private final SqlLexer.Rules lexRules;

  /** Queries longer than this are not remembered: the caches hold the agent's repeated short queries. */
  private static final int CACHED_LENGTH = 4096;
  /** A verdict per query text: the accepted query, or the rejection's code and reason. */
  private final BoundedCache<String, Object> verdicts = new BoundedCache<>(1024);
  /** The limited text per (checked text, limit). */
  private final BoundedCache<String, String> limited = new BoundedCache<>(1024);
  /** Syntax trees check() just built, handed to the withRowLimit that usually follows so it need not parse again. */
  private final BoundedCache<String, Select> trees = new BoundedCache<>(256);

  private record Rejection(String code, String reason) {}

  private SqlGuard(ParserDialect dialect, List<Pattern> forbiddenPatterns, Set<String> allowedTables) {
    this.dialect = dialect;
    this.forbiddenPatterns = List.copyOf(forbiddenPatterns);
    Set<String> normalized = new HashSet<>();
    for (String table : allowedTables) {
      normalized.add(TableName.normalize(table, dialect));
    }
    this.allowedTables = Set.copyOf(normalized);
    this.lexRules = SqlLexer.Rules.of(dialect);
  }

  /**
   * @param dialect how the datasource's queries are parsed
   * @param forbiddenPatterns the datasource's own patterns, matched against the query as written (as Atlas does)
   * @param allowedTables lower-cased table names from the datasource's entities, optionally schema-qualified;
   *     empty means no whitelist
   */
  public static SqlGuard of(ParserDialect dialect, List<Pattern> forbiddenPatterns, Set<String> allowedTables) {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(forbiddenPatterns, "forbiddenPatterns");
    Objects.requireNonNull(allowedTables, "allowedTables");
    return new SqlGuard(dialect, forbiddenPatterns, allowedTables);
  }

  public ParserDialect dialect() {
    return dialect;
  }

  /**
   * Checks one query.
   *
   * @throws QueryRejectedException with a stable code and a user-facing reason
   */
  public CheckedQuery check(String sql) {
    if (sql == null || sql.length() > CACHED_LENGTH) {
      return judge(sql);
    }
    Object verdict = verdicts.get(sql);
    if (verdict == null) {
      try {
        verdict = judge(sql);
      } catch (QueryRejectedException e) {
        verdict = new Rejection(e.code(), e.reason());
      }
      verdicts.put(sql, verdict);
    }
    if (verdict instanceof Rejection rejection) {
      throw reject(rejection.code(), rejection.reason());
    }
    return (CheckedQuery) verdict;
  }

  private CheckedQuery judge(String sql) {
    if (sql == null) {
      throw reject(QueryRejectedException.EMPTY, "the query is empty");
    }
    if (sql.length() > MAX_LENGTH) {
      throw reject(QueryRejectedException.TOO_LONG,
          "the query is " + sql.length() + " characters long; at most " + MAX_LENGTH + " are accepted");
    }
    List<SqlLexer.Token> tokens = SqlLexer.tokens(sql, lexRules);
    if (tokens.stream().allMatch(t -> t.isSymbol(';'))) {
      throw reject(QueryRejectedException.EMPTY, "the query is empty (nothing but comments and whitespace)");
    }
    guardKeywords(tokens);
    guardShape(sql, tokens);
    for (Pattern pattern : forbiddenPatterns) {
      if (pattern.matcher(sql).find()) {
        throw reject(QueryRejectedException.FORBIDDEN_PATTERN,
            "the query matches this datasource's forbidden pattern /" + pattern.pattern() + "/");
      }
    }
    if (statementCount(tokens) > 1) {
      throw reject(QueryRejectedException.MULTIPLE_STATEMENTS, "the query holds more than one statement; send one");
    }
    // The parser reads the statement without the semicolons and comments around it (it refuses "SELECT 1;;").
    String statementText = sql.substring(firstCode(tokens).start(), lastCode(tokens).end());
    ParserSetup.Parsed parsed = parse(statementText);
    Statement statement = parsed.statements().get(0);
    if (!(statement instanceof Select select)) {
      throw reject(QueryRejectedException.NOT_READ_ONLY,
          "only a single SELECT query runs here, not " + firstWord(tokens));
    }
    TreeWalk walk;
    SyntaxScan scan;
    try {
      walk = TreeWalk.of(select, dialect);
      scan = SyntaxScan.of(parsed.syntaxTree());
    } catch (RuntimeException | StackOverflowError e) {
      // The library could not print or walk a tree it built: what cannot be checked does not run.
      throw reject(QueryRejectedException.PARSE_ERROR,
          "part of the query could not be checked (" + e.getClass().getSimpleName() + "); write it more plainly");
    }
    guardClauses(walk, scan);
    guardFunctions(walk, scan, tokens);
    Set<String> tables = new LinkedHashSet<>(walk.tables());
    for (Table table : scan.tables) {
      if (!walk.visited(table)) {
        // A reference the walk never reached: no CTE scope is known for it, so it counts as a table.
        tables.add(TableName.normalize(table.getFullyQualifiedName(), dialect));
      }
    }
    tables.remove("");
    if (!allowedTables.isEmpty()) {
      for (String table : tables) {
        if (!allowed(table)) {
          throw reject(QueryRejectedException.TABLE_NOT_ALLOWED,
              "the table " + table + " is not one of this datasource's entities");
        }
      }
    }
    CheckedQuery checked = new CheckedQuery(walk.text(), tables, limitOf(select));
    if (checked.sql().length() <= CACHED_LENGTH) {
      trees.put(checked.sql(), select);
    }
    return checked;
  }

  private void guardClauses(TreeWalk walk, SyntaxScan scan) {
    List<TreeWalk.Finding> findings = new ArrayList<>(walk.findings());
    if (scan.writeBodies > 0) {
      findings.add(new TreeWalk.Finding(QueryRejectedException.WRITE_IN_CTE,
          "a WITH query changes data; a query here only reads"));
    }
    for (Select block : scan.selects) {
      TreeWalk.clauseFindings(block, findings);
    }
    if (!findings.isEmpty()) {
      throw reject(findings.get(0).code(), findings.get(0).reason());
    }
  }

  private static SqlLexer.Token firstCode(List<SqlLexer.Token> tokens) {
    return tokens.stream().filter(t -> !t.isSymbol(';')).findFirst().orElseThrow();
  }

  private static SqlLexer.Token lastCode(List<SqlLexer.Token> tokens) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).isSymbol(';')) {
        return tokens.get(i);
      }
    }
    throw new IllegalStateException("no code token");
  }

  /**
   * The query with a row limit: adds LIMIT n when absent, lowers a larger one, keeps a smaller one (a
   * {@code FETCH FIRST} or {@code TOP} the query already has is the one changed).
   *
   * @param query a query this guard accepted
   * @param maxRows at least 1
   * @throws QueryRejectedException {@code query:parse_error} should the rebuilt text not read back (not seen in the
   *     corpus)
   */
  public String withRowLimit(CheckedQuery query, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
    }
    if (query.sql().length() > CACHED_LENGTH) {
      return limit(query.sql(), maxRows);
    }
    return limited.computeIfAbsent(maxRows + ":" + query.sql(), key -> limit(query.sql(), maxRows));
  }

  private String limit(String checkedSql, int maxRows) {
    Select select = trees.take(checkedSql);
    if (select == null) {
      select = (Select) parse(checkedSql).statements().get(0);
    }
    try {
      applyLimit(select, maxRows);
      return TreeWalk.of(select, dialect).text();
    } catch (RuntimeException | StackOverflowError e) {
      throw reject(QueryRejectedException.PARSE_ERROR,
          "the row limit could not be added (" + e.getClass().getSimpleName() + "); write the query more plainly");
    }
  }

  private void applyLimit(Select statement, long maxRows) {
    Select select = trailing(statement);
    Limit limit = select.getLimit();
    Fetch fetch = select.getFetch();
    Top top = select instanceof PlainSelect plain ? plain.getTop() : null;
    if (limit != null) {
      // Also replaces LIMIT ALL / LIMIT NULL (no limit) and a limit that is not a literal.
      if (!fitsWithin(limit.getRowCount(), maxRows)) {
        limit.setRowCount(new LongValue(maxRows));
      }
    } else if (fetch != null) {
      if (!fitsWithin(fetch.getExpression(), maxRows)) {
        fetch.setExpression(new LongValue(maxRows));
      }
    } else if (top != null) {
      if (!fitsWithin(top.getExpression(), maxRows) || top.isPercentage()) {
        top.setPercentage(false);
        top.setExpression(new LongValue(maxRows));
      }
    } else if (dialect == ParserDialect.SQLSERVER && select instanceof PlainSelect plain
        && select.getOffset() == null) {
      Top added = new Top();
      added.setExpression(new LongValue(maxRows));
      plain.setTop(added);
    } else if (dialect == ParserDialect.ORACLE || dialect == ParserDialect.SQLSERVER
        || select.getOffset() != null && select.getOffset().getOffsetParam() != null) {
      // The standard form: what these databases read, and the only one that may follow "OFFSET n ROWS".
      Fetch added = new Fetch();
      added.setExpression(new LongValue(maxRows));
      added.setFetchParamFirst(select.getOffset() == null);
      added.addFetchParameter("ROWS");
      added.addFetchParameter("ONLY");
      select.setFetch(added);
    } else {
      select.setLimit(new Limit().withRowCount(new LongValue(maxRows)));
    }
  }

  /**
   * The query block whose trailing clauses end the statement. JSqlParser hangs a {@code LIMIT} written after the
   * last branch of a UNION on that branch, while the database applies it to the whole union: the limit to read or
   * change is that branch's.
   */
  private static Select trailing(Select select) {
    if (select instanceof SetOperationList list && list.getLimit() == null && list.getOffset() == null
        && list.getFetch() == null && list.getOrderByElements() == null && !list.getSelects().isEmpty()
        && list.getSelects().get(list.getSelects().size() - 1) instanceof PlainSelect last) {
      return last;
    }
    return select;
  }

  private static boolean fitsWithin(Expression rows, long maxRows) {
    return rows instanceof LongValue value && value.getValue() <= maxRows && value.getValue() >= 0;
  }

  private static OptionalLong limitOf(Select statement) {
    Select select = trailing(statement);
    Expression rows = null;
    if (select.getLimit() != null) {
      rows = select.getLimit().getRowCount(); // LIMIT ALL and LIMIT NULL are not literals: no limit
    } else if (select.getFetch() != null) {
      rows = select.getFetch().getExpression();
    } else if (select instanceof PlainSelect plain && plain.getTop() != null && !plain.getTop().isPercentage()) {
      rows = plain.getTop().getExpression();
    }
    return rows instanceof LongValue value ? OptionalLong.of(value.getValue()) : OptionalLong.empty();
  }

  private boolean allowed(String table) {
    if (allowedTables.contains(table)) {
      return true;
    }
    // A bare name and the same name in the dialect's default schema are one table.
    String defaultSchema = TableName.defaultSchema(dialect);
    if (defaultSchema == null) {
      return false;
    }
    if (table.startsWith(defaultSchema + ".") && table.indexOf('.', defaultSchema.length() + 1) < 0) {
      return allowedTables.contains(table.substring(defaultSchema.length() + 1));
    }
    return table.indexOf('.') < 0 && allowedTables.contains(defaultSchema + "." + table);
  }

  /** Deeper than this many parentheses, a query is refused before it is parsed (parse and walks recurse). */
  static final int MAX_NESTING = 64;

  /** Refuses what would be read differently by the server's settings, or would exhaust the parser's stack. */
  private void guardShape(String sql, List<SqlLexer.Token> tokens) {
    int depth = 0;
    int deepest = 0;
    for (SqlLexer.Token token : tokens) {
      if (token.isSymbol('(')) {
        deepest = Math.max(deepest, ++depth);
      } else if (token.isSymbol(')')) {
        depth--;
      } else if (token.kind() == SqlLexer.Kind.STRING
          && (dialect == ParserDialect.POSTGRESQL || dialect == ParserDialect.REDSHIFT)
          && sql.charAt(token.start()) == '\'' && sql.substring(token.start(), token.end()).contains("\\'")) {
        // With standard_conforming_strings off (not the default) PostgreSQL reads \' as a quote inside the
        // literal, the parser as the literal's end: the two would see different code.
        throw reject(QueryRejectedException.PARSE_ERROR,
            "a backslash before a quote in a string literal is read differently depending on the server's"
                + " standard_conforming_strings; write '' for a quote inside a literal");
      }
    }
    if (deepest > MAX_NESTING) {
      throw reject(QueryRejectedException.PARSE_ERROR,
          "the query nests parentheses " + deepest + " deep; at most " + MAX_NESTING + " are accepted");
    }
  }

  private void guardKeywords(List<SqlLexer.Token> tokens) {
    Matcher matcher = WRITE_KEYWORDS.matcher(skeleton(tokens));
    if (matcher.find()) {
      String keyword = matcher.group().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
      throw reject(QueryRejectedException.FORBIDDEN_PATTERN,
          "the query uses " + keyword + ", which is not allowed in a read-only query"
              + " (quote it if it is a column or table name)");
    }
  }

  /** The query's code: words and symbols single-spaced, literals and quoted names reduced to empty quotes. */
  private static String skeleton(List<SqlLexer.Token> tokens) {
    StringBuilder out = new StringBuilder();
    for (SqlLexer.Token token : tokens) {
      switch (token.kind()) {
        case STRING -> out.append("''");
        case QUOTED -> out.append("\"\"");
        default -> out.append(token.text());
      }
      out.append(' ');
    }
    return out.toString();
  }

  /** Statements separated by semicolons, empty ones not counted. */
  private static int statementCount(List<SqlLexer.Token> tokens) {
    int count = 0;
    boolean inStatement = false;
    for (SqlLexer.Token token : tokens) {
      if (token.isSymbol(';')) {
        inStatement = false;
      } else if (!inStatement) {
        inStatement = true;
        count++;
      }
    }
    return count;
  }

  /** Parses one statement, or rejects: unreadable, empty, or more than one. */
  private ParserSetup.Parsed parse(String sql) {
    ParserSetup.Parsed parsed;
    try {
      parsed = ParserSetup.parse(sql, dialect);
    } catch (JSQLParserException e) {
      throw reject(QueryRejectedException.PARSE_ERROR,
          "the query is not valid " + dialect + " SQL: " + ParserSetup.shortReason(e));
    }
    if (parsed.statements().isEmpty()) {
      throw reject(QueryRejectedException.EMPTY, "the query is empty");
    }
    if (parsed.statements().size() > 1) {
      throw reject(QueryRejectedException.MULTIPLE_STATEMENTS, "the query holds more than one statement; send one");
    }
    return parsed;
  }

  private void guardFunctions(TreeWalk walk, SyntaxScan scan, List<SqlLexer.Token> written) {
    for (String function : walk.functions()) {
      if (ForbiddenFunctions.isForbidden(function)) {
        throw forbiddenFunction(function);
      }
    }
    for (String function : scan.functions) {
      if (ForbiddenFunctions.isForbidden(function)) {
        throw forbiddenFunction(function);
      }
    }
    // Backstops over the text as written (where a name may be spelled with escapes the parser does not decode)
    // and the text that will run: any name called like a function, wherever the tree kept it.
    calls(written);
    calls(SqlLexer.tokens(walk.text(), lexRules));
  }

  private static void calls(List<SqlLexer.Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      SqlLexer.Token token = tokens.get(i);
      boolean name = token.kind() == SqlLexer.Kind.WORD || token.kind() == SqlLexer.Kind.QUOTED;
      if (name && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(')
          && ForbiddenFunctions.isForbidden(token.text().toLowerCase(Locale.ROOT))) {
        throw forbiddenFunction(token.text().toLowerCase(Locale.ROOT));
      }
    }
  }

  /** The statement's first keyword, for the reason ("… not EXPLAIN"). */
  private static String firstWord(List<SqlLexer.Token> tokens) {
    for (SqlLexer.Token token : tokens) {
      if (token.kind() == SqlLexer.Kind.WORD) {
        return token.text().toUpperCase(Locale.ROOT);
      }
    }
    return "this statement";
  }

  private static QueryRejectedException forbiddenFunction(String function) {
    return reject(QueryRejectedException.FORBIDDEN_FUNCTION,
        "the query calls " + function + ", which has side effects or reaches outside the database's tables");
  }

  private static QueryRejectedException reject(String code, String reason) {
    return new QueryRejectedException(code, reason);
  }
}
