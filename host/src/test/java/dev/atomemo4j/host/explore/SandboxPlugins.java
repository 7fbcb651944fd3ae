package dev.atomemo4j.host.explore;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.sandbox.ExecResult;
import dev.atomemo4j.runtime.sandbox.ExploreBackend;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.SandboxBinding;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.runtime.spi.HookBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sandbox plugins as the processor would generate them (an {@link AtlasBinding} with a {@link SandboxBinding} of
 * plain lambdas), with counters a test can read: how often {@code create} and {@code close} ran.
 */
final class SandboxPlugins {
  private final String id;
  private int priority = 60;
  private SandboxCapabilities capabilities = SandboxCapabilities.ISOLATED;
  private Creator creator;
  private AtlasBinding.Probe health;
  private final List<HookBinding> hooks = new ArrayList<>();
  final AtomicInteger created = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();

  /** What {@code create(semanticRoot)} does; the default answers every command with {@code "<id>: <command>"}. */
  @FunctionalInterface
  interface Creator {
    ExploreBackend create(Path semanticRoot) throws Exception;
  }

  private SandboxPlugins(String id) {
    this.id = id;
    this.creator = root -> command -> new ExecResult(id + ": " + command, "", 0);
  }

  static SandboxPlugins sandbox(String id) {
    return new SandboxPlugins(id);
  }

  SandboxPlugins priority(int p) {
    this.priority = p;
    return this;
  }

  SandboxPlugins capabilities(SandboxCapabilities c) {
    this.capabilities = c;
    return this;
  }

  /** A backend whose {@code exec} is this function. */
  SandboxPlugins exec(ExploreBackendFunction exec) {
    this.creator = root -> exec::exec;
    return this;
  }

  SandboxPlugins create(Creator c) {
    this.creator = c;
    return this;
  }

  /** An own {@code @HealthCheck} instead of the sandbox default (create and close). */
  SandboxPlugins health(AtlasBinding.Probe probe) {
    this.health = probe;
    return this;
  }

  /** A {@code @Hook} of this plugin. */
  SandboxPlugins hook(HookPoint point, HookBinding.Handler handler) {
    hooks.add(new HookBinding(point, point.wireName() + "Hook", null, null, handler));
    return this;
  }

  /** A plugin with hooks and no sandbox, healthy as created. */
  static PluginRegistry hooksOnly(String id, List<HookBinding> hooks) {
    AtlasBinding atlas = new AtlasBinding(null, Set.of(), false, null, cfg -> new Object(), null, null, null, null,
        null, null).withHooks(hooks);
    PluginDescriptor d = new PluginDescriptor(id, "1.0.0", "META-INF/atomemo4j/" + id + "/definition.json",
        SandboxPlugins.class, List.of(), List.of(), atlas);
    return () -> d;
  }

  @FunctionalInterface
  interface ExploreBackendFunction {
    ExecResult exec(String command) throws Exception;
  }

  PluginRegistry registry() {
    SandboxBinding binding = new SandboxBinding("create", priority, capabilities, id + " test backend",
        (plugin, root) -> {
          ExploreBackend made = creator.create(root);
          created.incrementAndGet();
          return made == null ? null : new ExploreBackend() {
            @Override
            public ExecResult exec(String command) throws Exception {
              return made.exec(command);
            }

            @Override
            public void close() throws Exception {
              closed.incrementAndGet();
              made.close();
            }
          };
        });
    AtlasBinding.LifecycleMethod<AtlasBinding.Probe> probe = health == null ? null
        : new AtlasBinding.LifecycleMethod<>("health", null, health);
    AtlasBinding atlas = new AtlasBinding(null, Set.of(PluginType.SANDBOX), false, null, cfg -> new Object(), null,
        probe, null, null, null, null).withSandbox(binding).withHooks(hooks);
    PluginDescriptor d = new PluginDescriptor(id, "1.0.0", "META-INF/atomemo4j/" + id + "/definition.json",
        SandboxPlugins.class, List.of(), List.of(), atlas);
    return () -> d;
  }

}
