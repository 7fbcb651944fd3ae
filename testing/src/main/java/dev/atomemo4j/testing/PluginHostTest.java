package dev.atomemo4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link dev.atomemo4j.host.PluginHost} with the plugins under test: Atlas plugins
 * (context plugins and the rest), as {@link PluginTest} does for Hub tools. Before the first test the host validates
 * the config, initializes every plugin in registration order and loads the context; after the last it tears them
 * down (LIFO) and the kit checks every teardown ended cleanly. Test methods and constructors receive the
 * {@link dev.atomemo4j.host.PluginHost} and its {@link HostEvents} as parameters.
 *
 * <pre>{@code
 * @PluginHostTest(Motto.class)                 // plugins without config
 * class MottoTest {
 *   @Test
 *   void addsTheMottoToTheContext(PluginHost host) {
 *     assertThat(host.context()).contains("Be kind.");
 *   }
 * }
 *
 * @PluginHostTest(hostFile = "host.yaml", env = "GLOSSARY_FILE=src/test/resources/glossary.txt")
 * class FromAHostFileTest { … }                // plugins and config from src/test/resources/host.yaml
 * }</pre>
 *
 * <p>For configs built in code (temporary files, a mock server's URL), or one host per test method, register a
 * {@link PluginHostExtension} instead.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PluginHostExtension.class)
public @interface PluginHostTest {

  /** The {@code @Plugin} classes to host, in registration order; each must take no config. */
  Class<?>[] value() default {};

  /**
   * A host file ({@code host.yaml} format, see host/API.md) on the test class path; its plugins are registered
   * before {@link #value()}'s. Its {@code ${NAME}} references are read from {@link #env()}, then the process
   * environment. A relative path in a plugin's config is the plugin's business; {@code java.nio} resolves it against
   * the working directory (the module's directory under Maven).
   */
  String hostFile() default "";

  /** {@code NAME=value} pairs for the host file's {@code ${NAME}} references, over the process environment. */
  String[] env() default {};

  /**
   * Serves the host's HTTP server on an ephemeral loopback port ({@code host.adminUrl()}): the admin API and the
   * interaction plugins' routes ({@code host.pluginUrl(id)}).
   */
  boolean adminApi() default false;

  /** Whether every plugin must be healthy once the host started; false to test a failed initialize. */
  boolean requireInitialized() default true;

  /** Whether closing the host must tear every plugin down cleanly; false to test a failing teardown. */
  boolean verifyTeardown() default true;

  /** Prints every host event to standard output (the kit is quiet otherwise). */
  boolean verbose() default false;
}
