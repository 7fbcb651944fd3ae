package dev.atomemo4j.host.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two hosts booting at once on one new PostgreSQL database, with the same plugins: each step is applied once (the
 * advisory lock makes the second host wait, then find it applied), and every plugin is healthy on both hosts.
 */
class PostgresConcurrentMigrationTest {
  private static final List<String> PLUGINS = List.of("notes", "tasks", "links");

  @Test
  void twoHostsBootingTogetherApplyEachStepOnce() throws Exception {
    String base = PostgresMigrationProofTest.baseUrl();
    for (int round = 0; round < 3; round++) {
      String schema = PostgresMigrationProofTest.createSchema(base, "race_tables_");
      try {
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        List<List<PluginStatus>> statuses = bootTogether(url);

        assertThat(statuses).allSatisfy(host -> assertThat(host).containsOnly(PluginStatus.HEALTHY));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT plugin_id, version, COUNT(*) FROM plugin_migrations "
                + "GROUP BY plugin_id, version ORDER BY plugin_id, version")) {
          List<String> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(rs.getString(1) + " v" + rs.getInt(2) + " x" + rs.getInt(3));
          }
          assertThat(rows).containsExactly("links v1 x1", "links v2 x1", "notes v1 x1", "notes v2 x1",
              "tasks v1 x1", "tasks v2 x1");
        }
      } finally {
        PostgresMigrationProofTest.dropSchema(base, schema);
      }
    }
  }

  /** Starts two hosts on one gate; returns each one's plugin statuses once both are up, then closes them. */
  private static List<List<PluginStatus>> bootTogether(String url) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<PluginHost>> starts = new ArrayList<>();
    try {
      for (int h = 0; h < 2; h++) {
        starts.add(pool.submit(() -> {
          PluginHost.Builder b = PluginHost.builder().database(url);
          for (String id : PLUGINS) {
            b.plugin(TablePlugins.plugin(id, TablePlugins.v2()).registry());
          }
          gate.await();
          return b.start();
        }));
      }
      gate.countDown();
      List<PluginHost> hosts = new ArrayList<>();
      for (Future<PluginHost> f : starts) {
        hosts.add(f.get());
      }
      List<List<PluginStatus>> out = new ArrayList<>();
      for (PluginHost host : hosts) {
        out.add(host.plugins().stream().map(p -> p.status()).toList());
        host.close();
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
