package dev.atomemo4j.model.validate;

public enum Severity {
  ERROR,
  WARNING
}
