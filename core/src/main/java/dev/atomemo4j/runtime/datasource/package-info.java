/**
 * What a datasource plugin's author writes against (atlas-features.md §2.1): the {@link
 * dev.atomemo4j.runtime.datasource.QueryConnection} its {@code @Datasource} method returns, the {@link
 * dev.atomemo4j.runtime.datasource.QueryResult} a query answers, the {@link
 * dev.atomemo4j.runtime.datasource.ValidationResult} of a custom {@code @Validate}, and {@link
 * dev.atomemo4j.runtime.datasource.Entity} fragments. No JDBC here; {@code atomemo4j-jdbc} is the opt-in helper.
 */
package dev.atomemo4j.runtime.datasource;
