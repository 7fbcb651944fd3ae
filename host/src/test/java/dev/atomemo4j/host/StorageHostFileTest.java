package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.testplugins.ActionsPlugin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host file's top-level {@code database:}: the one storage database of actions and plugin tables. */
class StorageHostFileTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @BeforeEach
  void reset() {
    ActionsPlugin.reset();
  }

  PluginHost start(String top) {
    String file = top + "plugins:\n  - registry: dev.atomemo4j.host.testplugins.ActionsPluginRegistry\n";
    return HostFile.parse(file, "host.yaml", Map.of("DIR", dir.toString()), getClass().getClassLoader())
        .toBuilder().start();
  }

  @Test
  void theTopLevelDatabaseHoldsTheActionStore() throws Exception {
    try (PluginHost host = start("database: jdbc:h2:file:${DIR}/storage\n")) {
      assertThat(host.actions().propose("actions", "ping_auto", JSON.createObjectNode().put("n", "1"), "bob")
          .state()).isEqualTo(ActionState.SUCCEEDED);
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("storage"));
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM atomemo4j_action_request")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void bothTheDatabaseAndItsOlderNameAreRefused() {
    assertThatThrownBy(() -> start("database: jdbc:h2:file:${DIR}/a\nactions:\n  database: jdbc:h2:file:${DIR}/b\n"))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("set either database or actions.database");
  }
}
