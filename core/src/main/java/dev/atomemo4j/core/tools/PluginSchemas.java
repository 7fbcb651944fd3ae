package dev.atomemo4j.core.tools;

import dev.atomemo4j.model.io.SchemaBundle;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema files the processor generated for one plugin, as bytes by class path resource path. A front end
 * takes one when it builds its tool list: one from {@link #read} reads the plugin's {@link SchemaBundle} at its first
 * use, once, so a plugin with a hundred tools costs one resource lookup instead of two hundred; a jar built before the
 * bundle existed, or a hand-made descriptor, is read file by file, with the same result.
 *
 * <p>For one thread: a front end builds its list, then drops it.
 */
public final class PluginSchemas {

  private final PluginDescriptor plugin;
  private final String directory;
  private boolean useBundle;
  private Map<String, byte[]> bundle; // null: read each file when asked

  private PluginSchemas(PluginDescriptor plugin, boolean useBundle) {
    this.plugin = plugin;
    this.directory = directoryOf(plugin);
    this.useBundle = useBundle && directory != null;
  }

  /** The plugin's schemas, from its bundle when the processor wrote one. */
  public static PluginSchemas read(PluginDescriptor plugin) {
    return new PluginSchemas(plugin, true);
  }

  /** The plugin's schemas, each read from its own file when asked (no bundle). */
  public static PluginSchemas files(PluginDescriptor plugin) {
    return new PluginSchemas(plugin, false);
  }

  /** Reads the bundle at the first use; when there is none, every later call reads single files. */
  private void load() {
    if (!useBundle) {
      return;
    }
    useBundle = false;
    byte[] bytes = bytes(plugin, directory + SchemaBundle.FILE_NAME);
    if (bytes == null) {
      return;
    }
    try {
      bundle = SchemaBundle.read(bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the generated " + directory + SchemaBundle.FILE_NAME + " of " + plugin.name()
          + " cannot be read (" + e.getMessage() + "); rebuild the plugin", e);
    }
  }

  /** The bytes of the generated file at class path {@code path}; empty when there is none. */
  public Optional<byte[]> bytes(String path) {
    if (path == null) {
      return Optional.empty();
    }
    load();
    if (bundle != null && path.startsWith(directory)) {
      byte[] entry = bundle.get(path.substring(directory.length()));
      return entry == null ? Optional.empty() : Optional.of(entry.clone());
    }
    return Optional.ofNullable(bytes(plugin, path));
  }

  /** Whether these schemas came from the plugin's bundle. */
  public boolean fromBundle() {
    load();
    return bundle != null;
  }

  PluginDescriptor plugin() {
    return plugin;
  }

  /** {@code META-INF/atomemo4j/<name>/}: the directory of the plugin's definition.json, with its slash. */
  private static String directoryOf(PluginDescriptor plugin) {
    String definition = plugin.definitionResource();
    int slash = definition == null ? -1 : definition.lastIndexOf('/');
    return slash < 0 ? null : definition.substring(0, slash + 1);
  }

  private static byte[] bytes(PluginDescriptor plugin, String path) {
    ClassLoader loader = plugin.anchor().getClassLoader();
    if (loader == null) {
      return null; // a hand-made descriptor anchored on a JDK class: nothing was generated for it
    }
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the generated " + path, e);
    }
  }
}
