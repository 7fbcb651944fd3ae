package dev.atomemo4j.core.query;

import java.util.List;
import java.util.Objects;

/**
 * One hosted datasource as a front end describes it to an agent: enough to write a query it will accept.
 *
 * @param id the hosted plugin's id, which {@link QueryGateway#query} takes
 * @param description the plugin's own description (English), empty when it has none
 * @param dbType the database kind the plugin declares ({@code h2}, {@code postgres}, …)
 * @param dialect the plugin's prompt guidance ({@code @Datasource(dialect)}), empty when none
 * @param entities the entity names, in declaration order
 * @param tables the tables a query may read (empty: the host keeps no whitelist for it)
 * @param customValidation whether the plugin's {@code @Validate} replaces the SQL guard (then no LIMIT is added)
 * @param rowLimit the LIMIT the host adds to a query without one, and lowers a larger one to
 */
public record DatasourceView(String id, String description, String dbType, String dialect, List<String> entities,
    List<String> tables, boolean customValidation, int rowLimit) {

  public DatasourceView {
    Objects.requireNonNull(id, "id");
    description = description == null ? "" : description;
    dialect = dialect == null ? "" : dialect;
    entities = List.copyOf(entities);
    tables = List.copyOf(tables);
  }
}
