package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.Exchange;
import dev.atomemo4j.core.pipeline.RequestPipeline;
import dev.atomemo4j.core.pipeline.ResultEncoder;
import dev.atomemo4j.core.logging.WarningLimiter;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.internal.phoenix.Frame;
import dev.atomemo4j.runtime.internal.phoenix.LogText;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the Hub's requests off the socket loop and answers each exactly once (hub-protocol §8).
 *
 * <p>On the loop, {@link #onRequest} does only what cannot wait: it reads {@code request_id}, refuses the request
 * at once when the plugin is shutting down ({@code sdk:shutting_down}) or already serves the maximum number of
 * requests ({@code sdk:overloaded}: excess is answered, never queued), arms the request's time limit, and hands
 * the request to a worker. The worker reads the payload into the core's neutral request ({@link HubRequests}: a
 * malformed one is answered {@code sdk:invalid_request}), runs the core's {@link RequestPipeline} and pushes the
 * answer; pushes are queued onto the loop by the channel, so the loop never waits for a worker.
 *
 * <p>Exactly-once: whichever of the worker, the time limit or the shutdown answers first wins; the others find the
 * request answered. A request keeps its in-flight slot until its work has really ended (a timed-out tool is
 * interrupted; its slot is freed when it returns).
 */
final class Dispatcher {

  /** Pushes an answer on the channel. */
  interface Responder {
    /** @throws IllegalArgumentException if the payload is too large for a frame */
    void send(String event, ObjectNode payload);
  }

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  /** Warnings the Hub can cause at will, rate-limited per kind. */
  private final WarningLimiter warnings = new WarningLimiter(log);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Events that have handlers of their own and are never "unsupported". */
  private static final Set<String> HANDLED = Set.of("hub_call_response", "hub_call_error");

  /** One accepted request. */
  private static final class InFlight {
    final RequestKind kind;
    final String requestId;
    final ObjectNode payload;
    final Secrets secrets;
    final long acceptedNanos;
    final AtomicBoolean answered = new AtomicBoolean();
    final AtomicBoolean finished = new AtomicBoolean();
    final AtomicBoolean slotReleased = new AtomicBoolean();
    /** The answer has been handed to the channel: shutdown may leave only after every answer has. */
    volatile boolean handedOff;
    volatile boolean started;
    volatile Future<?> worker;
    volatile CompletableFuture<Void> run;
    volatile ScheduledFuture<?> limit;
    /** Set by the worker once the payload has been read; null before, and for a malformed request. */
    volatile Exchange exchange;

    InFlight(RequestKind kind, String requestId, ObjectNode payload, Secrets secrets, long acceptedNanos) {
      this.kind = kind;
      this.requestId = requestId;
      this.payload = payload;
      this.secrets = secrets;
      this.acceptedNanos = acceptedNanos;
    }
  }

  private final PluginDescriptor descriptor;
  private final Map<String, ToolBinding> tools = new HashMap<>();
  private final RequestPipeline pipeline;
  private final ExecutorService workers;
  private final ScheduledExecutorService timers;
  private final Responder responder;
  private final FrameLog frames;
  private final String apiKey;
  private final boolean withStack;
  private final int maxInFlight;
  private final Semaphore slots;

  private final Object lock = new Object();
  /** Guarded by {@link #lock}. */
  private boolean accepting = true;
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
  /** Threads in {@link #awaitAnswered}: {@link #signal()} takes the lock only when there is one. */
  private final AtomicInteger waiters = new AtomicInteger();
  /** The input shapes of the tools that take a Secret somewhere: its values are secrets of the request. */
  private final Map<String, dev.atomemo4j.runtime.spi.Shape.Obj> secretInputs = new java.util.HashMap<>();

  Dispatcher(PluginDescriptor descriptor, RequestPipeline pipeline, ExecutorService workers,
      ScheduledExecutorService timers, Responder responder, FrameLog frames, String apiKey, boolean withStack,
      int maxInFlight) {
    this.descriptor = descriptor;
    for (ToolBinding t : descriptor.tools()) {
      tools.put(t.name(), t);
      if (SecretValues.mayHoldSecrets(t.input())) {
        secretInputs.put(t.name(), t.input());
      }
    }
    this.pipeline = pipeline;
    this.workers = workers;
    this.timers = timers;
    this.responder = responder;
    this.frames = frames;
    this.apiKey = apiKey;
    this.withStack = withStack;
    this.maxInFlight = maxInFlight;
    this.slots = new Semaphore(maxInFlight);
  }

  // --- intake (socket loop) -----------------------------------------------------------------------------------------

