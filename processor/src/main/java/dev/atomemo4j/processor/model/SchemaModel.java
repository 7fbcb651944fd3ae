package dev.atomemo4j.processor.model;

/** Read and validated: the plugin's valid @Table records and migration steps (issue 16). */
public record SchemaModel() {}
