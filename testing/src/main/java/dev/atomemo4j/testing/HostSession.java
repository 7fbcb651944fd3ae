package dev.atomemo4j.testing;

import dev.atomemo4j.core.lifecycle.LifecycleException;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.lifecycle.StatusTransition;
import dev.atomemo4j.core.lifecycle.TeardownResult;
import dev.atomemo4j.host.HostFile;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One running host of a test class (or of one test method): its events and its temporary directory. Starts the host
 * from {@link Settings}, checks that every plugin initialized, and on close checks that every plugin was torn down
 * cleanly; every failure names the test and carries the host's events.
 */
final class HostSession {

  /** What to start: the annotation's attributes or the extension builder's settings. */
  record Settings(List<Class<?>> plugins, String hostFileResource, Path hostFile, Map<String, String> environment,
      List<HostSetup> setups, boolean adminApi, boolean requireInitialized, boolean verifyTeardown,
      boolean verbose) {
    Settings {
      plugins = List.copyOf(plugins);
      environment = Map.copyOf(environment);
      setups = List.copyOf(setups);
    }
  }

  private final String owner;
  private final PluginHost host;
  private final HostEvents events;
  private final Path tempDirectory;
  private final boolean verifyTeardown;

  private HostSession(String owner, PluginHost host, HostEvents events, Path tempDirectory, boolean verifyTeardown) {
    this.owner = owner;
    this.host = host;
    this.events = events;
    this.tempDirectory = tempDirectory;
    this.verifyTeardown = verifyTeardown;
  }

  PluginHost host() {
    return host;
  }

  HostEvents events() {
    return events;
  }

  Path tempDirectory() {
    return tempDirectory;
  }

  /**
   * Starts a host for {@code owner} (the test class or method, for messages).
   *
   * @throws HostTestFailure when the host file cannot be read, a setup throws, the config is invalid (every problem
   *     listed), a required plugin failed, or (with requireInitialized) a plugin did not initialize
   */
  static HostSession start(Settings settings, String owner, ClassLoader loader) {
    Path temp;
    try {
      temp = Files.createTempDirectory("atomemo4j-host-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the host of " + owner, e);
    }
    HostEvents events = new HostEvents(settings.verbose() ? System.out : null);
    PluginHost host;
    try {
      PluginHost.Builder builder = builder(settings, owner, loader);
      settings.plugins().forEach(builder::plugin);
      builder.listener(events.listener());
      if (settings.adminApi()) {
        builder.adminPort(0);
      }
      for (HostSetup setup : settings.setups()) {
        try {
          setup.configure(builder, temp);
        } catch (Exception e) {
          throw new HostTestFailure("the host setup of " + owner + " failed: " + e, e);
        }
      }
      try {
        host = builder.start();
      } catch (LifecycleException e) {
        // InvalidConfigException's message lists every problem with its path and code: it is the whole story.
        throw new HostTestFailure("the PluginHost of " + owner + " did not start: " + e.getMessage()
            + "\n  host events:" + events.describe(), e);
      }
    } catch (RuntimeException | Error e) {
      deleteQuietly(temp);
      throw e;
    }
    events.attach(host);
    HostSession session = new HostSession(owner, host, events, temp, settings.verifyTeardown());
    if (settings.requireInitialized()) {
      List<String> failed = new ArrayList<>();
      for (PluginInstance plugin : host.plugins()) {
        if (plugin.status() != PluginStatus.HEALTHY) {
          failed.add(plugin.id() + " is " + plugin.status().wireName() + ": " + lastReason(events, plugin.id()));
        }
      }
      if (!failed.isEmpty()) {
        session.closeQuietly();
        throw new HostTestFailure("the PluginHost of " + owner + " started, but not every plugin initialized:\n  - "
            + String.join("\n  - ", failed) + "\n  (requireInitialized = false lets a test check a failed "
            + "initialize)\n  host events:" + events.describe());
      }
    }
    return session;
  }

  private static PluginHost.Builder builder(Settings settings, String owner, ClassLoader loader) {
    if (settings.hostFileResource() == null && settings.hostFile() == null) {
      return PluginHost.builder();
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(settings.environment());
    String text;
    String source;
    if (settings.hostFile() != null) {
      source = settings.hostFile().toString();
      Path dir = settings.hostFile().toAbsolutePath().normalize().getParent();
      if (dir != null) {
        env.putIfAbsent(HostFile.HOST_FILE_DIR, dir.toString()); // as HostFile.read does
      }
      try {
        text = Files.readString(settings.hostFile(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new HostTestFailure("the host file " + source + " of " + owner + " cannot be read: " + e, e);
      }
    } else {
      String name = settings.hostFileResource().startsWith("/") ? settings.hostFileResource().substring(1)
          : settings.hostFileResource();
      source = "classpath:" + name;
      java.net.URL url = loader.getResource(name);
      if (url != null && url.getProtocol().equals("file")) {
        try {
          env.putIfAbsent(HostFile.HOST_FILE_DIR, Path.of(url.toURI()).getParent().toString());
        } catch (java.net.URISyntaxException | RuntimeException e) {
          // a resource without a usable directory: ${HOST_FILE_DIR} stays undefined, and says so if used
        }
      }
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          throw new HostTestFailure("the host file `" + name + "` of " + owner + " is not on the test class path "
              + "(put it under src/test/resources)");
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new HostTestFailure("the host file " + source + " of " + owner + " cannot be read: " + e, e);
      }
    }
    try {
      return HostFile.parse(text, source, env, loader).toBuilder();
    } catch (LifecycleException e) {
      throw new HostTestFailure("the host file " + source + " of " + owner + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static String lastReason(HostEvents events, String pluginId) {
    List<StatusTransition> transitions = events.transitions(pluginId);
    return transitions.isEmpty() ? "no transition recorded" : transitions.get(transitions.size() - 1).reason();
  }

  /**
   * Closes the host (idempotent: a test may have closed it), deletes the temporary directory, and with
   * verifyTeardown fails unless every plugin reached {@code teardown} and its teardown ended cleanly.
   */
  void close() {
    try {
      host.close();
    } finally {
      deleteQuietly(tempDirectory);
    }
    if (!verifyTeardown) {
      return;
    }
    List<String> problems = new ArrayList<>();
    List<TeardownResult> results = events.teardowns();
    for (PluginInstance plugin : host.plugins()) {
      if (plugin.status() != PluginStatus.TEARDOWN) {
        problems.add(plugin.id() + " is " + plugin.status().wireName() + " after close");
      }
    }
    for (TeardownResult result : results) {
      if (!result.ok()) {
        problems.add(result.pluginId() + ": " + result.problem());
      }
    }
    if (!problems.isEmpty()) {
      throw new HostTestFailure("the PluginHost of " + owner + " did not tear down cleanly:\n  - "
          + String.join("\n  - ", problems) + "\n  (verifyTeardown = false lets a test check a failing teardown)"
          + "\n  host events:" + events.describe());
    }
  }

  private void closeQuietly() {
    try {
      host.close();
    } finally {
      deleteQuietly(tempDirectory);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is not worth failing a test run for
    }
  }
}