  /** A request event arrived. Runs on the socket loop: never blocks. */
  void onRequest(RequestKind kind, Frame frame) {
    ObjectNode payload = frame.payload();
    JsonNode idNode = payload.get("request_id");
    if (idNode == null || !idNode.isTextual() || idNode.textValue().isEmpty()) {
      warnings.warn("request without request_id", "{} without a usable request_id (it is {}); answering {}",
          kind.event(),
          idNode == null ? "missing" : idNode.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          ErrorCodes.INVALID_REQUEST);
      ObjectNode answer = NODES.objectNode();
      // Echo a scalar id (a number sent by mistake still correlates); never echo a container, which may be huge.
      answer.set("request_id", idNode == null || idNode.isContainerNode() ? NullNode.getInstance() : idNode);
      answer.set("error", ErrorPayloads.error(ErrorCodes.INVALID_REQUEST,
          "`" + kind.event() + "` needs `request_id` as a non-empty string"));
      send(kind.errorEvent(), answer, Secrets.NONE);
      return;
    }
    String id = idNode.textValue();
    JsonNode toolName = payload.get("tool_name");
    dev.atomemo4j.runtime.spi.Shape.Obj secretInput = toolName == null ? null : secretInputs.get(toolName.asText());
    Secrets secrets = HubRequests.secretsOf(payload, apiKey, secretInput == null ? List.of()
        : SecretValues.in(secretInput, payload.get("parameters")));
    frames.received(kind.event(), payload, secrets);

    String refusal = null;
    String refusalCode = null;
    InFlight f = null;
    synchronized (lock) {
      if (!accepting) {
        refusalCode = ErrorCodes.SHUTTING_DOWN;
        refusal = "the plugin is shutting down and takes no new requests; retry once it is back";
      } else if (inFlight.containsKey(id)) {
        warnings.warn("duplicate request", "{} {} is already in flight; ignoring the duplicate", kind.event(),
            LogText.safe(id));
        return;
      } else if (!slots.tryAcquire()) {
        refusalCode = ErrorCodes.OVERLOADED;
        refusal = "the plugin is already serving " + maxInFlight + " requests, its limit; retry later";
      } else {
        f = new InFlight(kind, id, payload, secrets, System.nanoTime());
        inFlight.put(id, f);
      }
    }
    if (f == null) {
      warnings.warn("refused " + refusalCode, "refusing {} {}: {}", kind.event(), LogText.safe(id), refusalCode);
      sendError(kind, id, ErrorPayloads.error(refusalCode, refusal), secrets);
      return;
    }
    InFlight accepted = f;
    Duration limit = limitFor(kind, payload);
    try {
      f.limit = timers.schedule(() -> onLimit(accepted, limit), limit.toMillis(), TimeUnit.MILLISECONDS);
      f.worker = workers.submit(() -> execute(accepted));
    } catch (RejectedExecutionException e) {
      if (f.answered.compareAndSet(false, true)) {
        sendError(kind, id, ErrorPayloads.error(ErrorCodes.SHUTTING_DOWN, "the plugin is shutting down"), secrets);
      }
      finish(f);
    }
  }

  /**
   * A request too deeply nested to parse (the socket could read only its top levels): answered
   * {@code sdk:invalid_request} with its {@code request_id}, so the Hub does not wait for it in vain. Socket loop.
   */
  void onUnparsable(String event, String requestId) {
    RequestKind kind = RequestKind.byEvent(event);
    String errorEvent = kind != null ? kind.errorEvent() : requestId != null && !requestId.isEmpty()
        && !HANDLED.contains(event) && !event.startsWith("phx_") ? "unsupported_event" : null;
    if (errorEvent == null) {
      return;
    }
    ObjectNode answer = NODES.objectNode();
    if (requestId == null || requestId.isEmpty()) {
      answer.set("request_id", NullNode.getInstance());
    } else {
      answer.put("request_id", requestId);
    }
    answer.set("error", ErrorPayloads.error(ErrorCodes.INVALID_REQUEST, "`" + LogText.safe(event) + "` could not "
        + "be read: it is nested deeper than the JSON parser allows (1000 levels); send a flatter payload"));
    if (kind == null) {
      answer.put("event", event);
    }
    send(errorEvent, answer, Secrets.NONE);
  }

