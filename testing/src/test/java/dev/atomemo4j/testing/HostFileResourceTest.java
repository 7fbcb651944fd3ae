package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import org.junit.jupiter.api.Test;

/** Plugins and configs from a host file on the test class path; ${…} from the annotation's env. */
@PluginHostTest(hostFile = "kit-host.yaml", env = "NOTES_TITLE=From the host file")
class HostFileResourceTest {

  @Test
  void theHostFilesPluginsRunInItsOrderWithItsConfigAndTheEnvironmentsValues(PluginHost host) {
    assertThat(host.plugins()).extracting(p -> p.id()).containsExactly("notes-plugin", "motto-plugin");
    assertThat(host.context()).isEqualTo(
        "## From the host file\nShip on Fridays only with a rollback plan.\n\nMotto: be kind.");
  }
}
