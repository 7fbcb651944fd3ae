package dev.atomemo4j.runtime.spi;

/**
 * Implemented by the {@code <Plugin>Registry} class the annotation processor generates, and registered for
 * {@link java.util.ServiceLoader}. Not meant to be implemented by hand.
 */
public interface PluginRegistry {
  PluginDescriptor descriptor();
}
