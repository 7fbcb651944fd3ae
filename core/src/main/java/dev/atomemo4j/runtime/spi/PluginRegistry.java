package dev.atomemo4j.runtime.spi;

import dev.atomemo4j.runtime.ToolFactory;

/**
 * Implemented by the {@code <Plugin>Registry} class the annotation processor generates, and registered for
 * {@link java.util.ServiceLoader}. Not meant to be implemented by hand.
 */
public interface PluginRegistry {
  /** The descriptor, with every tool class created through its public no-argument constructor. */
  PluginDescriptor descriptor();

  /**
   * The descriptor, with tool class instances from {@code factory} (null for none), falling back to their public
   * no-argument constructors. Registries generated before tool factories existed ignore the factory.
   *
   * @throws dev.atomemo4j.runtime.Atomemo4jException {@code sdk:no_tool_instance}, {@code sdk:tool_factory_failed}
   *     or {@code sdk:tool_factory_wrong_type}
   */
  default PluginDescriptor descriptor(ToolFactory factory) {
    return descriptor();
  }

  /**
   * The binary name of the registry the processor generates for a {@code @Plugin} class: its package, its simple
   * names joined by {@code _}, and {@code Registry} ({@code com.acme.Outer.Inner} gives
   * {@code com.acme.Outer_InnerRegistry}). Lets a front end pick a plugin's registry among the {@link
   * java.util.ServiceLoader} providers by type, without instantiating the others.
   */
  static String generatedNameFor(Class<?> pluginClass) {
    String pkg = pluginClass.getPackageName();
    String nested = pkg.isEmpty() ? pluginClass.getName() : pluginClass.getName().substring(pkg.length() + 1);
    return (pkg.isEmpty() ? "" : pkg + ".") + nested.replace('$', '_') + "Registry";
  }
}
