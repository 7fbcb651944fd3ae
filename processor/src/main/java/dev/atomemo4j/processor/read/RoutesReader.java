package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.RoutesModel;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads and validates the plugin class's part that {@link RoutesModel} describes; reports every mistake. */
final class RoutesReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final TypeMapper mapper;

  RoutesReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** The model, or null when the plugin declares none of it. */
  RoutesModel read(TypeElement pluginClass) {
    return null;
  }
}
