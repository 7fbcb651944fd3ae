package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.SchemaModel;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads and validates the plugin class's part that {@link SchemaModel} describes; reports every mistake. */
final class SchemaReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final TypeMapper mapper;

  SchemaReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** The model, or null when the plugin declares none of it. */
  SchemaModel read(TypeElement pluginClass) {
    return null;
  }
}
