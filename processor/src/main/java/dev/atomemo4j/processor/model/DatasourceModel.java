package dev.atomemo4j.processor.model;

/** Read and validated: the plugin's valid @Datasource with its @Validate and @Entities (issue 14). */
public record DatasourceModel() {}
