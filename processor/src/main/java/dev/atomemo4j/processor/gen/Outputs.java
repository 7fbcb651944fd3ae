package dev.atomemo4j.processor.gen;

import com.palantir.javapoet.JavaFile;
import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.model.io.SchemaBundle;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.ToolModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes every output of a valid plugin through the Filer, each with its originating elements: the definition,
 * one JSON Schema per tool input (and output when typed), for an Atlas plugin its manifest and config schema, all
 * the schemas again in one {@link SchemaBundle}, the registry source, and at the end the
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
    // Each schema is its own file, and all of them are also in one bundle, which the front ends read at start-up.
    Map<String, byte[]> schemas = new LinkedHashMap<>();
    for (ToolModel tool : model.tools()) {
      schema(model, model.schemaResource(tool.name(), "input"), SchemaGenerator.input(tool), schemas);
      if (tool.result() != null) {
        schema(model, model.schemaResource(tool.name(), "output"), SchemaGenerator.output(tool), schemas);
      }
    }
    if (model.atlas() != null) {
      for (dev.atomemo4j.processor.model.ActionModel action : model.atlas().actions()) {
        schema(model, model.schemaResource(action.name(), "input"), SchemaGenerator.input(action.call()), schemas);
      }
      resource(model.manifestResource(), ManifestGenerator.manifest(model), origins, anchor);
      if (model.atlas().config() != null) {
        schema(model, model.configSchemaResource(), ConfigSchemaGenerator.schema(model.definition().name(),
            model.atlas().config()), schemas);
      }
    }
    String directory = model.resourceDirectory() + "/";
    for (Map.Entry<String, byte[]> s : schemas.entrySet()) {
      resource(directory + s.getKey(), s.getValue(), origins, anchor);
    }
    if (!schemas.isEmpty()) {
      resource(directory + SchemaBundle.FILE_NAME, SchemaBundle.write(schemas), origins, anchor);
    }
    try {
      writeSource(registries.generate(model, origins));
      registryNames.add(model.registryClass().canonicalName());
      allOriginating.addAll(originating);
    } catch (IOException e) {
      reporter.report(Message.INTERNAL_ERROR, Origin.of(anchor), model.registryClass(), "cannot write: " + e);
    }
  }

  /**
   * Renders the file in memory, then writes it to the filer in one piece. JavaPoet's own {@code writeTo(Filer)}
   * streams it in thousands of small writes through the filer's encoder, a noticeable share of the processor's time
   * for a large registry; and a file that fails to render is never created half-written.
   */
  private void writeSource(JavaFile file) throws IOException {
    String text = file.toString();
    String name = file.packageName().isEmpty() ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
    JavaFileObject source = filer.createSourceFile(name, file.typeSpec().originatingElements().toArray(new Element[0]));
    try (Writer w = source.openWriter()) {
      w.write(text);
    } catch (IOException | RuntimeException e) {
      source.delete();
      throw e;
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

  /** Keeps a schema under its path relative to the plugin's resource directory, to be written with the bundle. */
  private static void schema(PluginModel model, String path, String text, Map<String, byte[]> schemas) {
    schemas.put(path.substring(model.resourceDirectory().length() + 1), text.getBytes(StandardCharsets.UTF_8));
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
