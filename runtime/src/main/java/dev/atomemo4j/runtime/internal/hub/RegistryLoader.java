package dev.atomemo4j.runtime.internal.hub;

import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the generated {@code <Plugin>Registry} through {@link ServiceLoader}: the only one on the class path, or
 * the one generated for a given {@code @Plugin} class. Providers are inspected by type first, so no registry other
 * than the chosen one is instantiated.
 */
public final class RegistryLoader {

  private RegistryLoader() {}

  /** The single registry on the class path of {@code loader}. */
  public static PluginRegistry loadSingle(ClassLoader loader) {
    return single(providers(loader));
  }

  /** The registry generated for {@code pluginClass} (or {@code pluginClass} itself, if it is a registry). */
  public static PluginRegistry loadFor(Class<?> pluginClass) {
    return forPlugin(pluginClass, providers(pluginClass.getClassLoader()));
  }

  static PluginRegistry single(List<ServiceLoader.Provider<PluginRegistry>> providers) {
    if (providers.isEmpty()) {
      throw new Atomemo4jException("no atomemo4j plugin found on the class path: no generated PluginRegistry is "
          + "registered in META-INF/services. Annotate a class with @Plugin and build it with the atomemo4j "
          + "annotation processor on the processor path");
    }
    if (providers.size() > 1) {
      throw new Atomemo4jException("several atomemo4j plugins found on the class path ("
          + providers.stream().map(p -> p.type().getName()).sorted().collect(Collectors.joining(", "))
          + "); start the one you mean with Atomemo4j.run(YourPlugin.class)");
    }
    return instantiate(providers.get(0));
  }

  static PluginRegistry forPlugin(Class<?> pluginClass, List<ServiceLoader.Provider<PluginRegistry>> providers) {
    // The processor's name (nested classes joined by `_`), or the plugin's binary name + Registry (hand-written).
    String wanted = PluginRegistry.generatedNameFor(pluginClass);
    String binary = pluginClass.getName() + "Registry";
    for (ServiceLoader.Provider<PluginRegistry> p : providers) {
      if (p.type() == pluginClass || p.type().getName().equals(wanted) || p.type().getName().equals(binary)) {
        return instantiate(p);
      }
    }
    throw new Atomemo4jException("no generated registry for " + pluginClass.getName() + " found (expected " + wanted
        + " in META-INF/services/" + PluginRegistry.class.getName() + "); is the class annotated with @Plugin and "
        + "built with the atomemo4j annotation processor?");
  }

  /** Builds the descriptor, turning failures of the plugin's constructors into one clear message. */
  public static PluginDescriptor describe(PluginRegistry registry) {
    return describe(registry, null);
  }

  /**
   * Builds the descriptor with tool instances from {@code factory} (null for none); a tool instance that cannot be
   * had is reported with its own code ({@code sdk:no_tool_instance}, …), other failures as one clear message.
   */
  public static PluginDescriptor describe(PluginRegistry registry, ToolFactory factory) {
    try {
      return registry.descriptor(factory);
    } catch (Atomemo4jException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new Atomemo4jException("the plugin could not be created: " + registry.getClass().getName()
          + ".descriptor() threw " + e, e);
    }
  }

  private static List<ServiceLoader.Provider<PluginRegistry>> providers(ClassLoader loader) {
    try {
      return ServiceLoader.load(PluginRegistry.class, loader).stream().collect(Collectors.toList());
    } catch (ServiceConfigurationError e) {
      throw new Atomemo4jException("the plugin registry cannot be loaded: " + e.getMessage(), e);
    }
  }

  private static PluginRegistry instantiate(ServiceLoader.Provider<PluginRegistry> provider) {
    try {
      return provider.get();
    } catch (ServiceConfigurationError e) {
      throw new Atomemo4jException("the plugin registry " + provider.type().getName() + " cannot be created: "
          + e.getMessage(), e);
    }
  }
}