  /**
   * An event without a handler (§8.9): answered {@code unsupported_event} when it carries a request id, logged
   * otherwise. Runs on the socket loop.
   */
  void onOtherEvent(Frame frame) {
    String event = frame.event();
    if (RequestKind.byEvent(event) != null || HANDLED.contains(event) || event.startsWith("phx_")) {
      return;
    }
    JsonNode id = frame.payload().get("request_id");
    if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
      log.info("ignoring unsupported event `{}` without a request_id", LogText.safe(event));
      return;
    }
    warnings.warn("unsupported event", "answering unsupported event `{}` ({})", LogText.safe(event),
        LogText.safe(id.textValue()));
    ObjectNode answer = NODES.objectNode();
    answer.put("request_id", id.textValue());
    answer.set("error", ErrorPayloads.error(HubErrorCodes.UNSUPPORTED_EVENT, "Event not supported: "
        + LogText.safe(event)));
    answer.put("event", event);
    send("unsupported_event", answer, Secrets.NONE);
  }

  /** §8.10: the tool's own timeout capped at 30 min, else the request kind's limit. */
  private Duration limitFor(RequestKind kind, ObjectNode payload) {
    if (kind == RequestKind.INVOKE_TOOL) {
      JsonNode name = payload.get("tool_name");
      ToolBinding tool = name != null && name.isTextual() ? tools.get(name.textValue()) : null;
      if (tool != null && tool.timeout() != null && !tool.timeout().isNegative() && !tool.timeout().isZero()
          && tool.timeout().compareTo(kind.limit()) < 0) {
        return tool.timeout();
      }
    }
    return kind.limit();
  }

  // --- work (worker threads) ------------------------------------------------------------------------------------

  private void execute(InFlight f) {
    f.started = true;
    if (f.answered.get()) { // timed out or abandoned before it could start
      finish(f);
      return;
    }
    CompletableFuture<Void> run;
    try {
      Exchange exchange = new Exchange(AutoActions.route(HubRequests.read(f.kind, f.requestId, f.payload),
          descriptor), descriptor, f.secrets);
      f.exchange = exchange;
      run = pipeline.run(exchange);
    } catch (Throwable t) {
      run = CompletableFuture.failedFuture(t);
    }
    f.run = run;
    run.whenComplete((ignored, failure) -> complete(f, failure));
  }

  private void complete(InFlight f, Throwable failure) {
    // The work has ended: free its slot before answering, so a Hub that sends the next request as soon as it sees
    // the answer never finds the plugin still "full". The entry stays until the answer is out (shutdown waits on it).
    releaseSlot(f);
    try {
      if (failure == null) {
        respond(f, ResultEncoder.encode(f.exchange));
      } else if (!(f.answered.get() && ErrorPayloads.isCancellation(failure))) {
        fail(f, failure);
      }
    } catch (Throwable t) {
      fail(f, t);
    } finally {
      finish(f);
    }
  }

  private void respond(InFlight f, JsonNode data) {
    if (!f.answered.compareAndSet(false, true)) {
      return;
    }
    ObjectNode answer = NODES.objectNode();
    answer.put("request_id", f.requestId);
    answer.set("data", data);
    try {
      send(f.kind.responseEvent(), answer, f.secrets);
      handedOff(f);
      if (log.isDebugEnabled()) {
        log.debug("{} {} answered in {} ms", f.kind.event(), f.requestId, elapsedMillis(f));
      }
    } catch (IllegalArgumentException tooLarge) {
      log.warn("{} {}: the result is too large to send; answering {}", f.kind.event(), f.requestId,
          ErrorCodes.INVALID_RETURN);
      sendError(f.kind, f.requestId, ErrorPayloads.error(ErrorCodes.INVALID_RETURN,
          "the result is too large to send in one frame: " + tooLarge.getMessage()), f.secrets);
      handedOff(f);
    }
  }

  private void fail(InFlight f, Throwable failure) {
    if (!f.answered.compareAndSet(false, true)) {
      return;
    }
    ObjectNode error = ErrorPayloads.of(failure, f.secrets, withStack);
    String code = error.path("code").asText();
    if (ErrorCodes.EXCEPTION.equals(code)) {
      Throwable t = ErrorPayloads.unwrap(failure);
      log.warn("{} {} failed: the plugin threw {}", f.kind.event(), LogText.safe(f.requestId),
          t.getClass().getName(),
          scrubbedCopy(t, f.secrets));
    } else {
      log.info("{} {} answered {}: {}", f.kind.event(), LogText.safe(f.requestId), code,
          LogText.safe(error.path("message").asText(), 2000));
    }
    sendError(f.kind, f.requestId, error, f.secrets);
    handedOff(f);
  }

  private void onLimit(InFlight f, Duration limit) {
    if (f.answered.compareAndSet(false, true)) {
      Exchange ex = f.exchange;
      String what = f.kind == RequestKind.INVOKE_TOOL && ex != null && ex.tool() != null
          ? "tool `" + ex.tool().name() + "`" : f.kind.event();
      log.warn("{} {} timed out after {}", f.kind.event(), LogText.safe(f.requestId), Durations.describe(limit));
      sendError(f.kind, f.requestId, ErrorPayloads.error(ErrorCodes.TIMEOUT,
          what + " timed out after " + Durations.describe(limit)), f.secrets);
      handedOff(f);
    }
    cancel(f);
  }

  /** Stops the work of a request that has been answered: interrupts its thread, cancels its future. */
  private void cancel(InFlight f) {
    Future<?> w = f.worker;
    if (w != null && w.cancel(true) && !f.started) {
      finish(f); // it will never run
    }
    Exchange ex = f.exchange;
    CompletionStage<?> pending = ex == null ? null : ex.pendingResult();
    if (pending != null) {
      try {
        pending.toCompletableFuture().cancel(true);
      } catch (UnsupportedOperationException e) {
        // a CompletionStage that cannot be cancelled from outside: the pipeline run below still ends
      }
    }
    CompletableFuture<Void> run = f.run;
    if (run != null) {
      run.cancel(true);
    }
  }

  private void finish(InFlight f) {
    if (f.finished.compareAndSet(false, true)) {
      ScheduledFuture<?> limit = f.limit;
      if (limit != null) {
        limit.cancel(false);
      }
      inFlight.remove(f.requestId, f);
      releaseSlot(f);
      signal();
    }
  }

  private void releaseSlot(InFlight f) {
    if (f.slotReleased.compareAndSet(false, true)) {
      slots.release();
    }
  }

  // --- shutdown ---------------------------------------------------------------------------------------------------

  /** From now on every new request is answered {@code sdk:shutting_down}. */
  void stopAccepting() {
    synchronized (lock) {
      accepting = false;
    }
  }

  /** Waits until every accepted request has been answered, at most {@code grace}; true if they all were. */
  boolean awaitAnswered(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    waiters.incrementAndGet();
    try {
      synchronized (lock) {
        while (!allAnswered()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
        return true;
      }
    } finally {
      waiters.decrementAndGet();
    }
  }

  /** Answers every request still unanswered with {@code code}; their work goes on until {@link #cancelAll()}. */
  int abandonAll(String code, String message) {
    int n = 0;
    for (InFlight f : new ArrayList<>(inFlight.values())) {
      if (f.answered.compareAndSet(false, true)) {
        n++;
        log.warn("{} {} abandoned: {}", f.kind.event(), LogText.safe(f.requestId), code);
        sendError(f.kind, f.requestId, ErrorPayloads.error(code, message), f.secrets);
        handedOff(f);
      }
    }
    return n;
  }

  /** Stops the work of every request still running (interrupts threads, cancels futures). */
  void cancelAll() {
    for (InFlight f : new ArrayList<>(inFlight.values())) {
      cancel(f);
    }
  }

  int inFlightCount() {
    return inFlight.size();
  }

  private boolean allAnswered() {
    for (InFlight f : inFlight.values()) {
      // Answered is not enough: between the flag and the hand-off the answer is not in the channel yet, and a leave
      // pushed before it would strand it in the channel's buffer.
      if (!f.answered.get() || !f.handedOff) {
        return false;
      }
    }
    return true;
  }

  private void handedOff(InFlight f) {
    f.handedOff = true;
    signal();
  }

  /**
   * Wakes {@link #awaitAnswered} after an answer or a finish. Only shutdown waits, so the lock is taken only while a
   * waiter is there: every answer taking one shared monitor made the answering threads queue on it (issue 18). The
   * waiter counts itself before it checks, and callers change state before they look, so one of the two sees the
   * other.
   */
  private void signal() {
    if (waiters.get() == 0) {
      return;
    }
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  // --- sending ----------------------------------------------------------------------------------------------------

  private void sendError(RequestKind kind, String id, ObjectNode error, Secrets secrets) {
    ObjectNode answer = NODES.objectNode();
    answer.put("request_id", id);
    answer.set("error", error);
    try {
      send(kind.errorEvent(), answer, secrets);
    } catch (IllegalArgumentException tooLarge) {
      // An error object over the frame limit (a huge details map): send the code and message only.
      ObjectNode small = NODES.objectNode();
      small.put("request_id", id);
      small.set("error", ErrorPayloads.error(error.path("code").asText(ErrorCodes.EXCEPTION),
          truncate(error.path("message").asText(""), 2000)));
      send(kind.errorEvent(), small, secrets);
    }
    signal();
  }

  private void send(String event, ObjectNode payload, Secrets secrets) {
    frames.sent(event, payload, secrets);
    responder.send(event, payload);
  }

  private long elapsedMillis(InFlight f) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - f.acceptedNanos);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /** The plugin's exception for the log: message scrubbed, stack kept, causes flattened into the message. */
  private static Throwable scrubbedCopy(Throwable t, Secrets secrets) {
    StringBuilder text = new StringBuilder();
    List<Throwable> seen = new ArrayList<>();
    for (Throwable cur = t; cur != null && seen.size() < 5 && !seen.contains(cur); cur = cur.getCause()) {
      seen.add(cur);
      text.append(seen.size() == 1 ? "" : " caused by ").append(cur.getClass().getName());
      if (cur.getMessage() != null) {
        text.append(": ").append(cur.getMessage());
      }
    }
    RuntimeException copy = new RuntimeException(secrets.scrub(text.toString()));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }
}
