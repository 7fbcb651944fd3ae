package dev.atomemo4j.processor.model;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.model.PluginDefinition;
import java.util.List;

/** Everything generation needs about one plugin; {@code atlas} is null when it declares no Atlas parts. */
public record PluginModel(
    ClassName pluginClass,
    PluginDefinition definition,
    List<ToolModel> tools,
    List<CredentialModel> credentials,
    AtlasModel atlas) {

  public String resourceDirectory() {
    return "META-INF/atomemo4j/" + definition.name();
  }

  public String definitionResource() {
    return resourceDirectory() + "/definition.json";
  }

  public String schemaResource(String toolName, String kind) {
    return resourceDirectory() + "/schemas/" + toolName + "." + kind + ".json";
  }

  public String manifestResource() {
    return resourceDirectory() + "/manifest.json";
  }

  public String configSchemaResource() {
    return resourceDirectory() + "/schemas/config.json";
  }

  public ClassName registryClass() {
    return ClassName.get(pluginClass.packageName(), String.join("_", pluginClass.simpleNames()) + "Registry");
  }
}
