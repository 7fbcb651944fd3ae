package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The corpus's fixture schema on a real database: a fresh H2 in memory, or a fresh database on the PostgreSQL
 * server named by {@code ATOMEMO4J_TEST_POSTGRES_URL} (or {@code -Datomemo4j.test.postgres.url}); dropped on close.
 */
final class CorpusDatabases {
  private CorpusDatabases() {}

  /** A database holding the fixture; {@link #close()} drops it. */
  interface Fixture extends AutoCloseable {
    Connection connection();

    @Override
    void close() throws SQLException;
  }

  private static final List<String> TABLES = List.of(
      "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), country VARCHAR(2),"
          + " created_at TIMESTAMP)",
      "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount NUMERIC(10, 2), status VARCHAR(20),"
          + " placed_at DATE, created_at TIMESTAMP, updated_at TIMESTAMP)",
      "CREATE TABLE order_items (id INT PRIMARY KEY, order_id INT, product VARCHAR(50), qty INT)",
      "CREATE TABLE \"OrderNotes\" (id INT, \"NoteText\" VARCHAR(200))",
      "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'FR', TIMESTAMP '2026-01-02 10:00:00'),"
          + " (2, 'Bob', NULL, 'DE', TIMESTAMP '2026-02-03 11:00:00'), (3, 'alice', 'al@example.com', 'FR', NULL),"
          + " (4, 'Zed', 'z@example.com', '', NULL)",
      "INSERT INTO orders VALUES (1, 1, 12.50, 'paid', DATE '2026-01-05', NULL, NULL),"
          + " (2, 1, 3.00, 'open', DATE '2026-01-20', NULL, NULL),"
          + " (3, 2, 40.00, 'paid', DATE '2026-02-10', NULL, NULL),"
          + " (4, 3, 7.25, 'open', NULL, NULL, NULL), (5, 3, 99.99, 'paid', DATE '2026-03-01', NULL, NULL),"
          + " (6, 2, 1.00, 'refunded', DATE '2026-03-02', NULL, NULL)",
      "INSERT INTO order_items VALUES (1, 1, 'pen', 2), (2, 1, 'ink', 1), (3, 3, 'desk', 1), (4, 5, 'lamp', 3)",
      "INSERT INTO \"OrderNotes\" VALUES (1, 'fragile'), (2, 'gift'), (3, 'call first')");

  static Fixture h2() throws SQLException {
    String url = "jdbc:h2:mem:guard_corpus_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    Connection connection = DriverManager.getConnection(url, "sa", "");
    try (Statement s = connection.createStatement()) {
      for (String sql : TABLES) {
        s.execute(sql);
      }
      s.execute("CREATE TABLE events (id INT, payload JSON)");
    }
    return new Fixture() {
      @Override
      public Connection connection() {
        return connection;
      }

      @Override
      public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
          s.execute("SHUTDOWN");
        }
        connection.close();
      }
    };
  }

  /** The server's URL, or an aborted test when none is set (a failure on CI, where one must be). */
  static String postgresUrl() {
    String base = System.getProperty("atomemo4j.test.postgres.url", System.getenv("ATOMEMO4J_TEST_POSTGRES_URL"));
    if (base == null || base.isBlank()) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("CI must run the PostgreSQL tests: run eval \"$(.ci/postgres.sh)\" first");
      }
      Assumptions.abort("no PostgreSQL: set ATOMEMO4J_TEST_POSTGRES_URL (eval \"$(.ci/postgres.sh)\" starts one)");
    }
    return base;
  }

  /** A database of its own (so {@code public.orders} is the fixture's), on the server {@link #postgresUrl()}. */
  static Fixture postgres() throws SQLException {
    String base = postgresUrl();
    String name = "guard_corpus_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = DriverManager.getConnection(base); Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = base.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    Connection connection = DriverManager.getConnection(url);
    try (Statement s = connection.createStatement()) {
      for (String sql : TABLES) {
        s.execute(sql);
      }
      s.execute("CREATE TABLE events (id INT, payload JSONB)");
      s.execute("INSERT INTO events VALUES (1, '{\"kind\":\"click\",\"meta\":{\"source\":\"web\"},\"items\":[1,2]}'),"
          + " (2, '{\"kind\":\"view\",\"meta\":{\"source\":\"app\"},\"items\":\"none\"}'),"
          + " (3, '{\"kind\":\"click\",\"meta\":{}}')");
    }
    return new Fixture() {
      @Override
      public Connection connection() {
        return connection;
      }

      @Override
      public void close() throws SQLException {
        connection.close();
        try (Connection admin = DriverManager.getConnection(base); Statement s = admin.createStatement()) {
          s.execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
      }
    };
  }

  static Fixture open(ParserDialect dialect) throws SQLException {
    return dialect == ParserDialect.H2 ? h2() : postgres();
  }
}
