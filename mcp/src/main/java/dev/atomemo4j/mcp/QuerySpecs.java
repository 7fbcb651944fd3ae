package dev.atomemo4j.mcp;

import dev.atomemo4j.core.query.DatasourceView;
import dev.atomemo4j.core.query.QueryGateway;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code tools/list} says of each datasource of a host: one tool per datasource, {@code query_<id>}, so the
 * model picks a database by picking a tool and reads that database's rules where it decides, in the tool's own
 * description: the plugin's description, the database kind, the dialect text, the tables the whitelist allows and
 * the row limit. Input {@code {sql}}, output {@code {datasource, sql, durationMs, columns, rows, metadata}};
 * read-only and idempotent, since the host lets only one read-only statement through.
 */
final class QuerySpecs {
  /** The prefix of a query tool's name; the rest is the datasource id. */
  static final String PREFIX = "query_";

  /** One datasource as MCP lists it. */
  record Spec(String datasourceId, McpSchema.Tool tool) {}

  private QuerySpecs() {}

  static List<Spec> of(QueryGateway gateway) {
    List<Spec> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (DatasourceView d : gateway.datasources()) {
      String name = toolName(d.id());
      if (!names.add(name)) {
        // Two ids that differ only in characters an MCP name cannot hold: a model could not tell them apart.
        throw new IllegalStateException("datasources `" + d.id() + "` and another one both become the MCP tool `"
            + name + "`; give one of them another id");
      }
      McpSchema.Tool tool = McpSchema.Tool.builder()
          .name(name)
          .title("Query " + d.id())
          .description(description(d))
          .inputSchema(inputSchema(d))
          .outputSchema(outputSchema())
          .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null))
          .build();
      out.add(new Spec(d.id(), tool));
    }
    return List.copyOf(out);
  }

  /** {@code query_<id>}, every character a tool name may not hold ({@code [A-Za-z0-9_.-]}) as {@code _}. */
  static String toolName(String datasourceId) {
    StringBuilder b = new StringBuilder(PREFIX);
    for (char c : datasourceId.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.' ? c : '_');
    }
    return b.toString();
  }

  /** The model's whole briefing on this datasource, the part it needs to write an acceptable query first. */
  static String description(DatasourceView d) {
    StringBuilder b = new StringBuilder();
    if (!d.description().isBlank()) {
      b.append(d.description().strip()).append("\n\n");
    }
    b.append("Runs one query on the datasource `").append(d.id()).append("` (").append(d.dbType())
        .append(") through the host, which checks it before it runs.");
    if (!d.dialect().isBlank()) {
      b.append("\n\nDialect: ").append(d.dialect().strip());
    }
    if (d.customValidation()) {
      b.append("\n\nThe datasource's own validator decides which queries it accepts.");
    } else {
      b.append("\n\nOne read-only statement (SELECT or WITH … SELECT); writes, DDL, several statements and"
          + " locking clauses are refused. At most ").append(d.rowLimit())
          .append(" rows come back: the host adds LIMIT ").append(d.rowLimit())
          .append(" when there is none and lowers a larger one.");
    }
    if (!d.tables().isEmpty()) {
      b.append("\n\nTables you may read: ").append(String.join(", ", d.tables())).append('.');
      if (!d.entities().isEmpty() && !d.entities().equals(d.tables())) {
        b.append(" (Entities: ").append(String.join(", ", d.entities())).append('.').append(')');
      }
    }
    b.append("\n\nA refused query answers a tool error whose code says why (query:table_not_allowed,"
        + " query:not_read_only, query:parse_error, …).");
    return b.toString();
  }

  private static Map<String, Object> inputSchema(DatasourceView d) {
    Map<String, Object> sql = new LinkedHashMap<>();
    sql.put("type", "string");
    sql.put("minLength", 1);
    sql.put("description", d.customValidation() ? "The query, in the datasource's language."
        : "One read-only SQL statement in the " + d.dbType() + " dialect.");
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of("sql", sql));
    schema.put("required", List.of("sql"));
    schema.put("additionalProperties", false);
    return schema;
  }

  /** The shape of {@code QueryCalls}' structured content; the SDK and the client check answers against it. */
  static Map<String, Object> outputSchema() {
    Map<String, Object> cell = Map.of("type", List.of("string", "number", "boolean", "null"));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("datasource", Map.of("type", "string", "description", "the datasource that answered"));
    properties.put("sql", Map.of("type", "string",
        "description", "the query as it ran: after the automatic LIMIT and any hook's rewrite"));
    properties.put("durationMs", Map.of("type", "integer", "minimum", 0,
        "description", "how long the datasource took, in milliseconds"));
    properties.put("columns", Map.of("type", "array", "items", Map.of("type", "string")));
    properties.put("rows", Map.of("type", "array", "description", "each row's cells, in the order of columns;"
        + " bytes in base64, dates and other values as text", "items", Map.of("type", "array", "items", cell)));
    properties.put("metadata", Map.of("type", "object",
        "description", "rowLimit (the LIMIT the host applied), rewritten (a hook changed the query), validation"));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.of("datasource", "sql", "durationMs", "columns", "rows"));
    return schema;
  }
}
