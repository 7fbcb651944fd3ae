package dev.atomemo4j.examples.notesstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.storage.DatabaseException;
import dev.atomemo4j.runtime.storage.PluginDatabase;
import dev.atomemo4j.testing.PluginHostExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The processor-generated registry of {@link NotesStore} in a real PluginHost on an H2 storage database: its table
 * migrated before initialize, notes saved by an action and read back as context through its scoped db().
 */
class NotesStoreTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final PluginHostExtension kit = PluginHostExtension.configure((host, dir) -> host
      .plugin(NotesStore.class)
      .database(url(dir)));

  static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("storage");
  }

  static JsonNode note(String title, String body) {
    return JSON.createObjectNode().put("title", title).put("body", body);
  }

  @Test
  void theTableIsMigratedToVersionTwoBeforeThePluginStarts(PluginHost host) throws Exception {
    assertThat(host.plugin("notes-store").status()).isEqualTo(PluginStatus.HEALTHY);
    List<String> steps = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(kit.tempDirectory()));
        ResultSet rs = c.createStatement().executeQuery("SELECT version, description FROM plugin_migrations "
            + "WHERE plugin_id = 'notes-store' ORDER BY version")) {
      while (rs.next()) {
        steps.add(rs.getInt(1) + " " + rs.getString(2));
      }
    }

    assertThat(steps).containsExactly("1 create the tables", "2 index the pinned notes");
  }

  @Test
  void theManifestListsTheTableAndItsVersion(PluginHost host) throws Exception {
    JsonNode tables = JSON.readTree(host.plugin("notes-store").manifestJson().orElseThrow()).get("tables");

    assertThat(tables.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(tables.get("tables").findValuesAsText("name")).contains("note", "title", "body", "pinned");
  }

  @Test
  void aSavedNoteBecomesContextOnceAPersonPinsIt(PluginHost host) {
    ActionRequest saved = host.actions().propose("notes-store", "save_note", note("Deploys", "Fridays never."),
        "agent");
    ActionRequest pin = host.actions().propose("notes-store", "pin_note",
        JSON.createObjectNode().put("title", "Deploys"), "agent");
    host.refresh("notes-store");
    assertThat(host.context()).isEmpty();

    host.actions().approve(pin.id(), Approver.of("alice", Approver.APPROVER));
    host.refresh("notes-store");

    assertThat(saved.state()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(host.context()).isEqualTo("Pinned team notes:\n- Deploys: Fridays never.");
  }

  @Test
  void thePluginsHandleReachesNoTableButItsOwn(PluginHost host) {
    PluginDatabase db = ((NotesStore) host.plugin("notes-store").pluginObject()).db();

    assertThatThrownBy(() -> db.query("SELECT * FROM atomemo4j_action_request"))
        .isInstanceOfSatisfying(DatabaseException.class,
            e -> assertThat(e.code()).isEqualTo(DatabaseException.TABLE_NOT_OWNED));
  }
}
