package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.AtlasBinding.LifecycleMethod;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.List;
import java.util.Set;

/** What the processor would generate for {@link GlossaryPlugin}; registered in META-INF/services. */
public final class GlossaryPluginRegistry implements PluginRegistry {
  private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("glossary", "1.0.0",
      "META-INF/atomemo4j/glossary/definition.json", GlossaryPlugin.class, List.of(), List.of(),
      new AtlasBinding(null, Set.of(PluginType.CONTEXT), false, null,
          config -> new GlossaryPlugin(),
          null, null, null, null,
          new LifecycleMethod<>("load", null, plugin -> ((GlossaryPlugin) plugin).load()),
          new LifecycleMethod<>("refresh", null, plugin -> ((GlossaryPlugin) plugin).refresh())));

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
