package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** withRowLimit adds a limit when there is none, lowers a larger one, keeps a smaller one, in every shape. */
class SqlGuardRowLimitTest {
  private final SqlGuard postgres = SqlGuard.of(ParserDialect.POSTGRESQL, List.of(), Set.of());
  private final SqlGuard h2 = SqlGuard.of(ParserDialect.H2, List.of(), Set.of());

  private String limited(String sql, int maxRows) {
    return postgres.withRowLimit(postgres.check(sql), maxRows);
  }

  @Test
  void aQueryWithoutALimitGetsOne() {
    assertThat(limited("SELECT * FROM orders", 100)).isEqualTo("SELECT * FROM orders LIMIT 100");
  }

  @Test
  void aLargerLimitIsLowered() {
    assertThat(limited("SELECT * FROM orders LIMIT 5000", 100)).isEqualTo("SELECT * FROM orders LIMIT 100");
  }

  @Test
  void aSmallerLimitIsKept() {
    assertThat(limited("SELECT * FROM orders LIMIT 7", 100)).isEqualTo("SELECT * FROM orders LIMIT 7");
  }

  @Test
  void anEqualLimitIsKept() {
    assertThat(limited("SELECT * FROM orders LIMIT 100", 100)).isEqualTo("SELECT * FROM orders LIMIT 100");
  }

  @Test
  void limitAllIsReplaced() {
    assertThat(limited("SELECT * FROM orders LIMIT ALL", 100)).isEqualTo("SELECT * FROM orders LIMIT 100");
  }

  @Test
  void aLimitThatIsNotALiteralIsReplaced() {
    assertThat(limited("SELECT * FROM orders LIMIT 10 * 1000", 100)).isEqualTo("SELECT * FROM orders LIMIT 100");
  }

  @Test
  void aLimitWithAnOffsetKeepsTheOffset() {
    assertThat(limited("SELECT * FROM orders ORDER BY id LIMIT 5000 OFFSET 20", 100))
        .isEqualTo("SELECT * FROM orders ORDER BY id LIMIT 100 OFFSET 20");
  }

  @Test
  void anOffsetAloneGetsALimitBeforeIt() {
    assertThat(limited("SELECT * FROM orders ORDER BY id OFFSET 20", 100))
        .isEqualTo("SELECT * FROM orders ORDER BY id LIMIT 100 OFFSET 20");
  }

  @Test
  void aStandardOffsetGetsAStandardFetch() {
    assertThat(limited("SELECT * FROM orders ORDER BY id OFFSET 20 ROWS", 100))
        .isEqualTo("SELECT * FROM orders ORDER BY id OFFSET 20 ROWS FETCH NEXT 100 ROWS ONLY");
  }

  @Test
  void aLargerFetchFirstIsLoweredNotDoubled() {
    assertThat(limited("SELECT * FROM orders FETCH FIRST 5000 ROWS ONLY", 100))
        .isEqualTo("SELECT * FROM orders FETCH FIRST 100 ROWS ONLY");
  }

  @Test
  void aSmallerFetchFirstIsKept() {
    assertThat(limited("SELECT * FROM orders FETCH FIRST 3 ROWS ONLY", 100))
        .isEqualTo("SELECT * FROM orders FETCH FIRST 3 ROWS ONLY");
  }

  @Test
  void aUnionIsLimitedAsAWhole() {
    assertThat(limited("SELECT id FROM a UNION SELECT id FROM b", 100))
        .isEqualTo("SELECT id FROM a UNION SELECT id FROM b LIMIT 100");
  }

  @Test
  void aUnionsTrailingLimitIsLoweredNotDoubled() {
    assertThat(limited("SELECT id FROM a UNION SELECT id FROM b LIMIT 5000", 100))
        .isEqualTo("SELECT id FROM a UNION SELECT id FROM b LIMIT 100");
  }

  @Test
  void aUnionOrderedAsAWholeGetsItsLimitAfterTheOrder() {
    assertThat(limited("SELECT id FROM a UNION SELECT id FROM b ORDER BY 1", 100))
        .isEqualTo("SELECT id FROM a UNION SELECT id FROM b ORDER BY 1 LIMIT 100");
  }

  @Test
  void aLimitInsideASubqueryIsNotTheQuerysLimit() {
    assertThat(limited("SELECT * FROM (SELECT * FROM orders LIMIT 5) x", 100))
        .isEqualTo("SELECT * FROM (SELECT * FROM orders LIMIT 5) x LIMIT 100");
  }

  @Test
  void aParenthesizedQueryIsLimitedOutside() {
    assertThat(limited("(SELECT * FROM orders)", 100)).isEqualTo("(SELECT * FROM orders) LIMIT 100");
  }

  @Test
  void valuesGetALimit() {
    assertThat(limited("VALUES (1), (2), (3)", 2)).isEqualTo("VALUES (1), (2), (3) LIMIT 2");
  }

  @Test
  void theCheckedQueryReportsTheLimitItHas() {
    assertThat(postgres.check("SELECT * FROM orders LIMIT 7").limit()).isEqualTo(OptionalLong.of(7));
    assertThat(postgres.check("SELECT * FROM orders FETCH FIRST 3 ROWS ONLY").limit()).isEqualTo(OptionalLong.of(3));
    assertThat(postgres.check("SELECT 1 UNION SELECT 2 LIMIT 4").limit()).isEqualTo(OptionalLong.of(4));
  }

  @Test
  void theCheckedQueryReportsNoLimitWhenItHasNone() {
    assertThat(postgres.check("SELECT * FROM (SELECT * FROM orders LIMIT 5) x").limit()).isEmpty();
    assertThat(postgres.check("SELECT * FROM orders LIMIT ALL").limit()).isEmpty();
  }

  @Test
  void h2GetsTheSameLimitForm() {
    assertThat(h2.withRowLimit(h2.check("SELECT * FROM orders"), 10)).isEqualTo("SELECT * FROM orders LIMIT 10");
  }

  @Test
  void sqlServerGetsTop() {
    SqlGuard sqlServer = SqlGuard.of(ParserDialect.SQLSERVER, List.of(), Set.of());
    assertThat(sqlServer.withRowLimit(sqlServer.check("SELECT * FROM orders"), 10))
        .isEqualTo("SELECT TOP 10 * FROM orders");
  }

  @Test
  void oracleGetsFetchFirst() {
    SqlGuard oracle = SqlGuard.of(ParserDialect.ORACLE, List.of(), Set.of());
    assertThat(oracle.withRowLimit(oracle.check("SELECT * FROM orders"), 10))
        .isEqualTo("SELECT * FROM orders FETCH FIRST 10 ROWS ONLY");
  }

  @Test
  void aLimitBelowOneIsRefused() {
    CheckedQuery checked = postgres.check("SELECT 1");
    assertThatThrownBy(() -> postgres.withRowLimit(checked, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
