package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.DatasourceModel;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads and validates the plugin class's part that {@link DatasourceModel} describes; reports every mistake. */
final class DatasourceReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final TypeMapper mapper;

  DatasourceReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** The model, or null when the plugin declares none of it. */
  DatasourceModel read(TypeElement pluginClass) {
    return null;
  }
}
