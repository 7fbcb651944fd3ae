package dev.atomemo4j.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The processor's view of a Java type used as a parameter, field or result: enough to write the property DSL, the
 * JSON Schema and the generated shape, and nothing from {@code javax.lang.model} (JavaPoet type names are plain
 * values).
 */
public sealed interface TypeRef {

  /** The Java type, for casts in generated code. */
  TypeName javaType();

  enum ScalarKind {
    STRING,
    BOOLEAN,
    BYTE,
    SHORT,
    INT,
    LONG,
    BIG_INTEGER,
    FLOAT,
    DOUBLE,
    BIG_DECIMAL;

    public boolean isInteger() {
      return this == BYTE || this == SHORT || this == INT || this == LONG || this == BIG_INTEGER;
    }

    public boolean isNumber() {
      return this == FLOAT || this == DOUBLE || this == BIG_DECIMAL;
    }
  }

  /** A string, boolean or number; {@code primitive} when the Java type is a primitive (never absent). */
  record Scalar(ScalarKind kind, boolean primitive, TypeName javaType) implements TypeRef {}

  /** An enum constant: its Java name, wire value and option label. */
  record EnumConstant(String javaName, String wireName, String label) {}

  record EnumT(TypeName javaType, List<EnumConstant> constants) implements TypeRef {
    public EnumT {
      constants = List.copyOf(constants);
    }
  }

  enum CollectionKind {
    LIST,
    SET,
    ARRAY
  }

  /** A collection; {@code element} carries the metadata of annotations on the type argument. */
  record ListT(TypeName javaType, CollectionKind kind, Field element) implements TypeRef {}

  /** {@code Map<String, V>}; {@code value} carries the metadata of annotations on {@code V}. */
  record MapT(TypeName javaType, Field value) implements TypeRef {}

  /** A record: its components in declaration order. */
  record ObjT(TypeName javaType, String qualifiedName, List<Field> fields) implements TypeRef {
    public ObjT {
      fields = List.copyOf(fields);
    }
  }

  enum OptKind {
    OPTIONAL,
    OPTIONAL_INT,
    OPTIONAL_LONG,
    OPTIONAL_DOUBLE
  }

  record OptT(TypeName javaType, OptKind kind, TypeRef inner) implements TypeRef {}

  /**
   * A variant of a union: discriminator constant, label, the record, and what {@code @Variant} says about the
   * variant object ({@code name}, {@code object}) and its discriminator property; {@code element} is the record.
   */
  record Variant(String constant, String label, ObjT record, String name, ParamMeta object,
      ParamMeta discriminator, javax.lang.model.element.Element element,
      dev.atomemo4j.processor.diag.Origin at, dev.atomemo4j.processor.diag.Origin constantAt) {
    public Variant(String constant, String label, ObjT record) {
      this(constant, label, record, null, ParamMeta.NONE, ParamMeta.NONE, null, null, null);
    }
  }

  /**
   * A {@code @Union}: {@code component} of its {@code discriminator_ui} (null: none), whether that lists the
   * variants as {@code options}, and the sealed interface it was read from.
   */
  record UnionT(TypeName javaType, String discriminator, List<Variant> variants, String component, boolean options,
      javax.lang.model.element.Element element) implements TypeRef {
    public UnionT {
      variants = List.copyOf(variants);
    }

    public UnionT(TypeName javaType, String discriminator, List<Variant> variants) {
      this(javaType, discriminator, variants, "select", true, null);
    }
  }

  /** FileRef, ResourceLocator, ResourceMapper, Secret, JsonNode: value types the runtime knows. */
  enum ValueKind {
    FILE_REF,
    RESOURCE_LOCATOR,
    RESOURCE_MAPPER,
    SECRET,
    JSON
  }

  record ValueT(TypeName javaType, ValueKind kind) implements TypeRef {}

  /** A date, time, duration, UUID, URI/URL or {@code byte[]}: a {@code string} on the wire. */
  record TextT(TypeName javaType, TextType kind) implements TypeRef {}

  /** A {@code @Credential} record used as a parameter: a credential_id on the wire, the record in Java. */
  record CredentialT(TypeName javaType, String credentialName, javax.lang.model.element.Element element)
      implements TypeRef {
    public CredentialT(TypeName javaType, String credentialName) {
      this(javaType, credentialName, null);
    }
  }

  /**
   * A named member of an object (a record component or a tool parameter), or the element of a collection.
   *
   * @param name the wire name
   * @param javaName the accessor name for records (null elsewhere)
   * @param element the parameter, record component field or type argument's site it was read from (for
   *     diagnostics; null for synthesized fields)
   * @param required the key must be present
   * @param nullable {@code null} is accepted
   * @param meta what {@code @Param} said about it
   */
  record Field(String name, String javaName, TypeRef type, boolean required, boolean nullable, ParamMeta meta,
      javax.lang.model.element.Element element) {
    public Field(String name, String javaName, TypeRef type, boolean required, boolean nullable, ParamMeta meta) {
      this(name, javaName, type, required, nullable, meta, null);
    }
  }
}
