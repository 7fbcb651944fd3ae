package dev.atomemo4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.host.query.DatasourceInfo;
import dev.atomemo4j.host.query.HostQueries;
import dev.atomemo4j.host.query.QueryAnswer;
import dev.atomemo4j.host.query.QueryException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * The admin API's datasource routes (host/API.md, Datasources): the list ({@code GET /api/datasources}), a query
 * through the host's whole validation path ({@code POST /api/datasources/{id}/query} with {@code {"sql": …}}), and
 * the query console page ({@code GET /datasources}). A refused query answers the structured error of the path:
 * its stable code and the user-facing reason.
 */
final class DatasourcesApi {
  private DatasourcesApi() {}

  /** A JSON answer (status, body, the allowed method of a 405), or a page resource to serve. */
  record Reply(int status, JsonNode body, String allow, String page) {
    static Reply json(int status, JsonNode body) {
      return new Reply(status, body, null, null);
    }
  }

  static Reply handle(HostQueries queries, String method, String path, Request request) throws IOException {
    if (path.equals("/datasources")) {
      return method.equals("GET") ? new Reply(200, null, null, "datasources.html") : notAllowed("GET");
    }
    if (queries == null) {
      return Reply.json(404, AdminJson.error("host:no_datasources", "this host serves no datasource queries"));
    }
    if (path.equals("/api/datasources")) {
      if (!method.equals("GET")) {
        return notAllowed("GET");
      }
      ObjectNode out = AdminJson.object();
      ArrayNode list = out.putArray("datasources");
      for (DatasourceInfo d : queries.list()) {
        ObjectNode o = list.addObject();
        o.put("id", d.id());
        o.put("dbType", d.dbType());
        o.put("parserDialect", d.parserDialect());
        o.put("dialect", d.dialect());
        d.entities().forEach(o.putArray("entities")::add);
        d.tables().forEach(o.putArray("tables")::add);
        o.put("customValidation", d.customValidation());
        o.put("connected", d.connected());
        o.put("problem", d.problem());
      }
      return Reply.json(200, out);
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length == 4 && parts[3].equals("query") && !parts[2].isEmpty()) {
      if (!method.equals("POST")) {
        return notAllowed("POST");
      }
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      JsonNode in;
      try {
        in = AdminJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
      } catch (IOException e) {
        return Reply.json(400, AdminJson.error("host:bad_request", "the body is not JSON"));
      }
      JsonNode sql = in.get("sql");
      if (sql == null || !sql.isTextual()) {
        return Reply.json(400, AdminJson.error("host:bad_request", "the body needs {\"sql\": \"…\"}"));
      }
      try {
        return Reply.json(200, json(queries.query(parts[2], sql.asText())));
      } catch (QueryException e) {
        return Reply.json(statusOf(e.code()), AdminJson.error(e.code(), e.reason()).put("datasource", parts[2]));
      }
    }
    return Reply.json(404, AdminJson.error("host:not_found", "no endpoint " + method + " " + path
        + "; see host/API.md"));
  }

  private static ObjectNode json(QueryAnswer a) {
    ObjectNode out = AdminJson.object();
    out.put("datasource", a.datasourceId());
    out.put("sql", a.sql());
    out.put("durationMs", a.duration().toMillis());
    a.result().columns().forEach(out.putArray("columns")::add);
    ArrayNode rows = out.putArray("rows");
    for (List<Object> row : a.result().rows()) {
      ArrayNode r = rows.addArray();
      row.forEach(cell -> r.add(cell(cell)));
    }
    ObjectNode meta = out.putObject("metadata");
    for (Map.Entry<String, Object> e : a.metadata().entrySet()) {
      meta.set(e.getKey(), cell(e.getValue()));
    }
    return out;
  }

  /** A cell as JSON: numbers, booleans and text as they are, bytes in base64, anything else as its text. */
  static JsonNode cell(Object v) {
    var f = AdminJson.MAPPER.getNodeFactory();
    if (v == null) {
      return f.nullNode();
    } else if (v instanceof String s) {
      return f.textNode(s);
    } else if (v instanceof Boolean b) {
      return f.booleanNode(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return f.numberNode(((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      return f.numberNode(d);
    } else if (v instanceof BigInteger i) {
      return f.numberNode(i);
    } else if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? f.textNode(d.toString()) : f.numberNode(d);
    } else if (v instanceof Float x) {
      return x.isNaN() || x.isInfinite() ? f.textNode(x.toString()) : f.numberNode(x);
    } else if (v instanceof byte[] bytes) {
      return f.textNode(Base64.getEncoder().encodeToString(bytes));
    }
    return f.textNode(String.valueOf(v));
  }

  private static int statusOf(String code) {
    switch (code) {
      case QueryException.UNKNOWN_DATASOURCE:
        return 404;
      case QueryException.DISABLED:
      case QueryException.UNHEALTHY:
      case QueryException.NOT_CONNECTED:
      case QueryException.INTERRUPTED:
        return 503;
      case QueryException.TIMEOUT:
        return 504;
      case QueryException.FAILED:
        return 502;
      default:
        // The guard's, the validator's and the hooks' refusals: the query itself is not acceptable.
        return 422;
    }
  }

  private static Reply notAllowed(String allowed) {
    return new Reply(405, AdminJson.error("host:method_not_allowed", "use " + allowed), allowed, null);
  }
}
