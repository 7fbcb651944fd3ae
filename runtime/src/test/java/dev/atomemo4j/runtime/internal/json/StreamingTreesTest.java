package dev.atomemo4j.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader and writer give what an ObjectMapper with default settings gives (the test oracle). */
class StreamingTreesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "[null,\"1\",\"debug_plugin:x\",\"phx_reply\",{\"status\":\"ok\",\"response\":{}}]",
      "{\"int\":7,\"negative\":-2147483649,\"long\":9007199254740993,\"big\":123456789012345678901234567890}",
      "{\"double\":1.5,\"exp\":1e400,\"tiny\":4.9e-324,\"minusZero\":-0.0,\"decimal\":0.1000000000000000055511}",
      "{\"text\":\"\\u00e9\\ud83d\\ude00 \\\"quoted\\\" \\n\",\"t\":true,\"f\":false,\"n\":null}",
      "[[[],{}],[{\"a\":[1,[2,[3]]]}],\"\"]",
      "{\"dup\":1,\"other\":2,\"dup\":3}",
      "  \n 42 \t",
      "\"just a string\""})
  void readsTheTreeAMapperReads(String json) throws Exception {
    JsonNode ours = StreamingTrees.read(json);

    assertThat(ours).isEqualTo(MAPPER.readTree(json));
    assertThat(nodeClasses(ours)).isEqualTo(nodeClasses(MAPPER.readTree(json)));
  }

  @Test
  void aRepeatedKeyKeepsItsFirstPositionAndItsLastValue() throws Exception {
    JsonNode ours = StreamingTrees.read("{\"dup\":1,\"other\":2,\"dup\":3}");

    assertThat(StreamingTrees.write(ours)).isEqualTo("{\"dup\":3,\"other\":2}");
  }

  @Test
  void emptyTextIsTheMissingNodeAsForAMapper() throws Exception {
    assertThat(StreamingTrees.read("").isMissingNode()).isTrue();
    assertThat(StreamingTrees.read("   \n").isMissingNode()).isTrue();
  }

  @Test
  void anythingAfterTheValueIsRefusedWithItsLocation() {
    assertThatThrownBy(() -> StreamingTrees.read("[1] [2]"))
        .isInstanceOf(JsonProcessingException.class)
        .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getColumnNr()).isEqualTo(6));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,", "{\"a\" 1}", "[1,]x", "{\"a\":1", "nul", "[\"unterminated]"})
  void invalidJsonIsAJsonProcessingException(String json) {
    assertThatThrownBy(() -> StreamingTrees.read(json)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void nestingBeyondTheParsersLimitIsAStreamConstraintsException() {
    String deep = "[".repeat(1_001) + "]".repeat(1_001);

    assertThatThrownBy(() -> StreamingTrees.read(deep)).isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void nestingAtTheParsersLimitIsReadWithoutRecursion() throws Exception {
    String deep = "[".repeat(1_000) + "]".repeat(1_000);

    assertThat(StreamingTrees.read(deep)).isEqualTo(MAPPER.readTree(deep));
  }

  @Test
  void writesTheTextAMapperWritesForEveryKindOfNode() throws Exception {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode tree = f.objectNode();
    tree.put("int", 1).put("long", 1L << 40).put("short", (short) 3).put("float", 1.25f).put("double", 0.1)
        .put("nan", Double.NaN).put("big", new BigInteger("123456789012345678901234567890"))
        .put("decimal", new BigDecimal("1E+3")).put("text", "é \"q\" \u0001 </script>").put("yes", true)
        .putNull("none").put("bytes", new byte[] {0, 1, 2, (byte) 0xff});
    tree.putArray("list").add(1).add("two").addNull().addObject().putArray("empty");
    tree.putObject("nested").putObject("deeper").put("k", "v");
    tree.putPOJO("pojo", List.of("a", 1));

    assertThat(StreamingTrees.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
  }

  @Test
  void whatItWritesReadsBackAsTheSameTree() throws Exception {
    JsonNode tree = MAPPER.readTree("{\"a\":[1,2.5,\"x\",{\"b\":null}],\"c\":{\"d\":[[]]}}");

    assertThat(StreamingTrees.read(StreamingTrees.write(tree))).isEqualTo(tree);
  }

  /** The node classes in document order: equals() alone would take an IntNode for a LongNode of the same value. */
  private static List<String> nodeClasses(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    collect(n, out);
    return out;
  }

  private static void collect(JsonNode n, List<String> out) {
    out.add(n.getClass().getSimpleName());
    for (JsonNode child : n) {
      collect(child, out);
    }
  }
}
