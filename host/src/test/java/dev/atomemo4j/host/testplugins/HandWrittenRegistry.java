package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.AtlasBinding.LifecycleMethod;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link PluginRegistry} the way the processor's generated {@code <Plugin>Registry} does: a descriptor
 * whose {@link AtlasBinding} holds plain lambdas (no reflection). Until the processor's Atlas output is merged,
 * host tests describe their plugins with this; the lead switches some tests to generated plugins afterwards.
 */
public final class HandWrittenRegistry {
  private final String id;
  private Class<?> anchor = Object.class;
  private final Set<PluginType> types = EnumSet.noneOf(PluginType.class);
  private boolean required;
  private ConfigBinding config;
  private AtlasBinding.Factory factory = cfg -> new Object();
  private LifecycleMethod<AtlasBinding.Initializer> initialize;
  private LifecycleMethod<AtlasBinding.Probe> healthCheck;
  private LifecycleMethod<AtlasBinding.Call> teardown;
  private LifecycleMethod<AtlasBinding.Uninstaller> onUninstall;
  private LifecycleMethod<AtlasBinding.ContextLoader> contextLoad;
  private LifecycleMethod<AtlasBinding.Call> refresh;
  private String manifest;

  private HandWrittenRegistry(String id) {
    this.id = id;
  }

  public static HandWrittenRegistry plugin(String id) {
    return new HandWrittenRegistry(id);
  }

  public HandWrittenRegistry anchor(Class<?> anchorClass) {
    this.anchor = anchorClass;
    return this;
  }

  public HandWrittenRegistry required() {
    this.required = true;
    return this;
  }

  public HandWrittenRegistry config(ConfigBinding binding) {
    this.config = binding;
    return this;
  }

  public HandWrittenRegistry factory(AtlasBinding.Factory f) {
    this.factory = f;
    return this;
  }

  public HandWrittenRegistry initialize(AtlasBinding.Initializer call) {
    return initialize(0, call);
  }

  public HandWrittenRegistry initialize(long timeoutMs, AtlasBinding.Initializer call) {
    this.initialize = new LifecycleMethod<>("init", timeout(timeoutMs), call);
    return this;
  }

  public HandWrittenRegistry healthCheck(AtlasBinding.Probe call) {
    return healthCheck(0, call);
  }

  public HandWrittenRegistry healthCheck(long timeoutMs, AtlasBinding.Probe call) {
    this.healthCheck = new LifecycleMethod<>("health", timeout(timeoutMs), call);
    return this;
  }

  public HandWrittenRegistry teardown(AtlasBinding.Call call) {
    return teardown(0, call);
  }

  public HandWrittenRegistry teardown(long timeoutMs, AtlasBinding.Call call) {
    this.teardown = new LifecycleMethod<>("close", timeout(timeoutMs), call);
    return this;
  }

  public HandWrittenRegistry onUninstall(AtlasBinding.Uninstaller call) {
    this.onUninstall = new LifecycleMethod<>("uninstall", null, call);
    return this;
  }

  public HandWrittenRegistry context(AtlasBinding.ContextLoader call) {
    types.add(PluginType.CONTEXT);
    this.contextLoad = new LifecycleMethod<>("load", null, call);
    return this;
  }

  public HandWrittenRegistry refresh(AtlasBinding.Call call) {
    this.refresh = new LifecycleMethod<>("refresh", null, call);
    return this;
  }

  /** A classpath resource holding the plugin manifest. */
  public HandWrittenRegistry manifest(String resource) {
    this.manifest = resource;
    return this;
  }

  public PluginDescriptor descriptor() {
    AtlasBinding atlas = new AtlasBinding(manifest, types, required, config, factory, initialize, healthCheck,
        teardown, onUninstall, contextLoad, refresh);
    return new PluginDescriptor(id, "1.0.0", "META-INF/atomemo4j/" + id + "/definition.json", anchor, List.of(),
        List.of(), atlas);
  }

  public PluginRegistry registry() {
    PluginDescriptor descriptor = descriptor();
    return () -> descriptor;
  }

  private static Duration timeout(long ms) {
    return ms == 0 ? null : Duration.ofMillis(ms);
  }
}
