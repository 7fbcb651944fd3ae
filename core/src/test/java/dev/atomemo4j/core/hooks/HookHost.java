package dev.atomemo4j.core.hooks;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.ConfigValidator;
import dev.atomemo4j.core.lifecycle.Deadlines;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.core.lifecycle.Ticker;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.HookBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test plugins with hooks, described as the processor's generated registry would (plain lambdas), booted in a
 * {@link HostedPlugins}: the real instances, statuses and deadlines the dispatcher works over.
 */
final class HookHost {
  private final List<PluginSpec> specs = new ArrayList<>();
  private Deadlines deadlines = Deadlines.DEFAULT;

  /** One plugin under construction. */
  static final class Plugin {
    final String id;
    final List<HookBinding> hooks = new ArrayList<>();
    boolean enabled = true;
    boolean failsToInitialize;
    Duration hookDeadline;

    Plugin(String id) {
      this.id = id;
    }

    Plugin hook(HookPoint point, HookBinding.Handler handler) {
      return hook(point, null, null, handler);
    }

    Plugin hook(HookPoint point, Duration timeout, HookBinding.Matcher matcher, HookBinding.Handler handler) {
      hooks.add(new HookBinding(point, "hook" + hooks.size(), timeout, matcher, handler));
      return this;
    }

    /** The operator's per-plugin hook deadline (a host file's {@code timeouts: {hook: …}}). */
    Plugin hookDeadline(Duration d) {
      hookDeadline = d;
      return this;
    }

    Plugin disabled() {
      enabled = false;
      return this;
    }

    Plugin failingToInitialize() {
      failsToInitialize = true;
      return this;
    }
  }

  static Plugin plugin(String id) {
    return new Plugin(id);
  }

  HookHost deadlines(Deadlines d) {
    this.deadlines = d;
    return this;
  }

  HookHost add(Plugin p) {
    AtlasBinding.LifecycleMethod<AtlasBinding.Initializer> init = p.failsToInitialize
        ? new AtlasBinding.LifecycleMethod<>("init", null, (plugin, context) -> {
          throw new IllegalStateException("no database");
        })
        : null;
    AtlasBinding atlas = new AtlasBinding(null, Set.<PluginType>of(), false, null, config -> new Object(), init,
        null, null, null, null, null, List.of()).withHooks(p.hooks);
    PluginDescriptor descriptor = new PluginDescriptor(p.id, "1.0.0", "META-INF/atomemo4j/" + p.id
        + "/definition.json", HookHost.class, List.of(), List.of(), atlas);
    specs.add(new PluginSpec(descriptor, ConfigInput.NONE, p.enabled,
        p.hookDeadline == null ? Map.of() : Map.of(CallKind.HOOK, p.hookDeadline)));
    return this;
  }

  /** Registered and booted, in the order added. */
  HostedPlugins boot() {
    HostedPlugins plugins = new HostedPlugins(ConfigValidator.validate(specs), deadlines, List.of(), Ticker.SYSTEM,
        Clock.systemUTC(), Duration.ofSeconds(10));
    plugins.boot();
    return plugins;
  }
}
