package dev.atomemo4j.runtime.internal.hub;

import dev.atomemo4j.model.io.AuthorSplice;
import dev.atomemo4j.runtime.Atomemo4jException;

/**
 * The plugin definition as the runtime sends it (hub-protocol §7): the generated {@code definition.json} with
 * {@code author} and {@code email} filled in, and nothing else changed.
 *
 * <p>Author and e-mail are spliced into the generated text ({@link AuthorSplice}) rather than read into the model and
 * written back: the processor wrote the file with the model's writer, so the splice gives the same bytes, and it
 * costs one pass over the text instead of a parse, a model and two writes at every start-up (issue 18, measure 3).
 * The compact text is what {@code register_plugin} carries, sent as it is.
 */
final class DefinitionDocument {

  private final String payloadJson;

  private DefinitionDocument(String payloadJson) {
    this.payloadJson = payloadJson;
  }

  /** @param generated the generated definition.json text */
  static DefinitionDocument of(String generated, String author, String email) {
    try {
      return new DefinitionDocument(AuthorSplice.splice(generated, author, email).compact());
    } catch (IllegalArgumentException e) {
      throw new Atomemo4jException("the generated definition.json cannot be read (" + e.getMessage()
          + "); rebuild the plugin", e);
    }
  }

  /** The {@code register_plugin} payload: one compact JSON object. */
  String payloadJson() {
    return payloadJson;
  }

  @Override
  public String toString() {
    return "DefinitionDocument[" + payloadJson.substring(0, Math.min(payloadJson.length(), 60)) + "...]";
  }
}
