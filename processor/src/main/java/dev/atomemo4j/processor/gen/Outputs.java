package dev.atomemo4j.processor.gen;

import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.ToolModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes every output of a valid plugin through the Filer, each with its originating elements: the definition,
 * one JSON Schema per tool input (and output when typed), for an Atlas plugin its manifest and config schema, the
 * registry source, and at the end the
 * {@code ServiceLoader} registration of all registries.
 */
public final class Outputs {
  private final Filer filer;
  private final Reporter reporter;
  private final RegistryGenerator registries;
  private final Set<String> registryNames = new TreeSet<>();
  private final Set<Element> allOriginating = new java.util.LinkedHashSet<>();

  public Outputs(Filer filer, Elements elements, SourceVersion sourceVersion, Reporter reporter) {
    this.filer = filer;
    this.reporter = reporter;
    this.registries = new RegistryGenerator(elements, sourceVersion);
  }

  public void write(PluginModel model, Set<Element> originating) {
    Element[] origins = originating.toArray(new Element[0]);
    Element anchor = origins[0];
    resource(model.definitionResource(), DefinitionWriter.toBytes(model.definition()), origins, anchor);
    for (ToolModel tool : model.tools()) {
      resource(model.schemaResource(tool.name(), "input"), SchemaGenerator.input(tool), origins, anchor);
      if (tool.result() != null) {
        resource(model.schemaResource(tool.name(), "output"), SchemaGenerator.output(tool), origins, anchor);
      }
    }
    if (model.atlas() != null) {
      for (dev.atomemo4j.processor.model.ActionModel action : model.atlas().actions()) {
        resource(model.schemaResource(action.name(), "input"), SchemaGenerator.input(action.call()), origins,
            anchor);
      }
      resource(model.manifestResource(), ManifestGenerator.manifest(model), origins, anchor);
      if (model.atlas().config() != null) {
        resource(model.configSchemaResource(), ConfigSchemaGenerator.schema(model.definition().name(),
            model.atlas().config()), origins, anchor);
      }
    }
    try {
      registries.generate(model, origins).writeTo(filer);
      registryNames.add(model.registryClass().canonicalName());
      allOriginating.addAll(originating);
    } catch (IOException e) {
      reporter.report(Message.INTERNAL_ERROR, Origin.of(anchor), model.registryClass(), "cannot write: " + e);
    }
  }

  /** The ServiceLoader file lists every registry of the compilation; written once, in the last round. */
  public void finish() {
    if (registryNames.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    registryNames.forEach(n -> text.append(n).append('\n'));
    Element[] origins = allOriginating.toArray(new Element[0]);
    resource("META-INF/services/dev.atomemo4j.runtime.spi.PluginRegistry",
        text.toString().getBytes(StandardCharsets.UTF_8), origins, origins[0]);
  }

  private void resource(String path, String text, Element[] origins, Element anchor) {
    resource(path, text.getBytes(StandardCharsets.UTF_8), origins, anchor);
  }

  private void resource(String path, byte[] bytes, Element[] origins, Element anchor) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
      try (OutputStream out = file.openOutputStream()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      reporter.report(Message.INTERNAL_ERROR, Origin.of(anchor), path, "cannot write: " + e.getMessage());
    }
  }
}
