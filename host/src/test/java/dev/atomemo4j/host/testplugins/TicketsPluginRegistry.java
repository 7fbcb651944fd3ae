package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.AtlasBinding.LifecycleMethod;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.List;
import java.util.Set;

/** What the processor would generate for {@link TicketsPlugin}; registered in META-INF/services. */
public final class TicketsPluginRegistry implements PluginRegistry {
  private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("tickets", "2.1.0",
      "META-INF/atomemo4j/tickets/definition.json", TicketsPlugin.class, List.of(), List.of(),
      new AtlasBinding("META-INF/atomemo4j/tickets/manifest.json", Set.of(PluginType.ACTION), false,
          TicketsConfig.BINDING,
          config -> new TicketsPlugin((TicketsConfig) config),
          new LifecycleMethod<>("init", null, (plugin, context) -> ((TicketsPlugin) plugin).init(context)),
          new LifecycleMethod<>("health", null, plugin -> ((TicketsPlugin) plugin).health()),
          null, null, null, null));

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
