package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.runtime.internal.phoenix.Frame;
import dev.atomemo4j.runtime.internal.phoenix.PhoenixChannel;
import dev.atomemo4j.runtime.internal.phoenix.Push;
import dev.atomemo4j.runtime.internal.phoenix.ReplyStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin-to-Hub calls (hub-protocol §9): {@code hub_call:<name>} pushes correlated by a random UUID
 * {@code request_id}, answered by {@code hub_call_response}/{@code hub_call_error} pushes from the Hub.
 *
 * <p>Every call has its own timeout, independent of the Phoenix push timeout (§9.2); a {@code phx_reply} error to
 * the push fails the call at once, a {@code phx_reply} ok or no reply changes nothing. Answers for unknown ids
 * (late, or timed out) are logged and ignored. {@link #failAll} fails everything pending, at shutdown.
 */
final class HubCalls {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration LLM_TIMEOUT = Duration.ofMinutes(15);

  private static final Logger log = LoggerFactory.getLogger(HubCalls.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private record Pending(String name, CompletableFuture<JsonNode> future, ScheduledFuture<?> timer) {}

  private final PhoenixChannel channel;
  private final ScheduledExecutorService timers;
  private final Duration pushTimeout;
  private final Duration defaultTimeout;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private volatile boolean joined;
  private volatile String closedReason;

  HubCalls(PhoenixChannel channel, ScheduledExecutorService timers, Duration pushTimeout, Duration defaultTimeout) {
    this.channel = channel;
    this.timers = timers;
    this.pushTimeout = pushTimeout;
    this.defaultTimeout = defaultTimeout;
  }

  /** The timeout of every call but {@code invoke_llm}: 10 s unless configured. */
  Duration defaultTimeout() {
    return defaultTimeout;
  }

  /** The channel has been joined once: calls may go out from now on (§9.1). */
  void markJoined() {
    joined = true;
  }

  /**
   * Calls {@code hub_call:<name>} with {@code data}; the future completes with the {@code data} of the Hub's
   * answer, or fails with a {@link HubCallException}.
   */
  CompletableFuture<JsonNode> call(String name, ObjectNode data, Duration timeout) {
    CompletableFuture<JsonNode> future = new CompletableFuture<>();
    String reason = closedReason;
    if (reason != null) {
      future.completeExceptionally(new HubCallException(ErrorCodes.SHUTTING_DOWN, reason));
      return future;
    }
    if (!joined) {
      future.completeExceptionally(new HubCallException(HubErrorCodes.UNKNOWN,
          "hub call " + name + " cannot be made before the plugin has joined the Hub"));
      return future;
    }
    String id = UUID.randomUUID().toString();
    ScheduledFuture<?> timer;
    try {
      timer = timers.schedule(() -> expire(id, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new HubCallException(ErrorCodes.SHUTTING_DOWN, "the plugin is shutting down"));
      return future;
    }
    pending.put(id, new Pending(name, future, timer));
    ObjectNode payload = NODES.objectNode();
    payload.put("request_id", id);
    payload.set("data", data);
    try {
      Push push = channel.push("hub_call:" + name, payload, pushTimeout);
      push.receive(ReplyStatus.ERROR, response -> fail(id, new HubCallException(
          code(response, HubErrorCodes.HUB_CALL_FAILED), "the Hub refused hub call " + name + ": "
          + message(response))));
    } catch (RuntimeException e) {
      fail(id, new HubCallException(HubErrorCodes.UNKNOWN,
          "hub call " + name + " cannot be sent: " + e.getMessage()));
    }
    if (closedReason != null) { // shutdown raced with this call: do not leave it behind
      fail(id, new HubCallException(ErrorCodes.SHUTTING_DOWN, closedReason));
    }
    return future;
  }

  /** {@code hub_call_response}; runs on the socket loop. */
  void onResponse(Frame frame) {
    String id = requestId(frame);
    Pending p = id == null ? null : pending.remove(id);
    if (p == null) {
      log.warn("ignoring hub_call_response for unknown request {} (late, or timed out)", id);
      return;
    }
    p.timer().cancel(false);
    JsonNode data = frame.payload().get("data");
    p.future().complete(data == null ? NullNode.getInstance() : data);
  }

  /** {@code hub_call_error}; runs on the socket loop. */
  void onError(Frame frame) {
    String id = requestId(frame);
    JsonNode error = frame.payload().get("error");
    Pending p = id == null ? null : pending.get(id);
    if (p == null) {
      log.warn("ignoring hub_call_error for unknown request {} (late, or timed out)", id);
      return;
    }
    // [EX]: an error without both code and message becomes code "unknown".
    boolean wellFormed = error != null && error.path("code").isTextual() && error.path("message").isTextual();
    fail(id, new HubCallException(wellFormed ? error.get("code").textValue() : HubErrorCodes.UNKNOWN,
        wellFormed ? error.get("message").textValue() : "hub call " + p.name() + " failed without an error message"));
  }

  /** Fails every pending call and refuses new ones; idempotent. */
  void failAll(String reason) {
    closedReason = reason;
    for (String id : List.copyOf(pending.keySet())) {
      fail(id, new HubCallException(ErrorCodes.SHUTTING_DOWN, reason));
    }
  }

  int pendingCount() {
    return pending.size();
  }

  private void expire(String id, Duration timeout) {
    Pending p = pending.get(id);
    if (p != null) {
      fail(id, new HubCallException(ErrorCodes.TIMEOUT, "hub call " + p.name() + " got no answer within "
          + Durations.describe(timeout)));
    }
  }

  private void fail(String id, HubCallException e) {
    Pending p = pending.remove(id);
    if (p != null) {
      p.timer().cancel(false);
      p.future().completeExceptionally(e);
    }
  }

  private static String requestId(Frame frame) {
    JsonNode id = frame.payload().get("request_id");
    return id != null && id.isTextual() ? id.textValue() : null;
  }

  private static String code(JsonNode response, String fallback) {
    JsonNode c = response == null ? null : response.get("code");
    return c != null && c.isTextual() ? c.textValue() : fallback;
  }

  private static String message(JsonNode response) {
    for (String key : new String[] {"message", "reason"}) {
      JsonNode m = response == null ? null : response.get(key);
      if (m != null && m.isTextual()) {
        return m.textValue();
      }
    }
    return "no reason given";
  }
}
