package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayList;
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
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
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
   * literals, quoted identifiers and comments are not code). {@code UPDATE} and {@code SHARE} after {@code FOR} or
   * {@code KEY} are left to the parse, which names the locking clause precisely.
   */
  private static final Pattern WRITE_KEYWORDS = Pattern.compile(
      "(?i)(?<![\\w$])(?:INSERT|(?<!FOR |KEY )UPDATE|DELETE|MERGE|UPSERT|REPLACE\\s+INTO|DROP|CREATE|ALTER|TRUNCATE"
          + "|RENAME|GRANT|REVOKE|COPY|CALL|EXEC|EXECUTE|DO|SET|RESET|VACUUM|ANALYZE|REINDEX|CLUSTER|LOCK|UNLOCK"
          + "|ATTACH|DETACH|LOAD|INSTALL|PRAGMA|IMPORT|EXPORT|PREPARE|DEALLOCATE|DISCARD|LISTEN|NOTIFY|UNLISTEN"
          + "|REFRESH|DECLARE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|SHUTDOWN|CHECKPOINT|BACKUP|RESTORE|RUNSCRIPT|KILL"
          + "|HANDLER|WAITFOR)(?![\\w$])");

  private final ParserDialect dialect;
  private final List<Pattern> forbiddenPatterns;
  private final Set<String> allowedTables;
  private final SqlLexer.Rules lexRules;

  private SqlGuard(ParserDialect dialect, List<Pattern> forbiddenPatterns, Set<String> allowedTables) {
    this.dialect = dialect;
    this.forbiddenPatterns = List.copyOf(forbiddenPatterns);
    Set<String> normalized = new java.util.HashSet<>();
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
    for (Pattern pattern : forbiddenPatterns) {
      if (pattern.matcher(sql).find()) {
        throw reject(QueryRejectedException.FORBIDDEN_PATTERN,
            "the query matches this datasource's forbidden pattern /" + pattern.pattern() + "/");
      }
    }
    if (statementCount(tokens) > 1) {
      throw reject(QueryRejectedException.MULTIPLE_STATEMENTS, "the query holds more than one statement; send one");
    }
    Statement statement = parseOne(sql);
    if (!(statement instanceof Select select)) {
      throw reject(QueryRejectedException.NOT_READ_ONLY,
          "only a single SELECT query runs here, not " + firstWord(tokens));
    }
    TreeWalk walk = TreeWalk.of(select, dialect);
    if (!walk.findings().isEmpty()) {
      TreeWalk.Finding first = walk.findings().get(0);
      throw reject(first.code(), first.reason());
    }
    guardFunctions(walk);
    if (allowedTables.isEmpty()) {
      return new CheckedQuery(walk.text(), walk.tables(), limitOf(select));
    }
    for (String table : walk.tables()) {
      if (!allowed(table)) {
        throw reject(QueryRejectedException.TABLE_NOT_ALLOWED,
            "the table " + table + " is not one of this datasource's entities");
      }
    }
    return new CheckedQuery(walk.text(), walk.tables(), limitOf(select));
  }

  /** The query with a row limit: adds LIMIT n when absent, lowers a larger one, keeps a smaller one. */
  public String withRowLimit(CheckedQuery query, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
    }
    Select select = (Select) parseOne(query.sql());
    applyLimit(select, maxRows);
    return TreeWalk.of(select, dialect).text();
  }

  private void applyLimit(Select select, long maxRows) {
    Limit limit = select.getLimit();
    Fetch fetch = select.getFetch();
    Top top = select instanceof PlainSelect plain ? plain.getTop() : null;
    if (limit != null && limit.getRowCount() != null && !limit.isLimitAll() && !limit.isLimitNull()) {
      if (!fitsWithin(limit.getRowCount(), maxRows)) {
        limit.setRowCount(new LongValue(maxRows));
      }
    } else if (limit != null) {
      limit.setLimitAll(false);
      limit.setLimitNull(false);
      limit.setRowCount(new LongValue(maxRows));
    } else if (fetch != null) {
      if (!fitsWithin(fetch.getExpression(), maxRows)) {
        fetch.setExpression(new LongValue(maxRows));
      }
    } else if (top != null) {
      if (!fitsWithin(top.getExpression(), maxRows) || top.isPercentage()) {
        top.setPercentage(false);
        top.setExpression(new LongValue(maxRows));
      }
    } else if (dialect == ParserDialect.SQLSERVER && select instanceof PlainSelect plain) {
      Top added = new Top();
      added.setExpression(new LongValue(maxRows));
      plain.setTop(added);
    } else if (dialect == ParserDialect.ORACLE || dialect == ParserDialect.SQLSERVER) {
      Fetch added = new Fetch();
      added.setExpression(new LongValue(maxRows));
      added.setFetchParamFirst(true);
      added.addFetchParameter("ROWS");
      added.addFetchParameter("ONLY");
      select.setFetch(added);
    } else {
      select.setLimit(new Limit().withRowCount(new LongValue(maxRows)));
    }
  }

  private static boolean fitsWithin(Expression rows, long maxRows) {
    return rows instanceof LongValue value && value.getValue() <= maxRows && value.getValue() >= 0;
  }

  private static OptionalLong limitOf(Select select) {
    Expression rows = null;
    if (select.getLimit() != null && !select.getLimit().isLimitAll() && !select.getLimit().isLimitNull()) {
      rows = select.getLimit().getRowCount();
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

  private Statement parseOne(String sql) {
    Statements statements;
    try {
      statements = ParserSetup.parse(sql, dialect);
    } catch (JSQLParserException e) {
      throw reject(QueryRejectedException.PARSE_ERROR,
          "the query is not valid " + dialect + " SQL: " + ParserSetup.shortReason(e));
    }
    List<Statement> all = new ArrayList<>(statements == null ? List.of() : statements);
    all.removeIf(Objects::isNull);
    if (all.isEmpty()) {
      throw reject(QueryRejectedException.EMPTY, "the query is empty");
    }
    if (all.size() > 1) {
      throw reject(QueryRejectedException.MULTIPLE_STATEMENTS, "the query holds more than one statement; send one");
    }
    return all.get(0);
  }

  private void guardFunctions(TreeWalk walk) {
    for (String function : walk.functions()) {
      if (ForbiddenFunctions.isForbidden(function)) {
        throw forbiddenFunction(function);
      }
    }
    // Backstop over the text that will run: any name called like a function, wherever the tree kept it.
    List<SqlLexer.Token> tokens = SqlLexer.tokens(walk.text(), lexRules);
    int selectKeywords = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlLexer.Token token = tokens.get(i);
      if (token.isWord("SELECT")) {
        selectKeywords++;
      }
      boolean name = token.kind() == SqlLexer.Kind.WORD || token.kind() == SqlLexer.Kind.QUOTED;
      if (name && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(')
          && ForbiddenFunctions.isForbidden(token.text().toLowerCase(Locale.ROOT))) {
        throw forbiddenFunction(token.text().toLowerCase(Locale.ROOT));
      }
    }
    if (selectKeywords > walk.selects()) {
      // A query block the walk did not enter: its tables and clauses went unchecked.
      throw reject(QueryRejectedException.PARSE_ERROR,
          "part of the query could not be checked; write it without that construct");
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
