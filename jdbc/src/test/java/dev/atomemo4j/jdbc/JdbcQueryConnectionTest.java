package dev.atomemo4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.datasource.QueryResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC helper on a real H2 database in memory: results, the statement timeout, interrupts, close. */
class JdbcQueryConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** A query H2 needs far longer than a second for, and checks for cancellation while it runs. */
  static final String SLOW = "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b";

  private String url;
  private Connection keepAlive;
  private JdbcQueryConnection connection;

  @BeforeEach
  void database() throws Exception {
    url = "jdbc:h2:mem:jdbc" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    keepAlive = DriverManager.getConnection(url, "sa", "");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(6,2))");
      s.execute("INSERT INTO items VALUES (1, 'pen', 1.50), (2, NULL, 3.00)");
    }
    connection = JdbcQueryConnection.open(JdbcSettings.of(url, "sa", Secret.of("")).withPoolSize(2));
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    keepAlive.close();
  }

  @Test
  void columnsAreNamedByTheirLabelsAndValuesAreTheDriversObjects() throws Exception {
    QueryResult r = connection.query("SELECT id AS item_id, name, price FROM items ORDER BY id", TIMEOUT);

    assertThat(r.columns()).containsExactly("ITEM_ID", "NAME", "PRICE");
    assertThat(r.rows()).hasSize(2);
    assertThat(r.rows().get(0)).containsExactly(1, "pen", new java.math.BigDecimal("1.50"));
  }

  @Test
  void sqlNullIsANullCell() throws Exception {
    QueryResult r = connection.query("SELECT name FROM items WHERE id = 2", TIMEOUT);

    assertThat(r.rows()).containsExactly(Arrays.asList((Object) null));
  }

  @Test
  void aWriteIsRefusedByTheReadOnlyConnectionEvenIfItGotThisFar() {
    assertThatThrownBy(() -> connection.query("DELETE FROM items", TIMEOUT))
        .isInstanceOf(java.sql.SQLException.class);
  }

  @Test
  void aQueryPastItsStatementTimeoutIsASqlTimeoutAndThePoolAnswersTheNextQuery() throws Exception {
    assertThatThrownBy(() -> connection.query(SLOW, Duration.ofMillis(300))).isInstanceOf(SQLTimeoutException.class);

    assertThat(connection.query("SELECT COUNT(*) FROM items", TIMEOUT).rows()).containsExactly(List.of(2L));
  }

  @Test
  void anInterruptedQueryIsCancelledAndItsConnectionGoesBackToThePool() throws Exception {
    CompletableFuture<Thread> started = new CompletableFuture<>();
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      started.complete(Thread.currentThread());
      try {
        outcome.complete(connection.query(SLOW, TIMEOUT));
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    worker.start();
    Thread t = started.get(10, TimeUnit.SECONDS);
    while (!StatementCanceller.shared().watching(t) && !outcome.isDone()) {
      Thread.onSpinWait();
    }
    t.interrupt();

    assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    // Both connections of the pool answer: the cancelled one was given back.
    assertThat(connection.query("SELECT 1", TIMEOUT).rows()).containsExactly(List.of(1));
    assertThat(connection.query("SELECT 2", TIMEOUT).rows()).containsExactly(List.of(2));
    assertThat(connection.poolState()).startsWith("active=0");
  }

  @Test
  void aClosedConnectionRefusesQueries() {
    connection.close();

    assertThatThrownBy(() -> connection.query("SELECT 1", TIMEOUT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPositiveTimeoutIsNeverRoundedDownToJdbcsNoLimit() {
    assertThat(JdbcQueryConnection.seconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(JdbcQueryConnection.seconds(Duration.ofMillis(1001))).isEqualTo(2);
    assertThat(JdbcQueryConnection.seconds(Duration.ZERO)).isZero();
  }

  @Test
  void anUnreachableDatabaseFailsWithoutShowingThePassword() {
    JdbcSettings s = new JdbcSettings("jdbc:postgresql://127.0.0.1:1/none", "u", Secret.of("hunter2-marker"), 1,
        Duration.ofMillis(500), true);

    assertThatThrownBy(() -> JdbcQueryConnection.open(s)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot open the JDBC pool for jdbc:postgresql://127.0.0.1:1/none")
        .hasMessageNotContaining("hunter2-marker");
    assertThat(s.toString()).doesNotContain("hunter2-marker");
  }

  @Test
  void theInterruptArrivingBeforeTheQueryStartsIsAnInterruptedException() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> connection.query("SELECT 1", TIMEOUT)).isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }

}
