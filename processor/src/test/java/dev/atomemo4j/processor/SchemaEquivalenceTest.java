package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.atomemo4j.runtime.internal.shape.DecodeContext;
import dev.atomemo4j.runtime.internal.shape.Decoded;
import dev.atomemo4j.runtime.internal.shape.ShapeDecoder;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated JSON Schema and the generated validation (the runtime decoding a tool's shape) must judge every
 * payload alike. Payloads are drawn at random from the schema itself, most of them valid and many broken in one
 * place (wrong type, out of range, missing or extra member, bad enum value, too many items); an independent
 * validator (networknt, draft 2020-12) judges the schema side.
 */
class SchemaEquivalenceTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void generatedSchemaAndGeneratedValidationAgreeOnRandomPayloads() throws Exception {
    Compilation c = Fixtures.compile("equiv");
    assertThat(c).succeeded();
    ToolBinding tool = GeneratedClasses.descriptor(c, "equiv.EquivRegistry").tool("plan-route").orElseThrow();
    JsonNode schemaNode = JSON.readTree(Sources.resource(c, "META-INF/atomemo4j/equivalence/schemas/plan-route.input.json"));
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);

    Random random = new Random(20261124);
    int valid = 0;
    int invalid = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Generator g = new Generator(schemaNode, random, i % 3 == 0 ? 0.0 : 0.04);
      JsonNode payload = g.value(schemaNode);
      boolean schemaSays = schema.validate(payload).isEmpty();
      Decoded decoded = ShapeDecoder.decodeParameters(tool.input(), payload, DecodeContext.EMPTY);
      if (schemaSays) {
        valid++;
      } else {
        invalid++;
      }
      if (schemaSays != decoded.isOk()) {
        disagreements.add((schemaSays ? "schema accepts, shape rejects " + decoded.describe()
            : "schema rejects " + schema.validate(payload) + ", shape accepts") + ": " + payload);
      }
    }

    assertThat(disagreements).as("disagreements").isEmpty();
    assertThat(valid).as("valid payloads drawn").isGreaterThan(500);
    assertThat(invalid).as("invalid payloads drawn").isGreaterThan(500);
  }

  /** Draws JSON values from a schema; with probability {@code breakRate} per node, breaks that node. */
  static final class Generator {
    private final JsonNode root;
    private final Random random;
    private final double breakRate;

    Generator(JsonNode root, Random random, double breakRate) {
      this.root = root;
      this.random = random;
      this.breakRate = breakRate;
    }

    private boolean breakHere() {
      return random.nextDouble() < breakRate;
    }

    JsonNode value(JsonNode s) {
      if (s.has("$ref")) {
        String ref = s.get("$ref").asText();
        return value(root.at(ref.substring(1)));
      }
      if (s.has("anyOf")) {
        JsonNode options = s.get("anyOf");
        return value(options.get(random.nextInt(options.size())));
      }
      if (breakHere()) {
        return wrongType(s.path("type").asText());
      }
      if (s.has("enum")) {
        JsonNode e = s.get("enum");
        return breakHere() ? F.textNode("zz" + random.nextInt(9)) : e.get(random.nextInt(e.size()));
      }
      switch (s.path("type").asText()) {
        case "string": {
          int min = s.path("minLength").asInt(0);
          int max = s.path("maxLength").asInt(min + 6);
          int length = min + random.nextInt(max - min + 1);
          if (breakHere()) {
            length = random.nextBoolean() ? max + 1 + random.nextInt(3) : Math.max(0, min - 1);
          }
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < length; i++) {
            b.appendCodePoint(random.nextInt(10) == 0 ? 0x1F600 + random.nextInt(20) : 'a' + random.nextInt(26));
          }
          return F.textNode(b.toString());
        }
        case "integer": {
          long min = s.has("minimum") ? (long) Math.ceil(s.get("minimum").asDouble()) : -1000;
          long max = s.has("maximum") ? (long) Math.floor(s.get("maximum").asDouble()) : 1000;
          min = Math.max(min, -100000);
          max = Math.min(max, 100000);
          long v = min + (long) (random.nextDouble() * (max - min + 1));
          if (breakHere()) {
            v = random.nextBoolean() ? max + 1 + random.nextInt(5) : min - 1 - random.nextInt(5);
          }
          if (random.nextInt(20) == 0) {
            return F.numberNode((double) v); // 3.0 is an integer too
          }
          return F.numberNode(v);
        }
        case "number": {
          double min = s.has("minimum") ? s.get("minimum").asDouble() : -1000;
          double max = s.has("maximum") ? s.get("maximum").asDouble() : 1000;
          double v = min + random.nextDouble() * (max - min);
          if (breakHere()) {
            v = random.nextBoolean() ? max + 0.5 : min - 0.5;
          }
          return F.numberNode(Math.round(v * 100) / 100.0);
        }
        case "boolean":
          return F.booleanNode(random.nextBoolean());
        case "array": {
          int min = s.path("minItems").asInt(0);
          int max = s.path("maxItems").asInt(min + 3);
          int n = min + random.nextInt(max - min + 1);
          if (breakHere()) {
            n = random.nextBoolean() ? max + 1 : Math.max(0, min - 1);
          }
          ArrayNode a = F.arrayNode();
          for (int i = 0; i < n; i++) {
            a.add(value(s.get("items")));
          }
          return a;
        }
        case "object": {
          ObjectNode o = F.objectNode();
          JsonNode props = s.path("properties");
          List<String> required = new ArrayList<>();
          s.path("required").forEach(r -> required.add(r.asText()));
          Iterator<Map.Entry<String, JsonNode>> it = props.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean req = required.contains(e.getKey());
            if (req ? !breakHere() : random.nextBoolean()) {
              o.set(e.getKey(), value(e.getValue()));
            }
          }
          if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
            int n = random.nextInt(3);
            for (int i = 0; i < n; i++) {
              o.set("k" + random.nextInt(100), value(s.get("additionalProperties")));
            }
          } else if (breakHere()) {
            o.put("unexpected", 1);
          }
          return o;
        }
        default:
          return F.nullNode();
      }
    }

    private JsonNode wrongType(String type) {
      switch (type) {
        case "string":
          return F.numberNode(random.nextInt(10));
        case "integer":
          return random.nextBoolean() ? F.numberNode(random.nextInt(5) + 0.5) : F.textNode("3");
        case "number":
          return F.textNode("1.5");
        case "boolean":
          return F.textNode("true");
        case "array":
          return F.objectNode();
        case "object":
          return F.arrayNode();
        default:
          return F.booleanNode(true);
      }
    }
  }
}
