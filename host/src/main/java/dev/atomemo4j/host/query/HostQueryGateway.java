package dev.atomemo4j.host.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.core.lifecycle.HostedPlugins;
import dev.atomemo4j.core.query.DatasourceView;
import dev.atomemo4j.core.query.QueryGateway;
import dev.atomemo4j.core.query.QueryRefusal;
import dev.atomemo4j.core.query.QueryRows;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The host's side of the core {@link QueryGateway}: every query goes through {@link HostQueries#query} (guard or
 * validator, LIMIT, hooks, timeout), and a {@link QueryException} becomes a {@link QueryRefusal} with the same code
 * and reason. Cells are turned into the JSON-ready values the admin API writes, so no front end sees a driver type.
 */
final class HostQueryGateway implements QueryGateway {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HostQueries queries;
  private final Supplier<HostedPlugins> plugins;

  HostQueryGateway(HostQueries queries, Supplier<HostedPlugins> plugins) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.plugins = Objects.requireNonNull(plugins, "plugins");
  }

  @Override
  public List<DatasourceView> datasources() {
    HostedPlugins hosted = plugins.get();
    List<DatasourceView> out = new ArrayList<>();
    for (DatasourceInfo d : queries.list()) {
      String description = hosted != null && hosted.contains(d.id())
          ? description(hosted.get(d.id()).descriptor()) : "";
      out.add(new DatasourceView(d.id(), description, d.dbType(), d.dialect(), d.entities(), d.tables(),
          d.customValidation(), queries.settings().rowLimit()));
    }
    return List.copyOf(out);
  }

  @Override
  public QueryRows query(String datasourceId, String sql) {
    QueryAnswer a;
    try {
      a = queries.query(datasourceId, sql);
    } catch (QueryException e) {
      throw new QueryRefusal(e.code(), e.reason());
    }
    List<List<Object>> rows = new ArrayList<>(a.result().rows().size());
    for (List<Object> row : a.result().rows()) {
      List<Object> cells = new ArrayList<>(row.size());
      row.forEach(v -> cells.add(cell(v)));
      rows.add(cells);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    a.metadata().forEach((k, v) -> metadata.put(k, cell(v)));
    return new QueryRows(a.datasourceId(), a.sql(), a.duration(), a.result().columns(), rows, metadata);
  }

  /** A cell as the admin API writes it: numbers, booleans and text as they are, bytes in base64, else its text. */
  static Object cell(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    } else if (v instanceof BigDecimal || v instanceof BigInteger) {
      return v;
    } else if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d.toString() : d;
    } else if (v instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? f.toString() : (Object) f.doubleValue();
    } else if (v instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    return String.valueOf(v);
  }

  /** The plugin's English description from its generated {@code definition.json}; empty when it has none. */
  private static String description(PluginDescriptor plugin) {
    JsonNode definition;
    try {
      definition = JSON.readTree(plugin.definitionJson());
    } catch (IOException | RuntimeException e) {
      return "";
    }
    JsonNode d = definition == null ? null : definition.get("description");
    if (d == null || d.isNull()) {
      return "";
    }
    if (d.isTextual()) {
      return d.textValue();
    }
    JsonNode en = d.get("en_US");
    if (en != null && en.isTextual()) {
      return en.textValue();
    }
    var values = d.elements();
    return values.hasNext() ? values.next().asText() : "";
  }
}
