package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.atomemo4j.processor.AtlasDiagnosticsTest.compile;
import static dev.atomemo4j.processor.AtlasDiagnosticsTest.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import dev.atomemo4j.runtime.sandbox.ExploreBackend;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.SandboxBinding;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Sandbox}: one failing source per code (on the exact element and line), the SANDBOX type checked both ways,
 * and what the registry and the manifest carry for a valid factory.
 */
class SandboxDiagnosticsTest {

  private static final String SANDBOX_TYPE = "types = PluginType.SANDBOX";
  private static final String IMPORTS = "  // imports are fully qualified below";

  private static JavaFileObject sandboxPlugin(String... body) {
    return plugin(SANDBOX_TYPE, body);
  }

  /** A factory that echoes the command and the semantic root's name: what a test can see it was called with. */
  private static final String ECHO_FACTORY = "  public dev.atomemo4j.runtime.sandbox.ExploreBackend create("
      + "java.nio.file.Path root) { return c -> new dev.atomemo4j.runtime.sandbox.ExecResult(c + \"@\" + "
      + "root.getFileName(), \"\", 0); }";

  @Test
  void theRegistryCallsTheFactoryWithTheSemanticRootAndCarriesTheDeclaration(@TempDir Path root) throws Exception {
    Compilation c = compile(sandboxPlugin(IMPORTS,
        "  @Sandbox(priority = 80, networkIsolation = true, filesystemIsolation = true,",
        "      unprivilegedExecution = false, description = \"a test box\")",
        ECHO_FACTORY));

    assertThat(c).succeededWithoutWarnings();
    PluginDescriptor d = GeneratedClasses.descriptor(c, "demo.DemoRegistry");
    SandboxBinding s = d.atlas().sandbox();
    assertThat(s.priority()).isEqualTo(80);
    assertThat(s.capabilities()).isEqualTo(new SandboxCapabilities(true, true, false));
    assertThat(s.description()).isEqualTo("a test box");
    Object plugin = d.atlas().factory().create(null);
    ExploreBackend backend = s.factory().create(plugin, root);
    assertThat(backend.exec("ls")).isEqualTo(new ExecResult("ls@" + root.getFileName(), "", 0));
  }

  @Test
  void aSandboxPluginWithoutAHealthCheckIsProbedByCreatingAndClosingABackend() throws Exception {
    Compilation c = compile(sandboxPlugin(IMPORTS,
        "  public int closed;",
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        "  public dev.atomemo4j.runtime.sandbox.ExploreBackend create(java.nio.file.Path root) {",
        "    if (!java.nio.file.Files.isDirectory(root)) throw new IllegalStateException(\"no root\");",
        "    return new dev.atomemo4j.runtime.sandbox.ExploreBackend() {",
        "      public dev.atomemo4j.runtime.sandbox.ExecResult exec(String c) { return null; }",
        "      public void close() { closed++; }",
        "    };",
        "  }"));

    assertThat(c).succeededWithoutWarnings();
    PluginDescriptor d = GeneratedClasses.descriptor(c, "demo.DemoRegistry");
    Object plugin = d.atlas().factory().create(null);
    HealthResult health = d.atlas().healthCheck().call().check(plugin);

    assertThat(health.healthy()).isTrue();
    assertThat(plugin.getClass().getField("closed").getInt(plugin)).isEqualTo(1);
    assertThat(d.atlas().healthCheck().timeout()).isEqualTo(SandboxBinding.DEFAULT_HEALTH_DEADLINE);
  }

  @Test
  void theDefaultPriorityIsSixtyAndAnOwnHealthCheckIsKept() throws Exception {
    Compilation c = compile(sandboxPlugin(IMPORTS,
        "  @Sandbox(networkIsolation = false, filesystemIsolation = false, unprivilegedExecution = false)",
        ECHO_FACTORY,
        "  @HealthCheck public HealthResult health() { return HealthResult.unhealthy(\"own\"); }"));

    assertThat(c).succeededWithoutWarnings();
    PluginDescriptor d = GeneratedClasses.descriptor(c, "demo.DemoRegistry");
    assertThat(d.atlas().sandbox().priority()).isEqualTo(60);
    Object plugin = d.atlas().factory().create(null);
    assertThat(d.atlas().healthCheck().call().check(plugin).message()).contains("own");
  }

