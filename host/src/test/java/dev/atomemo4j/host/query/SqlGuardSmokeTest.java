package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlGuardSmokeTest {
  private final SqlGuard guard = SqlGuard.of(ParserDialect.POSTGRESQL, List.of(), Set.of("orders", "customers"));

  @Test
  void aPlainSelectIsAccepted() {
    CheckedQuery q = guard.check("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id -- hi");
    System.out.println(q);
    System.out.println(guard.withRowLimit(q, 10));
    assertThat(q.tables()).containsExactlyInAnyOrder("orders", "customers");
  }

  @Test
  void aDeleteIsRejected() {
    assertThatThrownBy(() -> guard.check("DELETE FROM orders"))
        .isInstanceOfSatisfying(QueryRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(QueryRejectedException.FORBIDDEN_PATTERN));
  }

  @Test
  void aTableOutsideTheEntitiesIsRejected() {
    assertThatThrownBy(() -> guard.check("WITH x AS (SELECT * FROM secret) SELECT * FROM x"))
        .isInstanceOfSatisfying(QueryRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(QueryRejectedException.TABLE_NOT_ALLOWED));
  }
}
