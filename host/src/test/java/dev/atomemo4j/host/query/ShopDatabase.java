package dev.atomemo4j.host.query;

import dev.atomemo4j.jdbc.JdbcQueryConnection;
import dev.atomemo4j.jdbc.JdbcSettings;
import dev.atomemo4j.runtime.datasource.Entity;
import dev.atomemo4j.runtime.datasource.QueryConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real H2 database in memory with three tables, two of them entities ({@code customers}, {@code orders}) and one
 * not ({@code salaries}); kept alive by one connection until {@link #close()}.
 */
final class ShopDatabase implements AutoCloseable {
  static final List<Entity> ENTITIES = List.of(new Entity("customers", "table: customers\ndescription: people"),
      new Entity("orders", "description: what they bought"));

  final String url;
  private final Connection keepAlive;

  ShopDatabase() throws SQLException {
    url = "jdbc:h2:mem:shop" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    keepAlive = DriverManager.getConnection(url, "sa", "");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40))");
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(8,2))");
      s.execute("CREATE TABLE salaries (id INT PRIMARY KEY, amount INT)");
      s.execute("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus'), (4, 'Barbara')");
      s.execute("INSERT INTO orders VALUES (10, 1, 12.50), (11, 2, 7.00)");
      s.execute("INSERT INTO salaries VALUES (1, 100000)");
    }
  }

  /** A pooled, read-write (so that only the host's path keeps writes out) connection to it. */
  QueryConnection connect() {
    return JdbcQueryConnection.open(JdbcSettings.of(url, "sa", null).withPoolSize(2).withReadOnly(false));
  }

  long count(String table) throws SQLException {
    try (Statement s = keepAlive.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    keepAlive.close();
  }
}
