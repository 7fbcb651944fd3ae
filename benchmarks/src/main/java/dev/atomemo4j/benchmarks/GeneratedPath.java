package dev.atomemo4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.core.tools.PluginSchemas;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.AuthorSplice;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.model.io.ReadResult;
import dev.atomemo4j.runtime.internal.shape.DecodeContext;
import dev.atomemo4j.runtime.internal.shape.Decoded;
import dev.atomemo4j.runtime.internal.shape.ShapeDecoder;
import dev.atomemo4j.runtime.internal.shape.ShapeEncoder;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Ours": what atomemo4j does with the processor's output, the side of measures 3 and 4 that the reflection baseline
 * ({@link dev.atomemo4j.benchmarks.reflect.ReflectiveSdk}) is compared with.
 */
public final class GeneratedPath {

  private GeneratedPath() {}

  /** The author and e-mail the runtime fills in (from the OneAuth session); the same on both sides. */
  public static final String AUTHOR = "Bench Author";

  public static final String EMAIL = "bench@example.com";

  /** What start-up yields: the same four things {@code ReflectiveSdk.Described} holds. */
  public record Startup(PluginDescriptor descriptor, byte[] definitionBytes, String registerPayload,
      Map<String, byte[]> schemas) {}

  /**
   * Start-up as the runtime does it: the descriptor from the generated registry, the generated definition.json read
   * from the class path with author and e-mail spliced in, as the runtime's {@code DefinitionDocument} does (pretty
   * bytes and the compact {@code register_plugin} payload, no model round trip); and the generated input and output
   * JSON Schema of every tool, as bytes, read as the MCP and host front ends read them (one schema bundle).
   */
  public static Startup startup(PluginRegistry registry) {
    PluginDescriptor descriptor = registry.descriptor();
    AuthorSplice.Spliced spliced = AuthorSplice.splice(descriptor.definitionJson(), AUTHOR, EMAIL);
    return new Startup(descriptor, spliced.pretty().getBytes(StandardCharsets.UTF_8), spliced.compact(),
        schemas(descriptor));
  }

  /**
   * Start-up as the runtime did it before issue 18: the generated definition.json read into the model, given author
   * and e-mail and written back. Kept so that the benchmark's equality check can show the splice gives the same.
   */
  public static Startup startupThroughTheModel(PluginRegistry registry) {
    PluginDescriptor descriptor = registry.descriptor();
    ReadResult read = DefinitionReader.read(descriptor.definitionJson());
    PluginDefinition definition = read.definition()
        .orElseThrow(() -> new IllegalStateException("the generated definition.json does not read: "
            + read.problems()))
        .withAuthor(AUTHOR, EMAIL);
    return new Startup(descriptor, DefinitionWriter.toBytes(definition), DefinitionWriter.toCompactJson(definition),
        schemas(descriptor));
  }

  /**
   * Start-up without setting the author: descriptor, the generated definition.json bytes as they are, and the schema
   * bytes. The floor of {@link #startup}: what reading the class path alone costs.
   */
  public static Startup resourcesOnly(PluginRegistry registry) {
    PluginDescriptor descriptor = registry.descriptor();
    byte[] definition = resource(descriptor, descriptor.definitionResource());
    return new Startup(descriptor, definition, null, schemas(descriptor));
  }

  /** Every tool's schemas as the front ends read them: {@link PluginSchemas}, from the plugin's one bundle. */
  private static Map<String, byte[]> schemas(PluginDescriptor descriptor) {
    PluginSchemas schemas = PluginSchemas.read(descriptor);
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (ToolBinding t : descriptor.tools()) {
      String input = t.inputSchemaResource();
      out.put(t.name() + ".input.json", schema(schemas, input));
      if (t.output() != null) {
        out.put(t.name() + ".output.json", schema(schemas, input.replace(".input.json", ".output.json")));
      }
    }
    return out;
  }

  private static byte[] schema(PluginSchemas schemas, String path) {
    return schemas.bytes(path).orElseThrow(() -> new IllegalStateException(path + " was not generated"));
  }

  private static byte[] resource(PluginDescriptor descriptor, String path) {
    try (InputStream in = descriptor.anchor().getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One invocation as the runtime does it: decode and validate the parameters against the generated input shape,
   * call the generated invoker, encode the result with the generated output shape.
   */
  public static JsonNode invoke(ToolBinding tool, JsonNode parameters) throws Exception {
    Decoded decoded = ShapeDecoder.decodeParameters(tool.input(), parameters, DecodeContext.EMPTY);
    if (!decoded.isOk()) {
      throw new IllegalArgumentException("invalid parameters: " + decoded.problems());
    }
    return ShapeEncoder.encode(tool.invoker().invoke(decoded.value(), null), tool.output());
  }
}
