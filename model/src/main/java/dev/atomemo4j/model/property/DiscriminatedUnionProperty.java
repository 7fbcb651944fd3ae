package dev.atomemo4j.model.property;

import java.util.List;

/**
 * One of several object shapes, told apart by the constant of the property named {@code discriminator}.
 * Allowed only as array items or as additional properties.
 */
public record DiscriminatedUnionProperty(List<Property> anyOf, String discriminator, Ui discriminatorUi)
    implements Property {

  public DiscriminatedUnionProperty {
    anyOf = anyOf == null ? null : List.copyOf(anyOf);
  }

  @Override
  public String type() {
    return "discriminated_union";
  }

  @Override
  public PropertyCommon common() {
    return null;
  }
}
