package dev.atomemo4j.model.validate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.Corpus;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.ReadResult;
import java.util.ArrayList;
import java.util.List;

/** A broken copy of an official definition, made by editing its JSON tree. */
final class Mutant {
  static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root;

  private Mutant(ObjectNode root) {
    this.root = root;
  }

  static Mutant of(String officialFile) {
    try {
      return new Mutant((ObjectNode) JSON.readTree(Corpus.text(Corpus.file(officialFile))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ObjectNode object(String pointer) {
    return (ObjectNode) root.at(JsonPointer.compile(pointer));
  }

  ArrayNode array(String pointer) {
    return (ArrayNode) root.at(JsonPointer.compile(pointer));
  }

  JsonNode node(String pointer) {
    return root.at(JsonPointer.compile(pointer));
  }

  /** Sets the member at {@code pointer} (parent must be an object) to a JSON literal. */
  Mutant set(String pointer, String jsonLiteral) {
    int slash = pointer.lastIndexOf('/');
    try {
      object(pointer.substring(0, slash)).set(pointer.substring(slash + 1), JSON.readTree(jsonLiteral));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  Mutant remove(String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = node(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ArrayNode a) {
      a.remove(Integer.parseInt(last));
    } else {
      ((ObjectNode) parent).remove(last);
    }
    return this;
  }

  Mutant append(String arrayPointer, JsonNode value) {
    array(arrayPointer).add(value.deepCopy());
    return this;
  }

  ReadResult read() {
    return DefinitionReader.read(root.toString());
  }

  List<Violation> violations() {
    ReadResult r = read();
    List<Violation> all = new ArrayList<>(r.problems());
    all.addAll(DefinitionValidator.validate(r.definition().orElseThrow()));
    return all;
  }

  /** "pointer [code]" of each violation, for compact assertions. */
  List<String> found() {
    return violations().stream().map(v -> v.pointer() + " [" + v.code().slug() + "]").toList();
  }
}
