package dev.atomemo4j.testing;

import dev.atomemo4j.host.PluginHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs tests against a {@link PluginHost} with the plugins under test, configured in code: the programmatic form of
 * {@link PluginHostTest}, for plugins whose config needs test data (a temporary file, a mock server's URL).
 *
 * <pre>{@code
 * class CompanyGlossaryTest {
 *   @RegisterExtension
 *   static final PluginHostExtension HOST = PluginHostExtension.configure((host, dir) -> {
 *     Path file = Files.writeString(dir.resolve("glossary.txt"), "ARR: annual recurring revenue\n");
 *     host.plugin(CompanyGlossary.class, new GlossaryConfig(file.toString(), "Glossary", 200));
 *   });
 *
 *   @Test
 *   void putsTheTermsInTheContext(PluginHost host) {
 *     assertThat(host.context()).contains("**ARR**: annual recurring revenue");
 *   }
 * }
 * }</pre>
 *
 * <p>Lifecycle: in a {@code static} field, one host for the test class, started before the first test and closed
 * after the last; in an instance field, a fresh host for every test method (for tests that change the plugin's
 * world: edit or delete its file). Test methods and constructors receive the {@link PluginHost} and its
 * {@link HostEvents} as parameters; {@link #host()}, {@link #events()} and {@link #tempDirectory()} give the same
 * from the field. Start fails the tests with the host's own error (an invalid config lists every problem); with
 * {@link Builder#requireInitialized(boolean)} (the default) a plugin that did not initialize fails them too; at close
 * every plugin must reach {@code teardown} and its teardown end cleanly ({@link Builder#verifyTeardown(boolean)}).
 * Quiet: the kit prints nothing unless {@link Builder#verbose(boolean)}; the host's own logs go to SLF4J.
 */
public final class PluginHostExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PluginHostExtension.class);

  /** Null for the extension {@link PluginHostTest} registers: its settings come from the annotation. */
  private final HostSession.Settings settings;
  private volatile HostSession current;

  private PluginHostExtension(HostSession.Settings settings) {
    this.settings = settings;
  }

  /** Used by {@link PluginHostTest} through {@code @ExtendWith}. */
  PluginHostExtension() {
    this(null);
  }

  /** An extension whose host is set up by {@code setup}, with every other setting at its default. */
  public static PluginHostExtension configure(HostSetup setup) {
    return builder().configure(setup).build();
  }

  /** All settings: plugins, a host file, setups, the admin API, what is verified, verbosity. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The running host.
   *
   * @throws IllegalStateException outside a test this extension serves
   */
  public PluginHost host() {
    return session().host();
  }

  /** The events of the running host. */
  public HostEvents events() {
    return session().events();
  }

  /** The running host's temporary directory (the one its {@link HostSetup}s received). */
  public Path tempDirectory() {
    return session().tempDirectory();
  }

  private HostSession session() {
    HostSession s = current;
    if (s == null) {
      throw new IllegalStateException("no host is running: use the extension from a test method, a @BeforeEach or a "
          + "@BeforeAll of the class that registers it");
    }
    return s;
  }

  // ---- JUnit -----------------------------------------------------------------------------------------------------

  @Override
  public void beforeAll(ExtensionContext context) {
    if (find(context) == null) {
      // None from an enclosing class (@Nested shares its outer class's host) or a constructor that asked first.
      start(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfOwnedBy(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (find(context) == null) {
      // Registered by an instance field (after beforeAll): one host per test method.
      start(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfOwnedBy(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PluginHost.class || type == HostEvents.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Owned owned = find(context);
    if (owned == null) {
      if (context.getTestMethod().isPresent()) {
        throw new ParameterResolutionException("no PluginHost is running for " + context.getDisplayName());
      }
      // A constructor of a @TestInstance(PER_CLASS) class runs before beforeAll: start the class's host now.
      owned = start(context);
    }
    return parameter.getParameter().getType() == HostEvents.class ? owned.session().events()
        : owned.session().host();
  }

  /** A session and the context that started it (and so closes it). */
  private record Owned(HostSession session, String contextId) {}

  private Owned find(ExtensionContext context) {
    // Store lookups climb to the parent contexts: a method sees its class's host, a @Nested class its outer's.
    return context.getStore(NS).get(this, Owned.class);
  }

  private Owned start(ExtensionContext context) {
    HostSession.Settings s = settings != null ? settings : fromAnnotation(context);
    String owner = context.getTestMethod().isPresent()
        ? context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
        : context.getRequiredTestClass().getSimpleName();
    HostSession session = HostSession.start(s, owner, context.getRequiredTestClass().getClassLoader());
    Owned owned = new Owned(session, context.getUniqueId());
    context.getStore(NS).put(this, owned);
    current = session;
    return owned;
  }

  private void stopIfOwnedBy(ExtensionContext context) {
    Owned owned = find(context);
    if (owned == null || !owned.contextId().equals(context.getUniqueId())) {
      return;
    }
    context.getStore(NS).remove(this);
    current = null;
    owned.session().close();
  }

  private static HostSession.Settings fromAnnotation(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    PluginHostTest a = findAnnotation(testClass);
    if (a == null) {
      throw new HostTestFailure("@PluginHostTest is missing on " + testClass.getName());
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : a.env()) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new HostTestFailure("@PluginHostTest(env) of " + testClass.getSimpleName() + ": `" + entry
            + "` is not NAME=value");
      }
      env.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    if (a.value().length == 0 && a.hostFile().isEmpty()) {
      throw new HostTestFailure("@PluginHostTest on " + testClass.getSimpleName() + " names no plugin: give the "
          + "@Plugin classes (@PluginHostTest(MyPlugin.class)) or a host file (@PluginHostTest(hostFile = "
          + "\"host.yaml\")); for plugins that need a config built in code, use PluginHostExtension");
    }
    return new HostSession.Settings(List.of(a.value()), a.hostFile().isEmpty() ? null : a.hostFile(), null, env,
        List.of(), a.adminApi(), a.requireInitialized(), a.verifyTeardown(), a.verbose());
  }

  private static PluginHostTest findAnnotation(Class<?> testClass) {
    // On the class, a superclass (@Inherited), or an enclosing class of a @Nested one.
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      PluginHostTest a = AnnotationSupport.findAnnotation(c, PluginHostTest.class).orElse(null);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  // ---- builder ---------------------------------------------------------------------------------------------------

  /** Collects the settings of a {@link PluginHostExtension}. */
  public static final class Builder {
    private final List<Class<?>> plugins = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<HostSetup> setups = new ArrayList<>();
    private String hostFileResource;
    private Path hostFile;
    private boolean adminApi;
    private boolean requireInitialized = true;
    private boolean verifyTeardown = true;
    private boolean verbose;

    private Builder() {}

    /** Plugins that take no config, by their {@code @Plugin} classes, registered in this order. */
    public Builder plugins(Class<?>... pluginClasses) {
      for (Class<?> c : pluginClasses) {
        plugins.add(Objects.requireNonNull(c, "plugin class"));
      }
      return this;
    }

    /**
     * Starts from a host file on the file system ({@code host.yaml}, as {@code atomemo4j host} reads it); a relative
     * path is resolved against the working directory (the module's directory under Maven). Its plugins come first.
     */
    public Builder hostFile(Path file) {
      hostFile = Objects.requireNonNull(file, "file");
      hostFileResource = null;
      return this;
    }

    /** Starts from a host file on the test class path ({@code src/test/resources/host.yaml} is {@code "host.yaml"}). */
    public Builder hostFileResource(String resource) {
      hostFileResource = Objects.requireNonNull(resource, "resource");
      hostFile = null;
      return this;
    }

    /** A variable for the host file's {@code ${NAME}} references; these win over the process environment. */
    public Builder environment(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a setup; setups run in the order added, after the host file and {@link #plugins} were applied. */
    public Builder configure(HostSetup setup) {
      setups.add(Objects.requireNonNull(setup, "setup"));
      return this;
    }

    /**
     * Serves the host's HTTP server on an ephemeral loopback port ({@code host.adminUrl()}): the admin API and the
     * interaction plugins' routes ({@code host.pluginUrl(id)}). Default off.
     */
    public Builder adminApi(boolean on) {
      adminApi = on;
      return this;
    }

    /**
     * Whether every plugin must be {@code healthy} once the host started (default true): a failed initialize then
     * fails the tests with its reason. Turn it off to test what happens when one fails.
     */
    public Builder requireInitialized(boolean required) {
      requireInitialized = required;
      return this;
    }

    /**
     * Whether closing the host must tear every plugin down cleanly (default true): a throwing or hanging
     * {@code @Teardown}, or a resource that would not close, then fails the test class (or method).
     */
    public Builder verifyTeardown(boolean verify) {
      verifyTeardown = verify;
      return this;
    }

    /** Prints every host event to standard output as it happens (default false: the kit prints nothing). */
    public Builder verbose(boolean on) {
      verbose = on;
      return this;
    }

    public PluginHostExtension build() {
      return new PluginHostExtension(new HostSession.Settings(plugins, hostFileResource, hostFile, environment,
          setups, adminApi, requireInitialized, verifyTeardown, verbose));
    }
  }
}
