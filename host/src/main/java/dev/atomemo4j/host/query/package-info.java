/**
 * The standard validation of datasource queries: {@link dev.atomemo4j.host.query.SqlGuard} (empty check, write
 * keywords and the datasource's forbidden patterns, a JSqlParser parse in the datasource's dialect, one read-only
 * SELECT with no write, lock or side-effecting function in it, the entity whitelist, the row limit) and
 * {@link dev.atomemo4j.host.query.SqlTables} (the tables any statement names). No Jetty, no JDBC here: the host's
 * query path calls it before it touches a connection.
 */
package dev.atomemo4j.host.query;
