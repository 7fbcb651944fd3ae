package dev.atomemo4j.maven;

import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.model.io.ReadResult;
import dev.atomemo4j.model.validate.DefinitionValidator;
import dev.atomemo4j.model.validate.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Reads definitions: the ones the processor generated into the class output
 * ({@code META-INF/atomemo4j/<plugin>/definition.json}) and the committed release file, through the model's reader
 * and validator, the same as {@code atomemo4j validate} and the dev hub.
 */
final class GeneratedDefinitions {
  static final String PREFIX = "META-INF/atomemo4j";

  /** A definition read from a file, with the violations of the format's rules found in it. */
  record Read(Path file, PluginDefinition definition, List<Violation> violations) {
    List<Violation> errors() {
      return violations.stream().filter(Violation::isError).toList();
    }
  }

  private GeneratedDefinitions() {}

  /** Every generated definition under {@code classes}, by plugin name; empty when there is none. */
  static List<Path> find(Path classes) throws IOException {
    Path root = classes.resolve(PREFIX);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> dirs = Files.list(root)) {
        dirs.sorted().map(dir -> dir.resolve("definition.json")).filter(Files::isRegularFile).forEach(files::add);
      }
    }
    return files;
  }

  /** The one generated definition, or a failure saying why there is none or which to choose. */
  static Path single(Path classes, String pluginName) throws IOException, MojoFailureException {
    List<Path> files = find(classes);
    if (pluginName != null) {
      Path wanted = classes.resolve(PREFIX).resolve(pluginName).resolve("definition.json");
      if (!files.contains(wanted)) {
        throw new MojoFailureException("[atomemo4j:no-generated-definition] no generated definition of plugin \""
            + pluginName + "\" in " + classes + "; the build generated " + names(files));
      }
      return wanted;
    }
    if (files.isEmpty()) {
      throw noneGenerated(classes);
    }
    if (files.size() > 1) {
      throw new MojoFailureException("[atomemo4j:several-plugins] this module declares several plugins ("
          + names(files) + "); name the one to export with -Datomemo4j.plugin=<name>");
    }
    return files.get(0);
  }

  static MojoFailureException noneGenerated(Path classes) {
    return new MojoFailureException("[atomemo4j:no-generated-definition] no " + PREFIX + "/<plugin>/definition.json"
        + " in " + classes + ": is a class annotated @Plugin, and is atomemo4j-processor on the compiler's"
        + " annotationProcessorPaths?");
  }

  /** Reads and validates a definition file; a file that cannot be read at all is a failure. */
  static Read read(Path file) throws MojoFailureException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new MojoFailureException(file + " does not exist");
    } catch (MalformedInputException e) {
      throw new MojoFailureException(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new MojoFailureException(file + " cannot be read: " + e.getMessage(), e);
    }
    ReadResult result = DefinitionReader.read(text);
    List<Violation> violations = new ArrayList<>(result.problems());
    PluginDefinition definition = result.definitionOrNull();
    if (definition != null && result.lossless()) {
      violations.addAll(DefinitionValidator.validate(definition));
    }
    if (definition == null) {
      throw new MojoFailureException(file + " is not a plugin definition: " + describe(file, violations));
    }
    return new Read(file, definition, violations);
  }

  /** One line per violation: {@code <file>: <pointer> [<code>] <message>}, as {@code atomemo4j validate}. */
  static String describe(Path file, List<Violation> violations) {
    StringBuilder out = new StringBuilder();
    for (Violation v : violations) {
      out.append("\n  ").append(file).append(": ").append(v.pointer().isEmpty() ? "/" : v.pointer()).append(" [")
          .append(v.code().slug()).append("] ").append(v.message());
    }
    return out.toString();
  }

  /** The canonical text of a definition without its author and e-mail: what must agree between two files. */
  static String withoutAuthor(PluginDefinition definition) {
    return DefinitionWriter.toJson(definition.withAuthor("", ""));
  }

  private static String names(List<Path> files) {
    return files.isEmpty() ? "none" : String.join(", ", files.stream()
        .map(f -> f.getParent().getFileName().toString()).toList());
  }
}
