package dev.atomemo4j.processor.model;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;

/**
 * Read and validated: the plugin's {@code @Datasource} with its {@code @Validate} and {@code @Entities}.
 *
 * @param method the connection factory's name
 * @param forbiddenPatterns each compiled once by the reader; empty with a validator
 * @param validateMethod the {@code @Validate} method's name, or null
 * @param entities the {@code @Entities} member, or null
 */
public record DatasourceModel(String dbType, ParserDialect parserDialect, List<String> forbiddenPatterns,
    String dialect, String method, String validateMethod, EntitiesModel entities) {

  public DatasourceModel {
    forbiddenPatterns = List.copyOf(forbiddenPatterns);
  }

  /**
   * Where the entities come from.
   *
   * @param member the method's or the field's name
   * @param field true for a {@code public static final} field, false for a factory method
   */
  public record EntitiesModel(String member, boolean field) {}
}
