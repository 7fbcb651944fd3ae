package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.atomemo4j.processor.AtlasDiagnosticsTest.compile;
import static dev.atomemo4j.processor.AtlasDiagnosticsTest.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.core.routes.RouteTable;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import dev.atomemo4j.runtime.routes.RouteRequest;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.RoutesBinding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Routes}: the compile-time checks (one failing source per code, on the exact element and line), the
 * INTERACTION type checked both ways, and what the registry and the manifest get.
 */
class RoutesDiagnosticsTest {
  private static final String INTERACTION = "types = PluginType.INTERACTION";
  private static final String IMPORT = "import dev.atomemo4j.runtime.routes.*;";

  /** A plugin source with the routes imports (on line 4, so the class body starts on line 7). */
  private static JavaFileObject routesPlugin(String attributes, String... body) {
    JavaFileObject base = plugin(attributes, body);
    try {
      String text = base.getCharContent(true).toString().replaceFirst("import dev.atomemo4j.runtime.\\*;",
          "import dev.atomemo4j.runtime.*;\n" + IMPORT);
      return Sources.source("demo.Demo", text.split("\n", -1));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aValidRoutesMethodCompilesAndTheRegistryCallsItDirectly() throws Exception {
    Compilation c = compile(routesPlugin(INTERACTION,
        "  @Routes(timeoutMs = 2500) public void routes(Router router) {",
        "    router.get(\"/ping/{who}\", request -> RouteResponse.ok(\"pong \" + request.pathParam(\"who\")));",
        "  }"));

    assertThat(c).succeededWithoutWarnings();
    String registry = c.generatedSourceFile("demo.DemoRegistry").orElseThrow().getCharContent(true).toString();
    assertThat(registry).contains(".withRoutes(new RoutesBinding(\"routes\", Duration.ofMillis(2500L), "
        + "(p, router) -> ((Demo) p).routes(router)))");
  }

  @Test
  void theGeneratedBindingRegistersTheAuthorsRoutesOnTheRouterItIsGiven() throws Exception {
    Compilation c = compile(routesPlugin(INTERACTION,
        "  @Routes public void routes(Router router) {",
        "    router.get(\"/ping/{who}\", request -> RouteResponse.ok(\"pong \" + request.pathParam(\"who\")));",
        "  }"));
    PluginDescriptor descriptor = GeneratedClasses.descriptor(c, "demo.DemoRegistry");
    RoutesBinding binding = descriptor.atlas().routes();
    RouteTable.Builder router = RouteTable.builder();

    binding.mount().routes(descriptor.atlas().factory().create(null), router);

    RouteTable.Found found = (RouteTable.Found) router.build().match("GET", List.of("ping", "ada"));
    RouteRequest request = new RouteRequest("GET", "/ping/ada", found.params(), Map.of(), Map.of(), null);
    assertThat(found.handler().handle(request).bodyText()).isEqualTo("pong ada");
    assertThat(descriptor.atlas().types()).containsExactly(PluginType.INTERACTION);
    assertThat(binding.timeout()).isNull();
  }

  @Test
  void theManifestNamesTheRoutesMethodAndThePrefix() {
    Compilation c = compile(routesPlugin(INTERACTION, "  @Routes public void mount(Router router) {}"));

    String manifest = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/manifest.json").replaceAll("\\s+", "");
    assertThat(manifest).contains("\"routes\":{\"method\":\"mount\",\"timeoutMs\":0,"
        + "\"prefix\":\"/plugins/demo-plugin/\"}");
  }

  @Test
  @Covers("bad-routes-method")
  void aStaticRoutesMethodIsAnErrorOnIt() {
    JavaFileObject p = routesPlugin(INTERACTION, "  @Routes public static void routes(Router router) {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-routes-method] @Routes method routes must be a "
        + "public instance method returning void and taking one Router").inFile(p).onLineContaining("@Routes");
  }

  @Test
  @Covers("bad-routes-method")
  void aRoutesMethodTakingSomethingElseThanARouterIsAnError() {
    JavaFileObject p = routesPlugin(INTERACTION, "  @Routes public void routes(String prefix) {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-routes-method]").inFile(p)
        .onLineContaining("@Routes");
  }

  @Test
  void aRoutesMethodReturningSomethingIsAnError() {
    JavaFileObject p = routesPlugin(INTERACTION, "  @Routes public Router routes(Router router) { return router; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-routes-method]").inFile(p)
        .onLineContaining("@Routes");
  }

  @Test
  @Covers("duplicate-routes")
  void aSecondRoutesMethodIsAnErrorOnTheSecond() {
    JavaFileObject p = routesPlugin(INTERACTION, "  @Routes public void a(Router router) {}",
        "  @Routes public void b(Router router) {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:duplicate-routes] @Routes is on a and on b").inFile(p)
        .onLineContaining("void b(");
  }

  @Test
  @Covers("routes-outside-plugin")
  void aRoutesMethodOutsideThePluginClassIsAnError() {
    JavaFileObject other = Sources.source("demo.Other", "package demo;", "import dev.atomemo4j.annotations.*;",
        IMPORT, "public class Other {", "  @Routes public void routes(Router router) {}", "}");
    Compilation c = compile(plugin(""), other);

    assertThat(c).hadErrorContaining("[atomemo4j:routes-outside-plugin] @Routes method routes is in Other")
        .inFile(other).onLine(5);
  }

  @Test
  void interactionDeclaredWithoutARoutesMethodIsAnErrorOnTheType() {
    JavaFileObject p = plugin(INTERACTION);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:type-without-provider] @Plugin(types) declares "
        + "INTERACTION, but the plugin class has no @Routes method").inFile(p)
        .onLineContaining("PluginType.INTERACTION");
  }

  @Test
  void aRoutesMethodWithoutTheInteractionTypeIsAnErrorOnTheMethod() {
    JavaFileObject p = routesPlugin("", "  @Routes public void routes(Router router) {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:provider-without-type] @Routes method routes makes the "
        + "plugin of type INTERACTION").inFile(p).onLineContaining("@Routes");
  }

  @Test
  void aNegativeRoutesTimeoutIsAnError() {
    JavaFileObject p = routesPlugin(INTERACTION, "  @Routes(timeoutMs = -5) public void routes(Router router) {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:negative-timeout]").inFile(p).onLineContaining("@Routes");
  }

  @Test
  void independentRoutesMistakesAreAllReportedInOneCompile() {
    JavaFileObject p = routesPlugin("", "  @Routes(timeoutMs = -1) public static void a(Router router) {}",
        "  @Routes public void b(Router router) {}");
    Compilation c = compile(p);

    for (String code : List.of("negative-timeout", "bad-routes-method", "duplicate-routes",
        "provider-without-type")) {
      assertThat(c).hadErrorContaining("[atomemo4j:" + code + "]");
    }
    assertThat(c).hadErrorCount(4);
  }

  @Test
  void aRoutesTimeoutBecomesTheBindingsDeadline() {
    Compilation c = compile(routesPlugin(INTERACTION, "  @Routes(timeoutMs = 1500) public void r(Router router) {}"));

    assertThat(GeneratedClasses.descriptor(c, "demo.DemoRegistry").atlas().routes().timeout())
        .isEqualTo(Duration.ofMillis(1500));
  }
}