  @Test
  void theManifestDescribesTheSandbox() {
    Compilation c = compile(sandboxPlugin(IMPORTS,
        "  @Sandbox(priority = 90, networkIsolation = true, filesystemIsolation = false,",
        "      unprivilegedExecution = true, description = \"vm\")",
        ECHO_FACTORY));

    String manifest = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/manifest.json").replaceAll("\\s+", "");
    assertThat(manifest).contains("\"types\":[\"sandbox\"]", "\"sandbox\":{\"method\":\"create\",\"priority\":90,"
        + "\"networkIsolation\":true,\"filesystemIsolation\":false,\"unprivilegedExecution\":true,"
        + "\"description\":\"vm\"}");
  }

  @Test
  @Covers("bad-sandbox-method")
  void aFactoryTakingNoPathIsAnErrorOnItsAnnotation() {
    JavaFileObject p = sandboxPlugin(IMPORTS,
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        "  public dev.atomemo4j.runtime.sandbox.ExploreBackend create() { return null; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-sandbox-method] @Sandbox method create must be a "
        + "public instance method returning ExploreBackend and taking one Path").inFile(p).onLine(7);
  }

  @Test
  @Covers("bad-sandbox-method")
  void aStaticFactoryIsAnError() {
    JavaFileObject p = sandboxPlugin(IMPORTS,
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        "  public static dev.atomemo4j.runtime.sandbox.ExploreBackend create(java.nio.file.Path r) { return null; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-sandbox-method]").inFile(p).onLine(7);
  }

  @Test
  @Covers("bad-sandbox-method")
  void aFactoryReturningSomethingElseIsAnError() {
    JavaFileObject p = sandboxPlugin(IMPORTS,
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        "  public Object create(java.nio.file.Path r) { return null; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-sandbox-method]").inFile(p).onLine(7);
  }

  @Test
  @Covers("duplicate-sandbox")
  void twoFactoriesAreAnErrorOnTheSecond() {
    JavaFileObject p = sandboxPlugin(IMPORTS,
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        ECHO_FACTORY,
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        ECHO_FACTORY.replace("create(", "other("));

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:duplicate-sandbox] @Sandbox is on create and on other")
        .inFile(p).onLine(9);
  }

  @Test
  @Covers("sandbox-priority-out-of-range")
  void aPriorityAboveTheRangeIsAnErrorOnTheAttribute() {
    JavaFileObject p = sandboxPlugin(IMPORTS,
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true,",
        "      priority = 1001)",
        ECHO_FACTORY);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:sandbox-priority-out-of-range] @Sandbox(priority = 1001)"
        + " is outside 0..1000").inFile(p).onLine(8);
  }

  @Test
  @Covers("sandbox-priority-out-of-range")
  void aNegativePriorityIsAnError() {
    JavaFileObject p = sandboxPlugin(IMPORTS,
        "  @Sandbox(priority = -1, networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        ECHO_FACTORY);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:sandbox-priority-out-of-range]").inFile(p).onLine(7);
  }

  @Test
  @Covers("sandbox-outside-plugin")
  void aSandboxOutsideThePluginClassIsAnError() {
    JavaFileObject other = Sources.source("demo.Other", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public class Other {",
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        ECHO_FACTORY,
        "}");

    assertThat(compile(plugin(""), other)).hadErrorContaining("[atomemo4j:sandbox-outside-plugin] @Sandbox method "
        + "create is in Other").inFile(other).onLine(4);
  }

  @Test
  @Covers("type-without-provider")
  void theSandboxTypeWithoutAFactoryIsAnError() {
    JavaFileObject p = sandboxPlugin();

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:type-without-provider] @Plugin(types) declares SANDBOX, "
        + "but the plugin class has no @Sandbox method").inFile(p).onLineContaining("PluginType.SANDBOX");
  }

  @Test
  @Covers("provider-without-type")
  void aFactoryInAPluginThatDoesNotDeclareTheSandboxTypeIsAnError() {
    JavaFileObject p = plugin("", IMPORTS,
        "  @Sandbox(networkIsolation = true, filesystemIsolation = true, unprivilegedExecution = true)",
        ECHO_FACTORY);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:provider-without-type] @Sandbox method create makes the "
        + "plugin of type SANDBOX").inFile(p).onLine(7);
  }

  @Test
  void independentSandboxMistakesAreAllReportedInOneCompile() {
    JavaFileObject p = sandboxPlugin(IMPORTS,
        "  @Sandbox(priority = 5000, networkIsolation = true, filesystemIsolation = true,"
            + " unprivilegedExecution = true)",
        "  public Object create(java.nio.file.Path r) { return null; }");

    Compilation c = compile(p);
    assertThat(c).hadErrorContaining("[atomemo4j:bad-sandbox-method]");
    assertThat(c).hadErrorContaining("[atomemo4j:sandbox-priority-out-of-range]");
  }

}
