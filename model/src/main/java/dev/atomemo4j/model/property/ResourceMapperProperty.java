package dev.atomemo4j.model.property;

import dev.atomemo4j.model.value.ResourceMapper;

/** Maps fields of a remote resource; the fields come from the tool's {@code resource_mapping} handler. */
public record ResourceMapperProperty(PropertyCommon common, String mappingMethod, ResourceMapper defaultValue)
    implements Property {
  @Override
  public String type() {
    return "resource_mapper";
  }
}
