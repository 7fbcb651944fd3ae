package dev.atomemo4j.maven;

import dev.atomemo4j.devhub.DevHub;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * What {@code atomemo4j dev .} does, from Maven: compiles, starts the local dev hub and its inspector, and runs this
 * project's plugin against it in its own JVM, until Ctrl-C stops both. The hub keeps its key, credentials and
 * catalogue in {@code .atomemo4j-devhub}, as the command does.
 */
@Mojo(name = "dev", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class DevMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
  private List<String> classpath;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  /** The hub's port; 0 picks a free one. */
  @Parameter(property = "atomemo4j.dev.port", defaultValue = "4000")
  private int port;

  /** The hub's data directory. */
  @Parameter(property = "atomemo4j.dev.data", defaultValue = "${project.basedir}/.atomemo4j-devhub")
  private File data;

  /** Stop once the plugin has registered, instead of at Ctrl-C: a smoke check for scripts and CI. */
  @Parameter(property = "atomemo4j.dev.stopAfterReady", defaultValue = "false")
  private boolean stopAfterReady;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    String name = pluginName();
    DevHub hub = DevHub.builder().port(port).dataDirectory(data.toPath()).build();
    try {
      hub.start();
    } catch (IOException e) {
      throw new MojoFailureException("the dev hub cannot start on port " + port + ": " + e.getMessage()
          + " (use -Datomemo4j.dev.port=0 for a free port)");
    }
    Process plugin = null;
    Thread hook = null;
    try {
      getLog().info("atomemo4j dev hub: inspector " + hub.inspectorUrl() + ", HUB_WS_URL=" + hub.wsUrl()
          + ", HUB_DEBUG_API_KEY=" + hub.apiKey());
      plugin = start(hub);
      Process running = plugin;
      // Ctrl-C ends Maven's JVM without unwinding this method: stop the plugin and the hub from a hook too.
      hook = new Thread(() -> {
        stop(running);
        hub.close();
      }, "atomemo4j-dev-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      getLog().info("atomemo4j: plugin " + name + " started (its output follows); Ctrl-C stops it and the hub");
      try {
        hub.whenPluginReady(name).get(2, TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new MojoFailureException("the plugin " + name + " did not register with the dev hub"
            + (plugin.isAlive() ? " within 2 minutes" : " (it exited with status " + plugin.exitValue() + ")"));
      }
      getLog().info("atomemo4j: " + name + " registered with the dev hub; open " + hub.inspectorUrl());
      if (!stopAfterReady) {
        plugin.waitFor();
        getLog().warn("atomemo4j: the plugin exited with status " + plugin.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down: the hook does the same
        }
      }
      stop(plugin);
      hub.close();
      getLog().info("atomemo4j: dev hub stopped");
    }
  }

  private String pluginName() throws MojoFailureException {
    Path classes = Path.of(classpath.isEmpty() ? "" : classpath.get(0));
    try {
      Path generated = GeneratedDefinitions.single(classes, null);
      return generated.getParent().getFileName().toString();
    } catch (IOException e) {
      throw new MojoFailureException("cannot read " + classes + ": " + e.getMessage());
    }
  }

  private Process start(DevHub hub) throws MojoExecutionException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classpath), "dev.atomemo4j.runtime.Main"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(basedir).inheritIO();
    builder.environment().put("HUB_MODE", "debug");
    builder.environment().put("HUB_WS_URL", hub.wsUrl().toString());
    builder.environment().put("HUB_DEBUG_API_KEY", hub.apiKey());
    // The local hub has no Atomemo login to look the author up in; nothing is written with it (see the README).
    builder.environment().putIfAbsent("ATOMEMO4J_AUTHOR", "atomemo4j dev");
    builder.environment().putIfAbsent("ATOMEMO4J_EMAIL", "dev@atomemo4j.dev");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot start the plugin's JVM: " + e.getMessage(), e);
    }
  }

  /** SIGTERM first, so the plugin leaves and closes its socket as on Ctrl-C. */
  private static void stop(Process plugin) {
    if (plugin == null || !plugin.isAlive()) {
      return;
    }
    plugin.destroy();
    try {
      if (!plugin.waitFor(20, TimeUnit.SECONDS)) {
        plugin.destroyForcibly();
      }
    } catch (InterruptedException e) {
      plugin.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
