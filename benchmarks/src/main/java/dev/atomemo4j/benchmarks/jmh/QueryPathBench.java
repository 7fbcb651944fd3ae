package dev.atomemo4j.benchmarks.jmh;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.jdbc.JdbcQueryConnection;
import dev.atomemo4j.jdbc.JdbcSettings;
import dev.atomemo4j.runtime.datasource.Entity;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.DatasourceBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measure 9: one datasource query through {@code PluginHost.query} (empty check, SQL guard with a JSqlParser parse,
 * table whitelist, automatic LIMIT, hook dispatch with no hooks, the worker under the deadline, the JDBC helper's
 * pool and statement timeout) versus the same final SQL run with raw JDBC on a HikariCP pool of the same size,
 * both reading the rows into the same {@link QueryResult}. One H2 database in memory serves both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryPathBench {
  /** What the agent sends; the host adds {@code LIMIT 1000}, and raw JDBC runs the host's final text. */
  public static final String QUERY = "SELECT id, name, price FROM items WHERE price > 10 ORDER BY id";

  private Connection keepAlive;
  private PluginHost host;
  private HikariDataSource raw;
  private String finalSql;
  /** Measure 9a: a text never seen before (the guard remembers 1,024 verdicts), so every query is parsed. */
  public static final String DISTINCT = "SELECT id, name, price FROM items WHERE price > 10 AND id <> %d ORDER BY id";
  private int n;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    String url = "jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    keepAlive = DriverManager.getConnection(url, "sa", "");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2))");
      s.execute("INSERT INTO items SELECT x, 'item ' || x, x * 1.5 FROM SYSTEM_RANGE(1, 40)");
    }
    DatasourceBinding datasource = new DatasourceBinding("h2", ParserDialect.H2, List.of(), "", "connect",
        p -> JdbcQueryConnection.open(JdbcSettings.of(url, "sa", null).withPoolSize(2)), null,
        p -> List.of(new Entity("items", "table: items")));
    AtlasBinding atlas = new AtlasBinding(null, Set.of(PluginType.DATASOURCE), false, null, c -> new Object(), null,
        null, null, null, null, null, List.of()).withDatasource(datasource);
    PluginDescriptor descriptor = new PluginDescriptor("bench-datasource", "1.0.0",
        "META-INF/atomemo4j/bench-datasource/definition.json", QueryPathBench.class, List.of(), List.of(), atlas);
    host = PluginHost.builder().plugin(() -> descriptor).start();
    finalSql = host.query("bench-datasource", QUERY).sql();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setMaximumPoolSize(2);
    config.setReadOnly(true);
    raw = new HikariDataSource(config);
    if (!hostPath().equals(rawJdbc())) {
      throw new IllegalStateException("the two sides answer differently");
    }
    String sample = host.query("bench-datasource", DISTINCT.formatted(7)).sql();
    if (!sample.equals(DISTINCT.formatted(7) + " LIMIT 1000")) {
      throw new IllegalStateException("the host ran " + sample + "; rawJdbcDistinct would not run the same text");
    }
  }

  @TearDown(Level.Trial)
  public void teardown() throws Exception {
    host.close();
    raw.close();
    keepAlive.close();
  }

  @Benchmark
  public QueryResult hostPath() {
    return host.query("bench-datasource", QUERY).result();
  }

  @Benchmark
  public QueryResult hostPathDistinct() {
    n++;
    return host.query("bench-datasource", DISTINCT.formatted(n)).result();
  }

  @Benchmark
  public QueryResult rawJdbcDistinct() throws Exception {
    n++;
    return run(DISTINCT.formatted(n) + " LIMIT 1000");
  }

  @Benchmark
  public QueryResult rawJdbc() throws Exception {
    return run(finalSql);
  }

  /** The raw baseline: the same final SQL on a plain pool, its rows read by the helper's own reader. */
  private QueryResult run(String sql) throws Exception {
    try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(30);
      try (ResultSet rs = s.executeQuery(sql)) {
        return JdbcQueryConnection.read(rs);
      }
    }
  }
}
