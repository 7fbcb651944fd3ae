package dev.atomemo4j.runtime.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the runtime needs to serve one plugin: its name and version, where its {@code definition.json} is on
 * the classpath, the bindings of its tools and credentials, and its Atlas side (types, config, lifecycle).
 *
 * @param anchor a class of the plugin's own jar (the generated registry), whose class loader finds its resources
 * @param atlas the Atlas declarations; {@link AtlasBinding#NONE} for a plugin that only serves tools
 */
public record PluginDescriptor(
    String name,
    String version,
    String definitionResource,
    Class<?> anchor,
    List<ToolBinding> tools,
    List<CredentialBinding> credentials,
    AtlasBinding atlas) {

  public PluginDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definitionResource, "definitionResource");
    Objects.requireNonNull(anchor, "anchor");
    tools = List.copyOf(tools);
    credentials = List.copyOf(credentials);
    Objects.requireNonNull(atlas, "atlas");
  }

  /** A plugin without Atlas declarations (and registries generated before they existed). */
  public PluginDescriptor(String name, String version, String definitionResource, Class<?> anchor,
      List<ToolBinding> tools, List<CredentialBinding> credentials) {
    this(name, version, definitionResource, anchor, tools, credentials, AtlasBinding.NONE);
  }

  /** The generated {@code definition.json}, exactly as the processor wrote it. */
  public String definitionJson() {
    try (InputStream in = anchor.getClassLoader().getResourceAsStream(definitionResource)) {
      if (in == null) {
        throw new IllegalStateException("the generated " + definitionResource + " is not on the classpath of "
            + anchor.getName() + "; was the jar built with the atomemo4j processor?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<ToolBinding> tool(String toolName) {
    return tools.stream().filter(t -> t.name().equals(toolName)).findFirst();
  }

  public Optional<CredentialBinding> credential(String credentialName) {
    return credentials.stream().filter(c -> c.name().equals(credentialName)).findFirst();
  }
}
