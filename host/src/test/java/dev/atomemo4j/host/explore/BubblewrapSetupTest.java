package dev.atomemo4j.host.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.host.PluginHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the bubblewrap backend sets itself up: as {@code nobody} in a user namespace where it can, as a
 * capability-less root where user namespaces are refused (a restricted container, simulated by a wrapper that
 * refuses {@code --unshare-user} as such a kernel does), and, where bwrap is missing, a failed create that
 * selection records before falling back.
 */
class BubblewrapSetupTest {
  private static final ExploreLimits LIMITS = new ExploreLimits(1 << 16, Duration.ofSeconds(60));

  @TempDir Path dir;

  @Test
  void whereUserNamespacesWorkTheCommandRunsAsNobody() throws Exception {
    Bwrap.assumeUsable();
    BubblewrapBackend backend = BubblewrapBackend.create("bwrap", dir);

    assertThat(backend.userNamespace()).isTrue();
    assertThat(backend.exec("id -u", LIMITS).stdout()).isEqualTo("65534\n");
  }

  @Test
  void whereUserNamespacesAreRefusedItRunsWithoutOneAndStillWithoutCapabilities() throws Exception {
    Bwrap.assumeUsable();
    Path wrapper = dir.resolve("bwrap-no-userns");
    Files.writeString(wrapper, """
        #!/bin/sh
        for a in "$@"; do
          if [ "$a" = "--unshare-user" ]; then echo "bwrap: setting up uid map: Permission denied" >&2; exit 1; fi
        done
        exec bwrap "$@"
        """);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));

    BubblewrapBackend backend = BubblewrapBackend.create(wrapper.toString(), dir);
    ProcessOutput out = backend.exec("grep -E '^CapEff:' /proc/self/status; echo x > /escape", LIMITS);

    assertThat(backend.userNamespace()).isFalse();
    assertThat(out.stdout()).isEqualTo("CapEff:\t0000000000000000\n");
    assertThat(out.stderr()).contains("Read-only file system");
  }

  @Test
  void aMissingBwrapFailsCreateWithTheReason() {
    assertThatThrownBy(() -> BubblewrapBackend.create(dir.resolve("no-such-bwrap").toString(), dir))
        .hasMessageContaining("bwrap not found").hasMessageContaining("apt-get install bubblewrap");
  }

  @Test
  void whenBwrapIsMissingSelectionRecordsItAndFallsBackToThePlainProcess() {
    try (PluginHost host = PluginHost.builder().exploreSettings(ExploreSettings.defaults().withSemanticRoot(dir)
        .withBuiltIns(EnumSet.allOf(ExploreSettings.BuiltIn.class)).withBwrap(dir.resolve("absent").toString()))
        .start()) {
      assertThat(host.explore("echo hi").backend()).isEqualTo(PlainProcessBackend.NAME);

      BackendAttempt first = host.explorer().lastSelection().get(0);
      assertThat(first.backend()).isEqualTo(BubblewrapBackend.NAME);
      assertThat(first.outcome()).isEqualTo(BackendAttempt.Outcome.FAILED);
      assertThat(first.reason()).contains("bwrap not found");
    }
  }
}
