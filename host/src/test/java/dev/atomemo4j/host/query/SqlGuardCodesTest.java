package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every rejection code is reachable, each with its own reason; the order of the rules decides which one answers. */
class SqlGuardCodesTest {
  private final SqlGuard guard = SqlGuard.of(ParserDialect.POSTGRESQL, List.of(), Set.of("orders"));

  private static QueryRejectedException rejection(SqlGuard guard, String sql) {
    try {
      guard.check(sql);
    } catch (QueryRejectedException e) {
      return e;
    }
    throw new AssertionError("accepted: " + sql);
  }

  private QueryRejectedException rejection(String sql) {
    return rejection(guard, sql);
  }

  @Test
  void aNullQueryIsEmpty() {
    assertThat(rejection(null).code()).isEqualTo(QueryRejectedException.EMPTY);
  }

  @Test
  void aQueryOfCommentsIsEmpty() {
    QueryRejectedException e = rejection("/* nothing */ -- at all");
    assertThat(e.code()).isEqualTo(QueryRejectedException.EMPTY);
    assertThat(e.reason()).contains("empty");
  }

  @Test
  void aQueryLongerThanTheBoundIsTooLong() {
    String sql = "SELECT 1" + " ".repeat(SqlGuard.MAX_LENGTH);
    QueryRejectedException e = rejection(sql);
    assertThat(e.code()).isEqualTo(QueryRejectedException.TOO_LONG);
    assertThat(e.reason()).contains(String.valueOf(SqlGuard.MAX_LENGTH));
  }

  @Test
  void aWriteKeywordIsAForbiddenPatternNamingTheKeyword() {
    QueryRejectedException e = rejection("SELECT 1; DROP TABLE orders");
    assertThat(e.code()).isEqualTo(QueryRejectedException.FORBIDDEN_PATTERN);
    assertThat(e.reason()).contains("DROP");
  }

  @Test
  void aKeywordInsideALiteralIsNotAPattern() {
    assertThat(guard.check("SELECT 'drop table orders' AS s").tables()).isEmpty();
  }

  @Test
  void theDatasourcesOwnPatternRejectsWithItsText() {
    SqlGuard custom = SqlGuard.of(ParserDialect.POSTGRESQL, List.of(Pattern.compile("(?i)\\bsystem\\b")), Set.of());
    QueryRejectedException e = rejection(custom, "SELECT * FROM system.parts");
    assertThat(e.code()).isEqualTo(QueryRejectedException.FORBIDDEN_PATTERN);
    assertThat(e.reason()).contains("/(?i)\\bsystem\\b/");
  }

  @Test
  void theDatasourcesOwnPatternSeesTheQueryAsWrittenLiteralsIncluded() {
    SqlGuard custom = SqlGuard.of(ParserDialect.POSTGRESQL, List.of(Pattern.compile("file://")), Set.of());
    assertThat(rejection(custom, "SELECT 'file:///etc/passwd'").code())
        .isEqualTo(QueryRejectedException.FORBIDDEN_PATTERN);
  }

  @Test
  void unreadableSqlIsAParseErrorWithTheParsersReasonShortened() {
    QueryRejectedException e = rejection("SELECT * FROM WHERE");
    assertThat(e.code()).isEqualTo(QueryRejectedException.PARSE_ERROR);
    assertThat(e.reason()).contains("POSTGRESQL").doesNotContain("Was expecting").doesNotContain("\n");
    assertThat(e.reason().length()).isLessThan(300);
  }

  @Test
  void twoQueriesAreMultipleStatements() {
    assertThat(rejection("SELECT 1; SELECT 2").code()).isEqualTo(QueryRejectedException.MULTIPLE_STATEMENTS);
  }

  @Test
  void aStatementThatIsNotAQueryIsNotReadOnlyAndIsNamed() {
    QueryRejectedException e = rejection("EXPLAIN SELECT * FROM orders");
    assertThat(e.code()).isEqualTo(QueryRejectedException.NOT_READ_ONLY);
    assertThat(e.reason()).contains("EXPLAIN");
  }

