package dev.atomemo4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The names of the plugins built into a class directory or jar, read from where the processor writes their
 * definitions: {@code META-INF/atomemo4j/<plugin name>/definition.json}.
 */
final class PluginNames {
  private static final String PREFIX = "META-INF/atomemo4j/";
  private static final String SUFFIX = "/definition.json";

  private PluginNames() {}

  /** The plugin names in {@code classesOrJar}, sorted; empty when it holds no generated definition. */
  static List<String> in(Path classesOrJar) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    if (Files.isDirectory(classesOrJar)) {
      Path root = classesOrJar.resolve(PREFIX);
      if (Files.isDirectory(root)) {
        try (Stream<Path> children = Files.list(root)) {
          children.filter(dir -> Files.isRegularFile(dir.resolve("definition.json")))
              .forEach(dir -> names.add(dir.getFileName().toString()));
        }
      }
    } else if (Files.isRegularFile(classesOrJar)) {
      try (ZipFile jar = new ZipFile(classesOrJar.toFile())) {
        for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          String entry = entries.nextElement().getName();
          if (entry.startsWith(PREFIX) && entry.endsWith(SUFFIX)) {
            String name = entry.substring(PREFIX.length(), entry.length() - SUFFIX.length());
            if (!name.isEmpty() && name.indexOf('/') < 0) {
              names.add(name);
            }
          }
        }
      }
    }
    return new ArrayList<>(names);
  }
}
