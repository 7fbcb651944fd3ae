package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.model.io.ReadResult;
import dev.atomemo4j.runtime.Atomemo4jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin definition as the runtime sends it (hub-protocol §7): the generated {@code definition.json} with
 * {@code author} and {@code email} filled in, and nothing else changed.
 *
 * <p>When the model reads the generated file cleanly, the definition goes through the model's writer, so its bytes
 * are byte-for-byte what the official SDK would write. Otherwise (a definition the
 * model cannot represent losslessly) the JSON tree is patched directly, so that nothing is ever dropped.
 */
final class DefinitionDocument {

  private static final Logger log = LoggerFactory.getLogger(DefinitionDocument.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode payload;
  private final byte[] fileBytes;

  private DefinitionDocument(ObjectNode payload, byte[] fileBytes) {
    this.payload = payload;
    this.fileBytes = fileBytes;
  }

  /** @param generated the generated definition.json text */
  static DefinitionDocument of(String generated, String author, String email) {
    ReadResult read = DefinitionReader.read(generated);
    if (read.definition().isPresent() && !read.hasErrors() && read.lossless() && read.problems().isEmpty()) {
      PluginDefinition definition = read.definition().get().withAuthor(author, email);
      return new DefinitionDocument(parse(DefinitionWriter.toCompactJson(definition)),
          DefinitionWriter.toBytes(definition));
    }
    log.warn("the generated definition.json does not read cleanly into the definition model ({}); sending it with "
        + "only author and email changed", read.problems().isEmpty() ? "not lossless" : read.problems().get(0));
    ObjectNode tree = parse(generated);
    tree.put("author", author);
    tree.put("email", email);
    try {
      byte[] pretty = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
      return new DefinitionDocument(tree, pretty);
    } catch (JsonProcessingException e) {
      throw new Atomemo4jException("the generated definition.json cannot be written back: " + e.getMessage(), e);
    }
  }

  private static ObjectNode parse(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new Atomemo4jException("the generated definition.json is not valid JSON; rebuild the plugin", e);
    }
    if (!(node instanceof ObjectNode)) {
      throw new Atomemo4jException("the generated definition.json is not a JSON object; rebuild the plugin");
    }
    return (ObjectNode) node;
  }

  /** The {@code register_plugin} payload. Shared: callers must not modify it. */
  ObjectNode payload() {
    return payload;
  }

  byte[] fileBytes() {
    return fileBytes.clone();
  }

  @Override
  public String toString() {
    return "DefinitionDocument[" + new String(fileBytes, 0, Math.min(fileBytes.length, 60), StandardCharsets.UTF_8)
        + "...]";
  }
}
