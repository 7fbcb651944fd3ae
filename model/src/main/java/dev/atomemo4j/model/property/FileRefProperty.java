package dev.atomemo4j.model.property;

/** A file handed over by reference ({@code file_ref} value at run time). */
public record FileRefProperty(PropertyCommon common) implements Property {
  @Override
  public String type() {
    return "file_ref";
  }
}
