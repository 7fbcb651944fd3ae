/**
 * {@code atomemo4j-jdbc}: the opt-in JDBC helper of datasource plugins. {@link
 * dev.atomemo4j.jdbc.JdbcQueryConnection} is a {@code QueryConnection} over a HikariCP pool; the plugin brings the
 * JDBC driver. Author code sees no pool type: it passes {@link dev.atomemo4j.jdbc.JdbcSettings} and returns the
 * connection from its {@code @Datasource} method.
 */
package dev.atomemo4j.jdbc;
