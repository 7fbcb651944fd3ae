package dev.atomemo4j.processor;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/** Loads what a compilation produced (classes and resources) so tests can run the generated registry. */
final class GeneratedClasses {
  private GeneratedClasses() {}

  static ClassLoader load(Compilation c) {
    try {
      Path dir = Files.createTempDirectory("atomemo4j-generated");
      for (JavaFileObject f : c.generatedFiles()) {
        String name = f.toUri().getPath();
        int at = name.indexOf("/CLASS_OUTPUT/");
        if (at < 0) {
          continue;
        }
        Path target = dir.resolve(name.substring(at + "/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = f.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
      return new URLClassLoader(new URL[] {dir.toUri().toURL()}, GeneratedClasses.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PluginDescriptor descriptor(Compilation c, String registryClass) {
    try {
      Class<?> type = load(c).loadClass(registryClass);
      return ((PluginRegistry) type.getConstructor().newInstance()).descriptor();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
