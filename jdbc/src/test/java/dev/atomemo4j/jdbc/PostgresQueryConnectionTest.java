package dev.atomemo4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC helper on a real PostgreSQL ({@code ATOMEMO4J_TEST_POSTGRES_URL}, started by {@code .ci/postgres.sh});
 * skipped, saying so, when none is configured.
 */
class PostgresQueryConnectionTest {
  private static JdbcQueryConnection connection;

  @BeforeAll
  static void open() {
    String url = System.getProperty("atomemo4j.test.postgres.url", System.getenv("ATOMEMO4J_TEST_POSTGRES_URL"));
    if (url == null || url.isBlank()) {
      Assumptions.abort("no PostgreSQL: set ATOMEMO4J_TEST_POSTGRES_URL (eval \"$(.ci/postgres.sh)\" starts one)");
    }
    connection = JdbcQueryConnection.open(JdbcSettings.of(url, null, null).withPoolSize(1));
  }

  @AfterAll
  static void close() {
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void aStatementPastItsTimeoutIsASqlTimeoutAndTheOnlyPooledConnectionAnswersNext() throws Exception {
    assertThatThrownBy(() -> connection.query("SELECT pg_sleep(30)", Duration.ofSeconds(1)))
        .isInstanceOf(SQLTimeoutException.class);

    assertThat(connection.query("SELECT 41 + 1 AS answer", Duration.ofSeconds(5)).rows())
        .containsExactly(List.of(42));
  }
}
