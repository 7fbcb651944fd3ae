package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.testing.fixture.Broken;
import dev.atomemo4j.testing.fixture.LeakyTeardown;
import dev.atomemo4j.testing.fixture.Motto;
import dev.atomemo4j.testing.fixture.Notes;
import dev.atomemo4j.testing.fixture.NotesConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.junit.platform.engine.TestExecutionResult;

/**
 * How the kit fails, and when it stays quiet: each case is a small test class (nested here, so neither Surefire nor
 * JUnit runs it on its own) run through the JUnit engine, and judged by how it ended.
 */
class HostFailuresTest {

  static class InvalidConfig {
    @RegisterExtension
    static final PluginHostExtension HOST = PluginHostExtension.configure(
        (host, dir) -> host.plugin(Notes.class, new NotesConfig(" ", "x".repeat(41))));

    @Test
    void neverRuns() {}
  }

  @Test
  void anInvalidConfigFailsTheClassWithEveryProblemOfTheHostsError() {
    Throwable failure = onlyFailure(run(InvalidConfig.class));

    assertThat(failure).isInstanceOf(HostTestFailure.class)
        .hasMessageStartingWith("the PluginHost of InvalidConfig did not start: 2 problems in the plugin "
            + "configuration; nothing was started:")
        .hasMessageContaining("plugins.notes-plugin.config.file: must not be blank [config:not_blank]")
        .hasMessageContaining("plugins.notes-plugin.config.title:")
        .hasMessageContaining("[config:size]")
        .hasMessageContaining("[host:invalid_config]");
    assertThat(failure.getCause()).isInstanceOf(InvalidConfigException.class);
    assertThat(((InvalidConfigException) failure.getCause()).problems()).hasSize(2);
  }

  @PluginHostTest(Broken.class)
  static class FailedInitialize {
    @Test
    void neverRuns() {}
  }

  @Test
  void aPluginThatDidNotInitializeFailsTheClassWithItsReason() {
    Throwable failure = onlyFailure(run(FailedInitialize.class));

    assertThat(failure).isInstanceOf(HostTestFailure.class)
        .hasMessageContaining("not every plugin initialized")
        .hasMessageContaining("broken-plugin is unhealthy: initialize failed: IllegalStateException: no connection "
            + "to the knowledge base")
        .hasMessageContaining("broken-plugin: initializing -> unhealthy");
  }

  @PluginHostTest(value = Broken.class, requireInitialized = false)
  static class FailedInitializeAllowed {
    @Test
    void seesThePluginUnhealthyAndOutOfTheContext(PluginHost host) {
      assertThat(host.plugin("broken-plugin").status()).isEqualTo(PluginStatus.UNHEALTHY);
      assertThat(host.context()).isEmpty();
    }
  }

  @Test
  void withRequireInitializedOffATestCanCheckAFailedInitialize() {
    Events events = run(FailedInitializeAllowed.class);

    assertThat(failures(events)).isEmpty();
    assertThat(events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count()).isOne();
  }

  @PluginHostTest(LeakyTeardown.class)
  static class FailingTeardown {
    @Test
    void passes(PluginHost host) {
      assertThat(host.context()).isEqualTo("leaky");
    }
  }

  @Test
  void aFailingTeardownFailsTheClassAfterItsTestsPassed() {
    Events events = run(FailingTeardown.class);

    assertThat(events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count()).isOne();
    assertThat(onlyFailure(events)).isInstanceOf(HostTestFailure.class)
        .hasMessageContaining("the PluginHost of FailingTeardown did not tear down cleanly")
        .hasMessageContaining("leaky-teardown: teardown failed: IllegalStateException: the pool is already closed");
  }

  @PluginHostTest(value = LeakyTeardown.class, verifyTeardown = false)
  static class FailingTeardownAllowed {
    @Test
    void passes() {}
  }

  @Test
  void withVerifyTeardownOffAFailingTeardownIsLeftToTheTest() {
    assertThat(failures(run(FailingTeardownAllowed.class))).isEmpty();
  }

  @PluginHostTest(String.class)
  static class NotAPlugin {
    @Test
    void neverRuns() {}
  }

  @Test
  void aClassWithoutAGeneratedRegistryIsNamedWithTheFix() {
    assertThat(onlyFailure(run(NotAPlugin.class)))
        .hasMessageContaining("no generated registry for java.lang.String")
        .hasMessageContaining("[host:no_registry]");
  }

  @PluginHostTest(hostFile = "no-such-host.yaml")
  static class MissingHostFile {
    @Test
    void neverRuns() {}
  }

  @Test
  void aMissingHostFileIsNamed() {
    assertThat(onlyFailure(run(MissingHostFile.class)))
        .hasMessage("the host file `no-such-host.yaml` of MissingHostFile is not on the test class path (put it "
            + "under src/test/resources)");
  }

  @PluginHostTest(hostFile = "kit-host.yaml")
  static class UndefinedVariable {
    @Test
    void neverRuns() {}
  }

  @Test
  void anUndefinedVariableInTheHostFileIsOneOfTheStartProblems() {
    assertThat(onlyFailure(run(UndefinedVariable.class)))
        .hasMessageContaining("did not start")
        .hasMessageContaining("NOTES_TITLE")
        .hasMessageContaining("[host:undefined_variable]");
  }

  @PluginHostTest
  static class NoPlugins {
    @Test
    void neverRuns() {}
  }

  @Test
  void anAnnotationWithoutPluginsSaysWhatToGive() {
    assertThat(onlyFailure(run(NoPlugins.class))).hasMessageContaining("names no plugin")
        .hasMessageContaining("PluginHostExtension");
  }

  @PluginHostTest(Motto.class)
  static class Passing {
    @Test
    void passes(PluginHost host) {
      assertThat(host.context()).isNotEmpty();
    }
  }

  @PluginHostTest(value = Motto.class, verbose = true)
  static class Verbose {
    @Test
    void passes() {}
  }

  @Test
  void thePassingKitPrintsNothingAndTearsThePluginDown() {
    int before = Motto.TEARDOWNS.get();

    String out = capturingStandardOutput(() -> assertThat(failures(run(Passing.class))).isEmpty());

    assertThat(out).isEmpty();
    assertThat(Motto.TEARDOWNS.get()).isEqualTo(before + 1);
  }

  @Test
  void verbosePrintsEveryHostEventInOrder() {
    String out = capturingStandardOutput(() -> run(Verbose.class));

    assertThat(out.lines().toList()).containsExactly(
        "[atomemo4j host] motto-plugin: (new) -> registered (registered)",
        "[atomemo4j host] motto-plugin: registered -> initializing (initializing)",
        "[atomemo4j host] motto-plugin: initializing -> healthy (created (no @Initialize))",
        "[atomemo4j host] motto-plugin: healthy -> teardown (host closing)",
        "[atomemo4j host] motto-plugin: teardown ok");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().allEvents();
  }

  private static List<Throwable> failures(Events events) {
    return events.failed().stream().map(Event::getPayload)
        .map(p -> p.orElseThrow()).map(p -> ((TestExecutionResult) p).getThrowable().orElseThrow()).toList();
  }

  private static Throwable onlyFailure(Events events) {
    List<Throwable> failures = failures(events);
    assertThat(failures).as("failures").hasSize(1);
    return failures.get(0);
  }

  private static String capturingStandardOutput(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
