package dev.atomemo4j.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.ErrorObjects;
import dev.atomemo4j.core.query.QueryGateway;
import dev.atomemo4j.core.query.QueryRefusal;
import dev.atomemo4j.core.query.QueryRows;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code tools/call} of a query tool through the host's query path ({@link QueryGateway}): the SQL is
 * handed over as it came, and whatever the host ran comes back as structured content (and the same JSON as text).
 * A refusal is a tool error whose text is the JSON error object {@code {code, message, datasource}} with the host's
 * stable code, so the model can read why and write a better query.
 */
final class QueryCalls {
  private static final Logger log = LoggerFactory.getLogger(QueryCalls.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final QueryGateway gateway;
  /** The SDK worker threads in a query now, interrupted when the server closes (the host cancels the query). */
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();

  QueryCalls(QueryGateway gateway) {
    this.gateway = gateway;
  }

  CallToolResult call(QuerySpecs.Spec spec, CallToolRequest request) {
    Object sql = request.arguments() == null ? null : request.arguments().get("sql");
    if (!(sql instanceof String text)) {
      ObjectNode error = ErrorObjects.error(ErrorCodes.INVALID_PARAMETER, "the query tool takes {\"sql\": \"…\"},"
          + " a string");
      error.put("datasource", spec.datasourceId());
      return error(error);
    }
    running.add(Thread.currentThread());
    try {
      QueryRows rows = gateway.query(spec.datasourceId(), text);
      ObjectNode out = json(rows);
      return CallToolResult.builder().isError(false).addTextContent(out.toString())
          .structuredContent(JSON.convertValue(out, MAP)).build();
    } catch (QueryRefusal refused) {
      // The reason holds no secret (the host masks the plugin's), but the SQL is the client's own: log codes only.
      log.info("query on `{}` refused: {}", spec.datasourceId(), refused.code());
      ObjectNode error = ErrorObjects.error(refused.code(), refused.reason());
      error.put("datasource", spec.datasourceId());
      return error(error);
    } finally {
      running.remove(Thread.currentThread());
      Thread.interrupted(); // an interrupt that raced the end must not hit the SDK's next task on this thread
    }
  }

  /** Interrupts the queries running now (the server is closing); the host cancels their statements. */
  void cancelAll() {
    running.forEach(Thread::interrupt);
  }

  static ObjectNode json(QueryRows r) {
    ObjectNode out = JSON.createObjectNode();
    out.put("datasource", r.datasourceId());
    out.put("sql", r.sql());
    out.put("durationMs", r.duration().toMillis());
    ArrayNode columns = out.putArray("columns");
    r.columns().forEach(columns::add);
    ArrayNode rows = out.putArray("rows");
    for (List<Object> row : r.rows()) {
      ArrayNode cells = rows.addArray();
      row.forEach(cell -> cells.add(JSON.valueToTree(cell)));
    }
    out.set("metadata", JSON.valueToTree(r.metadata()));
    return out;
  }

  private static CallToolResult error(ObjectNode error) {
    return CallToolResult.builder().isError(true).addTextContent(error.toString()).build();
  }
}
