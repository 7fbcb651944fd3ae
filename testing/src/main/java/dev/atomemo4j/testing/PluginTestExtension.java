package dev.atomemo4j.testing;

import dev.atomemo4j.devhub.DevHub;
import dev.atomemo4j.runtime.Atomemo4j;
import dev.atomemo4j.runtime.PluginServer;
import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.runtime.internal.hub.RegistryLoader;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/** Starts the dev hub and the plugin once per test class; see {@link PluginTest}. */
final class PluginTestExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PluginTestExtension.class);

  /** The running hub and plugin of one test class. */
  private record Session(DevHub hub, PluginServer server, PluginClient client, Path directory) {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    PluginTest config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PluginTest.class)
        .orElseThrow(() -> new IllegalStateException("@PluginTest is missing on " + context.getRequiredTestClass()));
    long started = System.nanoTime();
    QuietLogs.apply(System.getProperties()); // before the first hub or runtime logger is created
    PluginRegistry registry = Registries.of(config.value());
    // Built once here, so that the factory is asked once per tool class, as in production.
    PluginDescriptor descriptor = RegistryLoader.describe(registry, toolFactory(config));
    String name = descriptor.name();
    Path directory = Files.createTempDirectory("atomemo4j-test-");
    DevHub hub = DevHub.builder()
        .port(0)
        .dataDirectory(directory.resolve("hub"))
        .requestTimeout(Duration.ofSeconds(config.requestTimeoutSeconds()))
        .build();
    hub.start();
    PluginServer server;
    try {
      server = Atomemo4j.builder()
          .registry(() -> descriptor)
          .environment(Map.of(
              "HUB_MODE", "debug",
              "HUB_WS_URL", hub.wsUrl().toString(),
              "HUB_DEBUG_API_KEY", hub.apiKey()))
          .workingDirectory(Files.createDirectories(directory.resolve("plugin")))
          .author("atomemo4j test", "test@atomemo4j.dev")
          .shutdownHook(false)
          .start();
      hub.whenPluginReady(name).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      hub.close();
      throw new IllegalStateException("the plugin " + name + " did not connect to the test hub: " + e, e);
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - started);
    context.publishReportEntry("atomemo4j.startup_ms", Long.toString(startup.toMillis()));
    System.out.println("[atomemo4j] dev hub + " + name + " ready in " + startup.toMillis() + " ms");
    PluginClient client = new PluginClient(hub, name, startup);
    context.getStore(NS).put(Session.class, new Session(hub, server, client, directory));
  }

  private static ToolFactory toolFactory(PluginTest config) {
    Class<? extends ToolFactory> type = config.toolFactory();
    return type == ToolFactory.class ? null : ReflectionSupport.newInstance(type);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Session s = context.getStore(NS).remove(Session.class, Session.class);
    if (s == null) {
      return;
    }
    try {
      s.server().close();
    } finally {
      s.hub().close();
      deleteQuietly(s.directory());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PluginClient.class || type == DevHub.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Session s = context.getStore(NS).get(Session.class, Session.class);
    if (s == null) {
      // Method-level stores inherit from the class store; null means beforeAll never ran for this class.
      throw new ParameterResolutionException("no plugin session: is the class annotated @PluginTest?");
    }
    return parameter.getParameter().getType() == DevHub.class ? s.hub() : s.client();
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing a test run for
    }
  }
}