  @Test
  void aDeleteInACteIsAWriteInACte() {
    QueryRejectedException e = rejection("WITH gone AS (DELETE FROM orders RETURNING *) SELECT * FROM gone");
    assertThat(e.code()).isEqualTo(QueryRejectedException.WRITE_IN_CTE);
    assertThat(e.reason()).contains("gone");
  }

  @Test
  void aDeleteNestedInAQuerysOwnCteIsAWriteInACte() {
    QueryRejectedException e = rejection(
        "SELECT * FROM orders WHERE id IN (WITH gone AS (DELETE FROM orders RETURNING id) SELECT id FROM gone)");
    assertThat(e.code()).isEqualTo(QueryRejectedException.WRITE_IN_CTE);
  }

  @Test
  void selectIntoIsRejected() {
    assertThat(rejection("SELECT * INTO archived FROM orders").code()).isEqualTo(QueryRejectedException.SELECT_INTO);
  }

  @Test
  void forShareIsALockingClause() {
    QueryRejectedException e = rejection("SELECT * FROM orders FOR SHARE");
    assertThat(e.code()).isEqualTo(QueryRejectedException.LOCKING_CLAUSE);
    assertThat(e.reason()).contains("FOR SHARE");
  }

  @Test
  void pgSleepIsAForbiddenFunctionNamed() {
    QueryRejectedException e = rejection("SELECT * FROM orders WHERE pg_sleep(3) IS NULL");
    assertThat(e.code()).isEqualTo(QueryRejectedException.FORBIDDEN_FUNCTION);
    assertThat(e.reason()).contains("pg_sleep");
  }

  @Test
  void aForbiddenFunctionInANamedWindowIsFoundInTheTextThatRuns() {
    // The deparser prints WINDOW definitions with toString(): neither visitor sees the call, the text does.
    assertThat(rejection("SELECT count(*) OVER w FROM orders WINDOW w AS (ORDER BY pg_sleep(1))").code())
        .isEqualTo(QueryRejectedException.FORBIDDEN_FUNCTION);
  }

  @Test
  void anOracleUtlPackageIsForbidden() {
    SqlGuard oracle = SqlGuard.of(ParserDialect.ORACLE, List.of(), Set.of());
    assertThat(rejection(oracle, "SELECT utl_http.request('http://x') FROM dual").code())
        .isEqualTo(QueryRejectedException.FORBIDDEN_FUNCTION);
  }

  @Test
  void aTableOutsideTheEntitiesIsNotAllowed() {
    assertThat(rejection("SELECT * FROM customers").code()).isEqualTo(QueryRejectedException.TABLE_NOT_ALLOWED);
  }

  @Test
  void theRulesAnswerInOrderKeywordBeforeFunctionBeforeTable() {
    assertThat(rejection("SELECT pg_sleep(1) FROM secrets; DELETE FROM orders").code())
        .isEqualTo(QueryRejectedException.FORBIDDEN_PATTERN);
    assertThat(rejection("SELECT pg_sleep(1) FROM secrets").code())
        .isEqualTo(QueryRejectedException.FORBIDDEN_FUNCTION);
  }

  @Test
  void theAcceptedTextIsRebuiltWithoutComments() {
    assertThat(guard.check("SELECT /* note */ id -- why\nFROM orders;").sql()).isEqualTo("SELECT id FROM orders");
  }

  @Test
  void mysqlRunsTheTextOfAnExecutableCommentSoTheGuardReadsItAsCode() {
    SqlGuard mysql = SqlGuard.of(ParserDialect.MYSQL, List.of(), Set.of());
    assertThat(rejection(mysql, "SELECT 1 /*! ; DROP TABLE orders */").code())
        .isEqualTo(QueryRejectedException.FORBIDDEN_PATTERN);
  }

  @Test
  void aPlainCommentIsNotCodeOutsideMysql() {
    assertThat(guard.check("SELECT 1 /*! ; DROP TABLE orders */").sql()).isEqualTo("SELECT 1");
  }

  @Test
  void theReasonNeverRepeatsTheWholeQuery() {
    String secretish = "SELECT * FROM customers WHERE api_key = 'sk-live-0123456789'";
    assertThat(rejection(secretish).reason()).doesNotContain("sk-live-0123456789");
  }
}
