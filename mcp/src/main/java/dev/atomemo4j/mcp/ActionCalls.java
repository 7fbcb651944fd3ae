package dev.atomemo4j.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionCodes;
import dev.atomemo4j.core.actions.ActionGateway;
import dev.atomemo4j.core.actions.ActionOutcome;
import dev.atomemo4j.core.actions.ActionRefusal;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.pipeline.ErrorObjects;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code tools/call} of an action through the host's approval store ({@link ActionGateway}): every call is
 * proposed, so it is stored and audited whatever happens next.
 *
 * <ul>
 *   <li>{@code auto}: the host ran it on proposal; the answer is its result.
 *   <li>{@code manual}: the user is asked through {@code elicitation/create} with the summary and the masked input.
 *       Accept approves it as {@code mcp:<clientInfo.name>} and the host runs it once; decline, cancel, a failed
 *       question, or a client without the elicitation capability deny it, with the reason stored.
 *   <li>{@code admin-only}: never decided here; the call waits (bounded) for an admin's decision on the host, and
 *       answers a pending request id when none came.
 * </ul>
 *
 * A denied, expired or failed request is a tool error with the host's stable code ({@code host:action_denied},
 * {@code host:action_timeout}, …) and the request id.
 */
final class ActionCalls {
  private static final Logger log = LoggerFactory.getLogger(ActionCalls.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  /** The prefix of the identity an MCP client's user acts under in the store and the audit. */
  static final String IDENTITY_PREFIX = "mcp:";

  private final ActionGateway gateway;
  private final Duration approvalWait;
  /** The SDK worker threads waiting in a call now, interrupted when the server closes. */
  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

  ActionCalls(ActionGateway gateway, Duration approvalWait) {
    this.gateway = gateway;
    this.approvalWait = approvalWait;
  }

  CallToolResult call(ActionSpecs.Spec spec, McpSyncServerExchange mcp, CallToolRequest request) {
    String user = identity(mcp);
    JsonNode input = request.arguments() == null ? JSON.createObjectNode() : JSON.valueToTree(request.arguments());
    waiting.add(Thread.currentThread());
    try {
      ActionOutcome proposed = gateway.propose(spec.binding().name(), input, user);
      log.info("action `{}` proposed by {}: request {} ({})", spec.binding().name(), user, proposed.requestId(),
          proposed.mode().wireName());
      return answer(decide(proposed, mcp, user));
    } catch (ActionRefusal refused) {
      return error(ErrorObjects.error(refused.code(), refused.getMessage()));
    } catch (InterruptedException e) {
      // The server is closing; the request stays stored as it is. The flag is cleared below: the SDK reuses threads.
      return error(ErrorObjects.error(dev.atomemo4j.core.pipeline.ErrorCodes.SHUTTING_DOWN,
          "the server is shutting down"));
    } finally {
      waiting.remove(Thread.currentThread());
      Thread.interrupted(); // an interrupt that raced the end must not hit the SDK's next task on this thread
    }
  }

  /** Interrupts the calls waiting for a decision (the server is closing); their requests stay stored. */
  void cancelAll() {
    waiting.forEach(Thread::interrupt);
  }

  private ActionOutcome decide(ActionOutcome proposed, McpSyncServerExchange mcp, String user)
      throws InterruptedException {
    if (proposed.state().isFinal() || proposed.mode() == Approval.AUTO) {
      return proposed;
    }
    if (proposed.mode() == Approval.ADMIN_ONLY) {
      try {
        return gateway.await(proposed.requestId(), approvalWait);
      } catch (InterruptedException e) {
        return proposed; // still stored and pending: the answer below says so
      }
    }
    if (!canElicit(mcp)) {
      return gateway.deny(proposed.requestId(), user, "the MCP client cannot ask its user (it did not declare the"
          + " elicitation capability), and a manual action needs the user's approval");
    }
    ElicitResult answer;
    try {
      answer = mcp.createElicitation(McpSchema.ElicitRequest.builder()
          .message(question(proposed))
          .requestedSchema(Map.of("type", "object", "properties", Map.of()))
          .build());
    } catch (RuntimeException e) {
      log.info("action request {}: the approval question failed: {}", proposed.requestId(), e.toString());
      return gateway.deny(proposed.requestId(), user, "the approval question to the MCP user failed: "
          + e.getClass().getSimpleName());
    }
    if (answer != null && answer.action() == ElicitResult.Action.ACCEPT) {
      return gateway.approve(proposed.requestId(), user);
    }
    String how = answer == null ? "gave no answer" : answer.action() == ElicitResult.Action.DECLINE ? "declined"
        : "cancelled";
    return gateway.deny(proposed.requestId(), user, "the MCP user " + how);
  }

  /** What the user is asked: the summary, the input with every Secret masked, and what approving means. */
  static String question(ActionOutcome r) {
    return "Approve the action `" + r.action() + "`?\n" + r.summary() + "\nInput: " + r.maskedInput()
        + "\nAccept runs it once now; decline denies it. (Request " + r.requestId() + ")";
  }

  /** Form elicitation: declared as {@code elicitation: {}} or with {@code form}. */
  private static boolean canElicit(McpSyncServerExchange mcp) {
    McpSchema.ClientCapabilities caps = mcp.getClientCapabilities();
    McpSchema.ClientCapabilities.Elicitation e = caps == null ? null : caps.elicitation();
    return e != null && (e.form() != null || e.url() == null);
  }

  /** {@code mcp:<clientInfo.name>}: who proposed and decided, in the store and its audit. */
  static String identity(McpSyncServerExchange mcp) {
    McpSchema.Implementation client = mcp.getClientInfo();
    String name = client == null || client.name() == null || client.name().isBlank() ? "unknown-client"
        : client.name();
    return IDENTITY_PREFIX + name;
  }

  private static CallToolResult answer(ActionOutcome o) {
    if (o.state() == ActionState.SUCCEEDED) {
      JsonNode result = parse(o.result());
      CallToolResult.Builder answer = CallToolResult.builder().isError(false);
      answer.addTextContent(result.isTextual() ? result.textValue() : result.toString());
      ObjectNode structured = result.isObject() ? (ObjectNode) result : JSON.createObjectNode();
      if (!result.isObject()) {
        structured.set(ToolSpecs.WRAP_MEMBER, result);
      }
      return answer.structuredContent(JSON.convertValue(structured, MAP)).build();
    }
    if (!o.state().isFinal()) {
      // Not an error: the request is stored and an admin may still approve it; the agent can say so.
      ObjectNode pending = JSON.createObjectNode()
          .put("code", ActionCodes.PENDING)
          .put("state", o.state().wireName())
          .put("request_id", o.requestId())
          .put("mode", o.mode().wireName())
          .put("summary", o.summary())
          .put("message", "action request " + o.requestId() + " of `" + o.action() + "` waits for an admin's "
              + "decision on the host; it runs once approved");
      return CallToolResult.builder().isError(false).addTextContent(pending.toString())
          .structuredContent(JSON.convertValue(pending, MAP)).build();
    }
    ObjectNode error = ErrorObjects.error(o.errorCode(), o.errorMessage());
    error.put("request_id", o.requestId()).put("state", o.state().wireName());
    return error(error);
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? JSON.nullNode() : JSON.readTree(json);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(json);
    }
  }

  private static CallToolResult error(ObjectNode error) {
    return CallToolResult.builder().isError(true).addTextContent(error.toString()).build();
  }
}
