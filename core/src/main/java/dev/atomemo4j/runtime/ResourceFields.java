package dev.atomemo4j.runtime;

import java.util.List;

/**
 * The fields of a resource, answering {@code resource_mapping}. {@code type} is string, number, integer, boolean,
 * object or array.
 */
public record ResourceFields(List<Field> fields, String emptyFieldsNotice) {

  public ResourceFields {
    fields = List.copyOf(fields);
  }

  public record Field(String id, String displayName, String type, Boolean required, String hint) {}
}
