package dev.atomemo4j.springai.autoconfigure;

import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Builds the {@link PluginHost} of the auto-configuration: every generated registry on the class path ({@link
 * ServiceLoader} of {@link PluginRegistry}, as the host file and the CLI find plugins), or only those {@code
 * atomemo4j.include} names, each with its config from the properties. {@link PluginHost.Builder#start()} then
 * validates every plugin's config through the generated validator and reports every problem in one {@code
 * host:invalid_config}, so a bad {@code application.yml} stops the application at start-up.
 */
final class ClassPathPlugins {
  private ClassPathPlugins() {}

  static PluginHost.Builder builder(ConfigurableEnvironment environment, ClassLoader loader, ToolFactory factory,
      Set<String> include) {
    PluginProperties properties = PluginProperties.read(environment);
    Map<String, PluginRegistry> registries = new LinkedHashMap<>();
    Map<String, PluginDescriptor> descriptors = new LinkedHashMap<>();
    for (ServiceLoader.Provider<PluginRegistry> provider
        : ServiceLoader.load(PluginRegistry.class, loader).stream().toList()) {
      PluginRegistry registry = provider.get();
      PluginDescriptor d = registry.descriptor(factory);
      if ((include.isEmpty() || include.contains(d.name())) && !registries.containsKey(d.name())) {
        registries.put(d.name(), registry);
        descriptors.put(d.name(), d);
      }
    }
    List<String> missing = new ArrayList<>(include);
    missing.removeAll(registries.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("atomemo4j.include names plugin(s) " + missing + " that are not on the class "
          + "path; found: " + registries.keySet());
    }
    PluginHost.Builder builder = PluginHost.builder().toolFactory(factory);
    registries.forEach((id, registry) -> {
      ConfigBinding binding = descriptors.get(id).atlas().config();
      ConfigInput config = properties.has(id) || binding != null
          ? ConfigInput.tree(properties.config(id, binding)) : ConfigInput.NONE;
      builder.plugin(registry, config);
    });
    return builder;
  }
}
