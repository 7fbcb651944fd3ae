package dev.atomemo4j.runtime.internal.phoenix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One topic on a {@link PhoenixSocket} (phoenix.js {@code Channel}): join, leave, push, and event handlers.
 *
 * <p>Lifecycle events are delivered as events too: {@code phx_error} (server crash, transport loss, unmatched
 * topic) and {@code phx_close} (server close, or the end of {@link #leave()}). Register handlers before {@link
 * #join()} so that none of the first events is missed.
 */
public final class PhoenixChannel {

  /** Binding to this event receives every event, after the specific bindings: how unknown events are answered. */
  public static final String ANY = "*";

  static final String JOIN = "phx_join";
  static final String LEAVE = "phx_leave";
  static final String REPLY = "phx_reply";
  static final String CLOSE = "phx_close";
  static final String ERROR = "phx_error";

  private static final Logger log = LoggerFactory.getLogger(PhoenixChannel.class);

  private record Binding(String event, int ref, EventHandler handler) {}

  private final PhoenixSocket socket;
  private final String topic;
  private final AtomicBoolean joinedOnce = new AtomicBoolean();
  private final AtomicInteger bindingRefs = new AtomicInteger();
  private final Push joinPush;
  private volatile ChannelState publishedState = ChannelState.CLOSED;

  // Loop-confined from here on.
  private ChannelState state = ChannelState.CLOSED;
  private Duration timeout;
  private final List<Binding> bindings = new ArrayList<>();
  private final Map<String, Push> awaitingReply = new HashMap<>();
  private final List<Push> pushBuffer = new ArrayList<>();
  /** Answers waiting for the channel to be joined (again), oldest first. */
  private final java.util.ArrayDeque<Answer> answerBuffer = new java.util.ArrayDeque<>();
  private final RetryTimer rejoinTimer;
  private boolean closedForGood;

  PhoenixChannel(PhoenixSocket socket, String topic) {
    this.socket = socket;
    this.topic = topic;
    this.timeout = socket.pushTimeout();
    this.joinPush = new Push(this, JOIN, "{}", timeout);
    this.rejoinTimer =
        new RetryTimer(
            socket,
            "rejoin",
            socket.rejoinBackoff(),
            () -> {
              if (socket.isConnectedOnLoop()) {
                rejoin();
              }
            });
    // Internal hooks go first, so a caller's hook on the join push already sees the channel joined and its buffer
    // flushed. The object is published to the loop through the executor's queue, so adding them here is safe.
    joinPush.addHook(ReplyStatus.OK, response -> onJoinOk());
    joinPush.addHook(ReplyStatus.ERROR, response -> onJoinError());
    joinPush.addHook(ReplyStatus.TIMEOUT, response -> onJoinTimeout());
  }

  public String topic() {
    return topic;
  }

  /** A snapshot; the authoritative state lives on the loop. */
  public ChannelState state() {
    return publishedState;
  }

  /** Joins with the socket's default push timeout. */
  public Push join() {
    return join(socket.pushTimeout());
  }

  /**
   * Joins with payload {@code {}} (hub-protocol.md §3.2). Returns the join push, whose hooks fire for every join
   * attempt: rejoins after errors and reconnects reuse it. A channel can be joined once.
   *
   * @throws IllegalStateException if join was already called
   */
  public Push join(Duration joinTimeout) {
    requirePositive(joinTimeout);
    if (joinedOnce.getAndSet(true)) {
      throw new IllegalStateException(
          "tried to join multiple times; join can only be called once per channel: " + topic);
    }
    socket.runOnLoop(
        () -> {
          this.timeout = joinTimeout;
          rejoin();
        });
    return joinPush;
  }

  /** Pushes with the socket's default push timeout. */
  public Push push(String event, ObjectNode payload) {
    return push(event, payload, socket.pushTimeout());
  }

  /**
   * Pushes {@code event}. While the channel is not joined, or the socket not connected, the push waits in the
   * channel's buffer with its timeout already running (hub-protocol.md §5).
   *
   * <p>The payload is serialized before this method returns, so the caller may reuse the node afterwards.
   *
   * @throws IllegalStateException if the channel was never joined
   * @throws IllegalArgumentException if the encoded payload exceeds the socket's frame limit
   */
  public Push push(String event, ObjectNode payload, Duration pushTimeout) {
    Objects.requireNonNull(event, "event");
    requirePositive(pushTimeout);
    if (!joinedOnce.get()) {
      throw new IllegalStateException(
          "tried to push '" + event + "' to '" + topic + "' before joining; call join() first");
    }
    return pushEncoded(event, socket.encodePayload(topic, event, payload == null ? socket.emptyObject() : payload),
        pushTimeout);
  }

  /**
   * As {@link #push(String, ObjectNode, Duration)}, with a payload already serialized: {@code payloadJson} must be
   * one JSON object, and is sent as it is. For a large payload built once (the {@code register_plugin} definition),
   * so that it is never turned into a tree only to be written back.
   */
  public Push pushJson(String event, String payloadJson, Duration pushTimeout) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(payloadJson, "payloadJson");
    requirePositive(pushTimeout);
    if (!joinedOnce.get()) {
      throw new IllegalStateException(
          "tried to push '" + event + "' to '" + topic + "' before joining; call join() first");
    }
    return pushEncoded(event, socket.checkPayload(topic, event, payloadJson), pushTimeout);
  }

  private Push pushEncoded(String event, String payloadJson, Duration pushTimeout) {
    Push push = new Push(this, event, payloadJson, pushTimeout);
    socket.runOnLoop(
        () -> {
          if (canPush()) {
            push.send();
          } else {
            push.startTimeout();
            pushBuffer.add(push);
          }
        });
    return push;
  }

  /**
   * Sends {@code event} as an answer, which the server does not reply to (hub-protocol.md §5: {@code *_response},
   * {@code *_error}, {@code unsupported_event}): nothing waits for a reply, and nothing holds the payload once it is
   * written to the network. While the channel is not joined the answer waits, for at most {@code bufferTimeout};
   * one caught by a dropped connection before it was written is sent again after the rejoin.
   *
   * <p>Back-pressure: when the answers not yet written already take the socket's outgoing budget, this waits until
   * enough of them are written (never on the socket loop).
   *
   * @throws IllegalStateException if the channel was never joined
   * @throws IllegalArgumentException if the encoded payload exceeds the socket's frame limit
   */
  public void cast(String event, ObjectNode payload, Duration bufferTimeout) {
    Objects.requireNonNull(event, "event");
    requirePositive(bufferTimeout);
    if (!joinedOnce.get()) {
      throw new IllegalStateException(
          "tried to send '" + event + "' to '" + topic + "' before joining; call join() first");
    }
    boolean mayWait = !socket.onLoop();
    // Serializing a large answer takes a few times its size for a moment, and a serialized answer waiting for the
    // budget holds its text beside its tree: a burst of them serialized all at once would need the very heap the
    // budget is there to save. So a few answers at a time are serialized and wait for the budget; the others wait
    // before serializing.
    String payloadJson;
    long bytes;
    socket.outgoingBudget().enterSerialization(mayWait);
    try {
      payloadJson = socket.serializePayload(payload == null ? socket.emptyObject() : payload);
      bytes = FrameCodec.utf8Length(payloadJson); // counted once: the size check and the budget share it
      socket.checkFrameSize(topic, event, bytes);
      socket.outgoingBudget().acquire(bytes, mayWait);
    } finally {
      socket.outgoingBudget().leaveSerialization(mayWait);
    }
    Answer answer = new Answer(this, event, payloadJson, bytes, bufferTimeout);
    socket.runOnLoop(
        () -> {
          if (canPush()) {
            answer.send();
          } else {
            bufferAnswer(answer);
          }
        });
  }

  /** Leaves with the socket's default push timeout. */
  public Push leave() {
    return leave(socket.pushTimeout());
  }

  /**
   * Leaves the channel: pushes {@code phx_leave} and closes the channel when it is answered {@code ok} or times
   * out (hub-protocol.md §3.3). If the channel cannot push right now (socket not connected, or channel not
   * joined) the leave completes immediately with {@code ok}. Returns the leave push; {@code phx_close} handlers run
   * when the channel closes.
   */
  public Push leave(Duration leaveTimeout) {
    requirePositive(leaveTimeout);
    Push leavePush = new Push(this, LEAVE, "{}", leaveTimeout);
    socket.runOnLoop(() -> doLeave(leavePush));
    return leavePush;
  }

  /**
   * Calls {@code handler} for every frame of {@code event} on this channel, after the channel's own handling.
   * Returns a ref for {@link #off(String, int)}. The handler runs on the socket loop and must not block.
   */
  public int on(String event, EventHandler handler) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(handler, "handler");
    int ref = bindingRefs.getAndIncrement();
    socket.runOnLoop(() -> bindings.add(new Binding(event, ref, handler)));
    return ref;
  }

  /** Removes the handler registered under {@code ref} for {@code event}. */
  public void off(String event, int ref) {
    socket.runOnLoop(() -> bindings.removeIf(b -> b.event().equals(event) && b.ref() == ref));
  }

  @Override
  public String toString() {
    return "PhoenixChannel[" + topic + ", " + publishedState + "]";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Loop-confined internals.

  PhoenixSocket socket() {
    return socket;
  }

  String joinRef() {
    return joinPush.ref();
  }

  ChannelState stateOnLoop() {
    return state;
  }

  private void setState(ChannelState next) {
    state = next;
    publishedState = next;
  }

  private boolean canPush() {
    return socket.isConnectedOnLoop() && state == ChannelState.JOINED;
  }

  void awaitReply(String ref, Push push) {
    awaitingReply.put(ref, push);
  }

  void stopAwaitingReply(String ref, Push push) {
    awaitingReply.remove(ref, push);
  }

  /** Whether a buffered frame of {@code push} should still go out: a leave always, anything else unless leaving. */
  boolean stillWants(Push push) {
    return LEAVE.equals(push.event())
        || (state != ChannelState.LEAVING && state != ChannelState.CLOSED);
  }

  /** An answer the socket could not write before its connection ended: it waits for the rejoin. */
  void rebuffer(Answer answer) {
    if (canPush()) {
      answer.send();
    } else {
      bufferAnswer(answer);
    }
  }

  private void bufferAnswer(Answer answer) {
    if (closedForGood) {
      log.warn("{} on {} is lost: the channel is closed", answer.event(), topic);
      answer.settle();
      return;
    }
    answerBuffer.add(answer);
    answer.armDeadline(() -> {
      if (answerBuffer.remove(answer)) {
        log.warn("{} on {} is lost: the channel was not joined again within {} ms", answer.event(), topic,
            answer.bufferTimeout().toMillis());
      }
    });
  }

  /** Answers waiting for a join. Tests only. */
  int bufferedAnswers() {
    return answerBuffer.size();
  }

  /** Pushes whose reply is still awaited. Tests only. */
  int awaitingReplies() {
    return awaitingReply.size();
  }

  void onPushTimeout(Push push) {
    // Not in phoenix.js, same outcome: the push would be skipped at flush anyway; dropping it now keeps a channel
    // that never rejoins from accumulating dead pushes.
    pushBuffer.remove(push);
  }

  private void rejoin() {
    if (state == ChannelState.LEAVING || closedForGood) {
      return;
    }
    socket.leaveOpenTopic(this);
    setState(ChannelState.JOINING);
    joinPush.resend(timeout);
  }

  private void onJoinOk() {
    setState(ChannelState.JOINED);
    rejoinTimer.reset();
    List<Push> buffered = List.copyOf(pushBuffer);
    pushBuffer.clear();
    for (Push push : buffered) {
      push.send(); // skips pushes that already timed out
    }
    while (!answerBuffer.isEmpty() && canPush()) {
      answerBuffer.poll().send();
    }
  }

  private void onJoinError() {
    log.warn("join of {} refused; rejoining with backoff", topic);
    setState(ChannelState.ERRORED);
    if (socket.isConnectedOnLoop()) {
      rejoinTimer.scheduleTimeout();
    }
  }

  private void onJoinTimeout() {
    log.warn("join of {} timed out after {} ms; rejoining with backoff", topic, timeout.toMillis());
    // Clean up a join the server may still complete late (phoenix.js does the same).
    new Push(this, LEAVE, "{}", timeout).send();
    setState(ChannelState.ERRORED);
    joinPush.reset();
    if (socket.isConnectedOnLoop()) {
      rejoinTimer.scheduleTimeout();
    }
  }

  private void doLeave(Push leavePush) {
    if (closedForGood) {
      leavePush.complete(ReplyStatus.OK, socket.emptyObject()); // already gone: nothing to send, nothing to close
      return;
    }
    // Decided before the state changes: phoenix.js checks after setting "leaving", which makes every leave complete
    // at once; hub-protocol.md §3.3 wants the reply (or timeout) awaited when the leave can actually be pushed.
    boolean couldPush = canPush();
    rejoinTimer.reset();
    joinPush.cancelTimeout();
    joinPush.cancelRefEvent(); // a late join reply must not turn a leaving channel back into a joined one
    setState(ChannelState.LEAVING);
    leavePush.addHook(ReplyStatus.OK, response -> closeAfterLeave());
    leavePush.addHook(ReplyStatus.TIMEOUT, response -> closeAfterLeave());
    if (socket.isConnectedOnLoop()) {
      // Also while still joining: the server may hold a half-finished join. Not buffered when disconnected (unlike
      // phoenix.js), since a leave flushed on some later connection would refer to a channel long gone.
      leavePush.send();
    }
    if (!couldPush) {
      leavePush.complete(ReplyStatus.OK, socket.emptyObject());
    }
  }

  private void closeAfterLeave() {
    if (state == ChannelState.CLOSED) {
      return;
    }
    ObjectNode payload = socket.emptyObject();
    payload.put("reason", "leave");
    trigger(new Frame(joinRef(), null, topic, CLOSE, payload));
  }

  /** phoenix.js {@code isMember}: same topic, and a join_ref that is null or the current one. */
  boolean isMember(Frame frame) {
    if (!topic.equals(frame.topic())) {
      return false;
    }
    if (frame.joinRef() != null && !frame.joinRef().equals(joinRef())) {
      log.debug(
          "dropping outdated message {} {} (join_ref {}, current {})",
          topic,
          frame.event(),
          frame.joinRef(),
          joinRef());
      return false;
    }
    return true;
  }

  /** Delivers a frame for this channel: the channel's own handling first, then the bound handlers. */
  void trigger(Frame frame) {
    switch (frame.event()) {
      case REPLY -> onReply(frame);
      case CLOSE -> onClose();
      case ERROR -> onError(frame.payload());
      default -> {}
    }
    for (Binding binding : List.copyOf(bindings)) {
      if (binding.event().equals(frame.event()) || binding.event().equals(ANY)) {
        try {
          binding.handler().handle(frame);
        } catch (RuntimeException e) {
          log.warn("handler for {} {} threw; ignored", topic, LogText.safe(frame.event()), Redaction.loggable(e));
        }
      }
    }
  }

  /** The socket lost its transport (or hit a heartbeat timeout): phoenix.js {@code triggerChanError}. */
  void triggerTransportError(String reason) {
    if (state == ChannelState.ERRORED || state == ChannelState.LEAVING || state == ChannelState.CLOSED) {
      return;
    }
    ObjectNode payload = socket.emptyObject();
    payload.put("source", "transport");
    payload.put("reason", reason);
    trigger(new Frame(joinRef(), null, topic, ERROR, payload));
  }

  void onSocketOpen() {
    rejoinTimer.reset();
    if (state == ChannelState.ERRORED) {
      rejoin();
    }
  }

  void onSocketError() {
    rejoinTimer.reset();
  }

  private void onReply(Frame frame) {
    JsonNode status = frame.payload().get("status");
    ReplyStatus replyStatus = status == null ? null : ReplyStatus.fromServer(status.textValue());
    if (replyStatus == null) {
      log.warn("ignoring reply on {} with a missing or unknown status (ref {})", topic, LogText.safe(frame.ref()));
      return;
    }
    Push push = frame.ref() == null ? null : awaitingReply.get(frame.ref());
    if (push == null) {
      log.debug("no push waits for reply {} on {}", frame.ref(), topic);
      return;
    }
    JsonNode response = frame.payload().get("response");
    if (replyStatus == ReplyStatus.ERROR
        && push != joinPush
        && !LEAVE.equals(push.event())
        && state == ChannelState.JOINED
        && isUnmatchedTopic(response)) {
      // hub-protocol.md §2.4 hardening (not in phoenix.js): the server no longer holds this channel. Errored before
      // the push's hooks run, so they already see the channel as lost.
      log.warn("server does not hold {} any more (unmatched topic); rejoining", topic);
      ObjectNode payload = socket.emptyObject();
      payload.put("reason", "unmatched topic");
      trigger(new Frame(joinRef(), null, topic, ERROR, payload));
    }
    push.complete(replyStatus, response == null ? socket.emptyObject() : response);
  }

  private static boolean isUnmatchedTopic(JsonNode response) {
    JsonNode reason = response == null ? null : response.get("reason");
    return reason != null && "unmatched topic".equals(reason.textValue());
  }

  private void onClose() {
    log.debug("channel {} closed (join_ref {})", topic, joinRef());
    rejoinTimer.reset();
    joinPush.cancelTimeout();
    closedForGood = true;
    setState(ChannelState.CLOSED);
    socket.remove(this);
  }

  private void onError(ObjectNode payload) {
    // Not for a channel that is leaving or closed: phoenix.js would flip it to errored and rejoin it.
    if (state == ChannelState.LEAVING || state == ChannelState.CLOSED) {
      return;
    }
    JsonNode reason = payload.get("reason");
    log.debug("channel {} errored ({})", topic, reason == null ? "phx_error" : reason.asText());
    if (state == ChannelState.JOINING) {
      joinPush.reset();
    }
    setState(ChannelState.ERRORED);
    if (socket.isConnectedOnLoop()) {
      rejoinTimer.scheduleTimeout();
    }
  }

  private static void requirePositive(Duration d) {
    Objects.requireNonNull(d, "timeout");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + d);
    }
  }
}
