package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.datasource.Entity;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.DatasourceBinding;
import dev.atomemo4j.runtime.spi.HookBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the registry the processor generates for a datasource plugin (compare DatasourceDiagnosticsTest) or a
 * plugin with hooks only (compare the hooks work's generator): a descriptor of plain lambdas.
 */
public final class DatasourcePlugins {
  private final String id;
  private final Set<PluginType> types = EnumSet.noneOf(PluginType.class);
  private DatasourceBinding datasource;
  private final List<HookBinding> hooks = new ArrayList<>();
  private AtlasBinding.LifecycleMethod<AtlasBinding.Probe> healthCheck;
  private AtlasBinding.LifecycleMethod<AtlasBinding.Call> teardown;

  private DatasourcePlugins(String id) {
    this.id = id;
  }

  public static DatasourcePlugins plugin(String id) {
    return new DatasourcePlugins(id);
  }

  /** A SQL datasource in {@code dialect} whose connection comes from {@code connect}. */
  public DatasourcePlugins datasource(ParserDialect dialect, List<Entity> entities,
      DatasourceBinding.Connector connect) {
    return datasource(new DatasourceBinding("h2", dialect, List.of(), "Use H2 SQL.", "connect", connect, null,
        entities == null ? null : p -> entities));
  }

  public DatasourcePlugins datasource(DatasourceBinding binding) {
    types.add(PluginType.DATASOURCE);
    this.datasource = binding;
    return this;
  }

  public DatasourcePlugins hook(HookPoint point, String method, HookBinding.Handler handler) {
    hooks.add(new HookBinding(point, method, null, null, handler));
    return this;
  }

  public DatasourcePlugins healthCheck(AtlasBinding.Probe probe) {
    this.healthCheck = new AtlasBinding.LifecycleMethod<>("health", null, probe);
    return this;
  }

  public DatasourcePlugins teardown(AtlasBinding.Call call) {
    this.teardown = new AtlasBinding.LifecycleMethod<>("close", null, call);
    return this;
  }

  public PluginRegistry registry() {
    AtlasBinding atlas = new AtlasBinding(null, types, false, null, config -> new Object(), null, healthCheck,
        teardown, null, null, null, List.of()).withHooks(hooks).withDatasource(datasource);
    PluginDescriptor descriptor = new PluginDescriptor(id, "1.0.0", "META-INF/atomemo4j/" + id + "/definition.json",
        DatasourcePlugins.class, List.of(), List.of(), atlas);
    return () -> descriptor;
  }
}
