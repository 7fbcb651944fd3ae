package dev.atomemo4j.processor.read;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the author's resources (translations, skill files) at compile time: first in the directories given with
 * {@code -Aatomemo4j.resources=dir1:dir2}, then in the class output (Maven copies {@code src/main/resources} there
 * before compiling), then on the source path.
 */
final class ResourceFinder {
  private final Filer filer;
  private final List<Path> directories = new ArrayList<>();

  ResourceFinder(Filer filer, String directoriesOption) {
    this.filer = filer;
    if (directoriesOption != null && !directoriesOption.isBlank()) {
      for (String d : directoriesOption.split(File.pathSeparator)) {
        if (!d.isBlank()) {
          directories.add(Path.of(d.trim()));
        }
      }
    }
  }

  /** The resource's text, or null when it is nowhere to be found. */
  String read(String path) {
    for (Path dir : directories) {
      Path p = dir.resolve(path);
      if (Files.isRegularFile(p)) {
        try {
          return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          return null;
        }
      }
    }
    for (StandardLocation location : new StandardLocation[] {StandardLocation.CLASS_OUTPUT,
        StandardLocation.SOURCE_PATH}) {
      try {
        FileObject fo = filer.getResource(location, "", path);
        try (InputStream in = fo.openInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException | IllegalArgumentException | IllegalStateException e) {
        // not in this location
      }
    }
    return null;
  }
}
