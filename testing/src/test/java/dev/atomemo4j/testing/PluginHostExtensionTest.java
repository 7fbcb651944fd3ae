package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.testing.fixture.Motto;
import dev.atomemo4j.testing.fixture.Notes;
import dev.atomemo4j.testing.fixture.NotesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension: one host for the class, its config made from test data in the setup. */
class PluginHostExtensionTest {

  @RegisterExtension
  static final PluginHostExtension HOST = PluginHostExtension.builder()
      .plugins(Motto.class)
      .configure((host, dir) -> {
        Path file = Files.writeString(dir.resolve("notes.txt"), "Deploys freeze at 16:00.\n");
        host.plugin(Notes.class, new NotesConfig(file.toString(), "Team notes"));
      })
      .build();

  @Test
  void theSetupsConfigReachesThePluginAndTheContextJoinsThePluginsInRegistrationOrder(PluginHost host) {
    assertThat(host.context()).isEqualTo("Motto: be kind.\n\n## Team notes\nDeploys freeze at 16:00.");
  }

  @Test
  void theFieldGivesTheSameHostAndTheSetupsTemporaryDirectory(PluginHost host) {
    assertThat(HOST.host()).isSameAs(host);
    assertThat(HOST.tempDirectory().resolve("notes.txt")).hasContent("Deploys freeze at 16:00.");
  }

  @Test
  void aProbeThroughTheHostReachesThePluginsHealthCheck(PluginHost host, HostEvents events) {
    assertThat(host.probe("notes-plugin").healthy()).isTrue();
    assertThat(events.healthChecks("notes-plugin")).last().satisfies(h -> assertThat(h.probed()).isTrue());
  }
}
