package dev.atomemo4j.testing;

import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.ServiceLoader;

/** Finds the generated registry of a {@code @Plugin} class through ServiceLoader (no reflection). */
final class Registries {
  private Registries() {}

  /** The registry the processor generated for {@code pluginClass} ({@code <PluginClass>Registry}). */
  static PluginRegistry of(Class<?> pluginClass) {
    String expected = pluginClass.getPackageName() + "."
        + pluginClass.getName().substring(pluginClass.getPackageName().length() + 1).replace('$', '_') + "Registry";
    return ServiceLoader.load(PluginRegistry.class, pluginClass.getClassLoader()).stream()
        .filter(p -> p.type().getName().equals(expected))
        .findFirst()
        .map(ServiceLoader.Provider::get)
        .orElseThrow(() -> new IllegalStateException("no generated registry " + expected + " for "
            + pluginClass.getName() + ": is it annotated @Plugin, and does the build run the atomemo4j processor?"));
  }
}
