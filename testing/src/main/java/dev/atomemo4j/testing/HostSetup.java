package dev.atomemo4j.testing;

import dev.atomemo4j.host.PluginHost;
import java.nio.file.Path;

/**
 * Adds plugins and settings to the host a test runs against, just before it starts (in {@code beforeAll} for a
 * static extension, {@code beforeEach} for an instance field), so it can make the test data the configs point at:
 * files in {@code tempDirectory}, the URL of a server the test started. Anything it throws fails the tests, with
 * its message.
 *
 * <pre>{@code
 * (host, dir) -> {
 *   Path file = Files.writeString(dir.resolve("glossary.txt"), "ARR: annual recurring revenue\n");
 *   host.plugin(CompanyGlossary.class, new GlossaryConfig(file.toString(), "Glossary", 200));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HostSetup {

  /**
   * @param host the builder, with the host file's plugins (if any) already on it
   * @param tempDirectory a fresh directory for this host's test data, deleted after the host is closed
   */
  void configure(PluginHost.Builder host, Path tempDirectory) throws Exception;
}
