package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.testing.fixture.Notes;
import dev.atomemo4j.testing.fixture.NotesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance field: every test method gets a host of its own, so tests may change the plugin's world. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerMethodHostTest {
  private static final Set<PluginHost> SEEN = ConcurrentHashMap.newKeySet();

  @RegisterExtension
  final PluginHostExtension hostExtension = PluginHostExtension.configure((host, dir) -> {
    Path file = Files.writeString(dir.resolve("notes.txt"), "first version\n");
    host.plugin(Notes.class, new NotesConfig(file.toString(), "Notes"));
  });

  @Test
  @Order(1)
  void aTestMayDisableThePlugin(PluginHost host) {
    SEEN.add(host);
    host.disable("notes-plugin");
    assertThat(host.context()).isEmpty();
  }

  @Test
  @Order(2)
  void theNextTestGetsAFreshHostWithThePluginEnabledAgain(PluginHost host) {
    SEEN.add(host);
    assertThat(host.plugin("notes-plugin").enabled()).isTrue();
    assertThat(host.context()).contains("first version");
  }

  @Test
  @Order(3)
  void refreshAfterEditingTheFileReReadsIt(PluginHost host) throws Exception {
    SEEN.add(host);
    Files.writeString(hostExtension.tempDirectory().resolve("notes.txt"), "second version\n");

    assertThat(host.refresh("notes-plugin").ok()).isTrue();

    assertThat(host.context()).isEqualTo("## Notes\nsecond version");
  }

  @Test
  @Order(4)
  void aDeletedFileMakesTheProbeUnhealthyWithoutAnException(PluginHost host, HostEvents events) throws Exception {
    SEEN.add(host);
    Files.delete(hostExtension.tempDirectory().resolve("notes.txt"));

    assertThat(host.probe("notes-plugin").message()).isEqualTo("the notes file is missing");

    assertThat(events.statuses("notes-plugin")).endsWith(PluginStatus.HEALTHY, PluginStatus.UNHEALTHY);
  }

  @AfterAll
  static void everyTestHadItsOwnHost() {
    assertThat(SEEN).hasSize(4);
  }
}
