package dev.atomemo4j.runtime.spi;

/**
 * Implemented by the {@code <Plugin>Registry} class the annotation processor generates, and registered for
 * {@link java.util.ServiceLoader}. Not meant to be implemented by hand.
 */
public interface PluginRegistry {
  PluginDescriptor descriptor();

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
