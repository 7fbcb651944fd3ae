/**
 * The seam through which a front end (the MCP server) queries a host's datasources without importing the host:
 * {@link dev.atomemo4j.core.query.QueryGateway}, implemented by the PluginHost over its query path.
 */
package dev.atomemo4j.core.query;
