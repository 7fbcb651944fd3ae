package dev.atomemo4j.model.property;

import java.util.List;

/**
 * One entry of Atomemo's property DSL. Every type except {@link DiscriminatedUnionProperty} carries the
 * {@link PropertyCommon common members}; a union has none (and a {@code name} given to one is dropped).
 *
 * <p>The hierarchy can represent definitions that break the format's rules (a union in tool parameters, a
 * {@code constant} on an encrypted string, an enum of label objects) because the validator, not the type
 * system, is where those rules live: a definition read from a file must be representable before it can be
 * reported on.
 */
public sealed interface Property
    permits StringProperty,
        NumberProperty,
        BooleanProperty,
        EncryptedStringProperty,
        CredentialIdProperty,
        FileRefProperty,
        ArrayProperty,
        ObjectProperty,
        ResourceLocatorProperty,
        ResourceMapperProperty,
        DiscriminatedUnionProperty {

  /** The wire value of {@code type}. */
  String type();

  /** The common members, or null for a discriminated union. */
  PropertyCommon common();

  /** The property name, or null for a discriminated union. */
  default String name() {
    return common() == null ? null : common().name();
  }

  /** Types allowed as credential parameters. */
  List<String> SCALAR_TYPES = List.of("string", "number", "integer", "boolean", "encrypted_string");
}
