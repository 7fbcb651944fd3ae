package dev.atomemo4j.processor.read;

import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.HookModel;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads and validates the plugin class's part that {@link HookModel} describes; reports every mistake. */
final class HookReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final TypeMapper mapper;

  HookReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** The model, or java.util.List.of() when the plugin declares none of it. */
  java.util.List<HookModel> read(TypeElement pluginClass) {
    return java.util.List.of();
  }
}
