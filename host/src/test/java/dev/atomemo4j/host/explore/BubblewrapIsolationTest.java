package dev.atomemo4j.host.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in bubblewrap backend against the real {@code bwrap}: what a command inside can and cannot reach. Each
 * escape is also tried on the plain-process backend, where it succeeds, so a passing isolation test is not one that
 * could never fail.
 */
class BubblewrapIsolationTest {
  private static final ExploreLimits LIMITS = new ExploreLimits(1 << 20, Duration.ofSeconds(60));

  @TempDir Path semantic;
  @TempDir Path outside;
  private RunningBackend bwrap;
  private RunningBackend plain;

  @BeforeEach
  void backends() throws Exception {
    Bwrap.assumeUsable();
    Files.writeString(semantic.resolve("orders.yml"), "table: orders\n");
    bwrap = BubblewrapBackend.create("bwrap", semantic);
    plain = PlainProcessBackend.create(semantic);
  }

  @Test
  void theCommandRunsInTheSemanticRootAndReadsIt() throws Exception {
    ProcessOutput out = bwrap.exec("pwd; cat orders.yml", LIMITS);

    assertThat(out.exitCode()).isZero();
    assertThat(out.stdout()).isEqualTo(BubblewrapBackend.SEMANTIC_DIR + "\ntable: orders\n");
  }

  @Test
  void aConnectionToAPortListeningOnTheHostsLoopbackFails() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      String connect = "bash -c 'echo hello > /dev/tcp/127.0.0.1/" + server.getLocalPort() + "'";

      ProcessOutput inside = bwrap.exec(connect, LIMITS);

      assertThat(inside.exitCode()).isNotZero();
      assertThat(inside.stderr()).containsIgnoringCase("connection refused");
      // Nothing reached the server: the first connection it accepts is the test's own.
      try (Socket own = new Socket("127.0.0.1", server.getLocalPort()); Socket accepted = server.accept()) {
        assertThat(accepted.getPort()).isEqualTo(own.getLocalPort());
      }
      assertThat(plain.exec(connect, LIMITS).exitCode()).as("the same command outside a sandbox").isZero();
      try (Socket accepted = server.accept()) {
        assertThat(new String(accepted.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
      }
    }
  }

  @Test
  void aWriteOutsideThePrivateTmpFails() throws Exception {
    ProcessOutput root = bwrap.exec("echo x > /escape", LIMITS);
    ProcessOutput usr = bwrap.exec("echo x > /usr/escape", LIMITS);

    assertThat(root.exitCode()).isNotZero();
    assertThat(root.stderr()).contains("Read-only file system");
    assertThat(usr.exitCode()).isNotZero();
    assertThat(Path.of("/usr/escape")).doesNotExist();
  }

  @Test
  void theTmpInsideIsPrivateSoAWriteThereNeverReachesTheHostsTmp() throws Exception {
    Path target = outside.resolve("leak.txt");

    ProcessOutput out = bwrap.exec("mkdir -p " + outside + " && echo leaked > " + target + " && cat " + target,
        LIMITS);

    assertThat(out.exitCode()).isZero();
    assertThat(out.stdout()).isEqualTo("leaked\n");
    assertThat(target).doesNotExist();
    plain.exec("echo leaked > " + target, LIMITS);
    assertThat(target).as("the same write outside a sandbox").exists();
  }

  @Test
  void theSemanticRootIsReadOnly() throws Exception {
    ProcessOutput write = bwrap.exec("echo x > new.txt", LIMITS);
    ProcessOutput remove = bwrap.exec("rm -f orders.yml", LIMITS);

    assertThat(write.exitCode()).isNotZero();
    assertThat(write.stderr()).contains("Read-only file system");
    assertThat(remove.exitCode()).isNotZero();
    assertThat(semantic.resolve("new.txt")).doesNotExist();
    assertThat(semantic.resolve("orders.yml")).exists();
  }

  @Test
  void processesOutsideAreInvisible() throws Exception {
    long jvm = ProcessHandle.current().pid();
    String look = "test -e /proc/" + jvm + "/cmdline && echo seen; cat /proc/[0-9]*/comm";

    ProcessOutput inside = bwrap.exec(look, LIMITS);

    assertThat(inside.exitCode()).isZero();
    assertThat(inside.stdout()).doesNotContain("seen").doesNotContain("java");
    assertThat(plain.exec(look, LIMITS).stdout()).as("the same look outside a sandbox").contains("seen", "java");
  }

  @Test
  void theCommandHasNoCapabilitiesAndCannotGainPrivileges() throws Exception {
    ProcessOutput out = bwrap.exec("grep -E '^(CapEff|CapPrm|NoNewPrivs):' /proc/self/status", LIMITS);

    assertThat(out.stdout()).contains("CapEff:\t0000000000000000", "CapPrm:\t0000000000000000", "NoNewPrivs:\t1");
  }

  @Test
  void theHostsEnvironmentDoesNotReachTheCommand() throws Exception {
    ProcessOutput out = bwrap.exec("env", LIMITS);

    assertThat(out.stdout()).contains("HOME=/tmp").doesNotContain("JAVA_HOME").doesNotContain("MAVEN");
  }

  @Test
  void anEndlessLoopIsKilledAtTheTimeLimit() throws Exception {
    ProcessOutput out = bwrap.exec("echo started; while :; do :; done", new ExploreLimits(1 << 20,
        Duration.ofMillis(1500)));

    assertThat(out.timedOut()).isTrue();
    assertThat(out.truncated()).isFalse();
    assertThat(out.stdout()).isEqualTo("started\n");
    assertThat(out.exitCode()).isNotZero();
  }

  @Test
  void aFloodOfOutputIsCutAtTheOutputLimitAndKilled() throws Exception {
    ProcessOutput out = bwrap.exec("yes flood", new ExploreLimits(64 * 1024, Duration.ofSeconds(60)));

    assertThat(out.truncated()).isTrue();
    assertThat(out.timedOut()).isFalse();
    assertThat(out.stdout().getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);
    assertThat(out.stdout()).startsWith("flood\nflood\n");
  }

  @Test
  void stdoutAndStderrShareTheOutputLimit() throws Exception {
    ProcessOutput out = bwrap.exec("yes out & yes err >&2; wait", new ExploreLimits(10_000, Duration.ofSeconds(60)));

    assertThat(out.truncated()).isTrue();
    assertThat(out.stdout().length() + out.stderr().length()).isEqualTo(10_000);
  }

}
