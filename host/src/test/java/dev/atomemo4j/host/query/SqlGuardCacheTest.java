package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The guard remembers verdicts and limited texts; remembering must never change an answer. */
class SqlGuardCacheTest {
  private static SqlGuard guard() {
    return SqlGuard.of(ParserDialect.POSTGRESQL, List.of(), Set.of("orders"));
  }

  @Test
  void aRepeatedRejectionKeepsItsCodeAndReason() {
    SqlGuard guard = guard();
    QueryRejectedException first = catchRejection(guard, "SELECT * FROM secrets");
    QueryRejectedException second = catchRejection(guard, "SELECT * FROM secrets");
    assertThat(second).isNotSameAs(first);
    assertThat(second.code()).isEqualTo(first.code());
    assertThat(second.reason()).isEqualTo(first.reason());
  }

  @Test
  void aRepeatedAcceptanceIsEqual() {
    SqlGuard guard = guard();
    assertThat(guard.check("SELECT id FROM orders")).isEqualTo(guard.check("SELECT id FROM orders"));
  }

  @Test
  void theLimitedTextIsTheSameWhetherTheCheckedTreeIsReusedOrParsedAgain() {
    SqlGuard reusing = guard();
    CheckedQuery checked = reusing.check("SELECT id FROM orders UNION SELECT id FROM orders LIMIT 500");
    String fromTree = reusing.withRowLimit(checked, 50);
    String parsedAgain = reusing.withRowLimit(checked, 60);
    assertThat(fromTree).isEqualTo("SELECT id FROM orders UNION SELECT id FROM orders LIMIT 50");
    assertThat(parsedAgain).isEqualTo("SELECT id FROM orders UNION SELECT id FROM orders LIMIT 60");
    assertThat(reusing.withRowLimit(checked, 50)).isEqualTo(fromTree);
  }

  @Test
  void aLimitedTextNeverChangesTheCheckedQuery() {
    SqlGuard guard = guard();
    CheckedQuery checked = guard.check("SELECT id FROM orders");
    guard.withRowLimit(checked, 5);
    assertThat(guard.check("SELECT id FROM orders").sql()).isEqualTo("SELECT id FROM orders");
    assertThat(guard.withRowLimit(guard.check("SELECT id FROM orders"), 7)).isEqualTo("SELECT id FROM orders LIMIT 7");
  }

  @Test
  void aQueryTooLongToRememberIsStillJudged() {
    String longQuery = "SELECT id FROM orders WHERE id IN (" + "1, ".repeat(3000) + "1)";
    SqlGuard guard = guard();
    assertThat(guard.check(longQuery).tables()).containsExactly("orders");
    assertThatThrownBy(() -> guard.check(longQuery.replace("orders", "secrets")))
        .isInstanceOf(QueryRejectedException.class);
  }

  private static QueryRejectedException catchRejection(SqlGuard guard, String sql) {
    try {
      guard.check(sql);
    } catch (QueryRejectedException e) {
      return e;
    }
    throw new AssertionError("accepted: " + sql);
  }
}
