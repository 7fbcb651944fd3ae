package dev.atomemo4j.core.query;

import java.util.List;

/**
 * What a front end may do with a host's datasources without knowing the host: the seam between peers (an MCP
 * server takes one and lists a query tool per datasource; the PluginHost implements it over its query path). The
 * host keeps every rule: the SQL guard and table whitelist (or the plugin's own validator), the automatic LIMIT,
 * the {@code beforeQuery} and {@code afterQuery} hooks, the statement timeout. A front end only passes text in and
 * shows what comes back.
 */
public interface QueryGateway {

  /** The host's datasources in registration order, as an agent should be told about them. */
  List<DatasourceView> datasources();

  /**
   * Runs {@code sql} on datasource {@code datasourceId} through the host's whole query path.
   *
   * @throws QueryRefusal every refusal and failure of the path, with the host's stable {@code query:…} or
   *     {@code host:hook_…} code and the user-facing reason
   */
  QueryRows query(String datasourceId, String sql);
}
