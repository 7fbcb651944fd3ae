package dev.atomemo4j.model.io;

import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.validate.Violation;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DefinitionReader} made of a document: the definition (absent when the text is not JSON or the root
 * is not an object) and the problems found while reading.
 *
 * @param lossless true when every element of the document is in the model, so pointers the validator computes from
 *     the model's positions match the document; false when an element with a missing or unknown {@code type} had
 *     to be left out.
 * @param pluginMemberOrder the plugin object's member names in the document's order, so a re-serialization can
 *     keep the author's order ({@link DefinitionWriter#toJson(PluginDefinition, List)})
 */
public record ReadResult(PluginDefinition definitionOrNull, List<Violation> problems, boolean lossless,
    List<String> pluginMemberOrder) {

  public ReadResult {
    problems = List.copyOf(problems);
    pluginMemberOrder = List.copyOf(pluginMemberOrder);
  }

  public ReadResult(PluginDefinition definitionOrNull, List<Violation> problems, boolean lossless) {
    this(definitionOrNull, problems, lossless, List.of());
  }

  public Optional<PluginDefinition> definition() {
    return Optional.ofNullable(definitionOrNull);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Violation::isError);
  }
}
