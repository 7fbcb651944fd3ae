package dev.atomemo4j.host.query;

import java.util.List;

/**
 * A hosted datasource, as the admin API and an agent's prompt see it.
 *
 * @param dialect the prompt guidance for the agent ({@code @Datasource(dialect)}), empty when none
 * @param entities the entity names, in declaration order
 * @param tables the table whitelist drawn from the entities (empty: no whitelist)
 * @param customValidation whether a {@code @Validate} replaces the SQL path
 * @param connected whether its connection was made at wiring
 * @param problem why it is not connected, or null
 */
public record DatasourceInfo(String id, String dbType, String parserDialect, String dialect, List<String> entities,
    List<String> tables, boolean customValidation, boolean connected, String problem) {

  public DatasourceInfo {
    entities = List.copyOf(entities);
    tables = List.copyOf(tables);
  }
}
