package dev.atomemo4j.runtime.internal.phoenix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message pushed on a channel, and its outcome (phoenix.js {@code Push}).
 *
 * <p>A push ends with the first of: reply {@code ok}, reply {@code error}, or the local {@code timeout}
 * (hub-protocol.md §5). Every send takes a fresh ref; a buffered push is timed from the moment it was pushed.
 *
 * <p>The join push of a channel is special: it is re-sent on every rejoin, and its hooks fire again for every
 * attempt. That is how a caller reacts to each successful (re)join.
 */
public final class Push {

  private static final Logger log = LoggerFactory.getLogger(Push.class);

  private record Hook(ReplyStatus status, Consumer<JsonNode> callback) {}

  private final PhoenixChannel channel;
  private final String event;
  private final String payloadJson;

  // Loop-confined from here on.
  private Duration timeout;
  private String ref;
  private ReplyStatus receivedStatus;
  private JsonNode receivedResponse;
  private PhoenixSocket.Timer timeoutTimer;
  private final List<Hook> hooks = new ArrayList<>();

  Push(PhoenixChannel channel, String event, String payloadJson, Duration timeout) {
    this.channel = channel;
    this.event = event;
    this.payloadJson = payloadJson;
    this.timeout = timeout;
  }

  public String event() {
    return event;
  }

  /**
   * Calls {@code callback} with the reply's {@code response} when this push ends with {@code status}; for
   * {@link ReplyStatus#TIMEOUT} the response is an empty object. If the push already ended that way, the callback
   * is also called right away (phoenix.js semantics), so registering after {@code push()} returned is safe.
   *
   * <p>The callback runs on the socket loop and must not block.
   */
  public Push receive(ReplyStatus status, Consumer<JsonNode> callback) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(callback, "callback");
    channel.socket().runOnLoop(() -> addHook(status, callback));
    return this;
  }

  void addHook(ReplyStatus status, Consumer<JsonNode> callback) {
    if (status == receivedStatus) {
      invoke(callback, receivedResponse);
    }
    hooks.add(new Hook(status, callback));
  }

  String ref() {
    return ref;
  }

  boolean hasReceived(ReplyStatus status) {
    return receivedStatus == status;
  }

  void resend(Duration newTimeout) {
    this.timeout = newTimeout;
    reset();
    send();
  }

  /** Sends with a fresh ref and a restarted timeout, unless this push already timed out. */
  void send() {
    if (hasReceived(ReplyStatus.TIMEOUT)) {
      return;
    }
    startTimeout();
    String sentRef = ref;
    channel
        .socket()
        .push(
            new PhoenixSocket.Outbound(
                channel.joinRef(),
                sentRef,
                channel.topic(),
                event,
                payloadJson,
                // A frame waiting in the socket buffer is dropped at flush once this push has moved on (reset for a
                // rejoin, re-sent, or timed out) or its channel is being left: flushing it would only send a stale
                // join_ref, or join a channel nobody wants any more. Not in phoenix.js, which flushes everything.
                () ->
                    sentRef.equals(ref)
                        && !hasReceived(ReplyStatus.TIMEOUT)
                        && channel.stillWants(this)));
  }

  /** Forgets the ref and any outcome, and disarms the timeout; hooks stay. */
  void reset() {
    cancelRefEvent();
    cancelTimeout();
    ref = null;
    receivedStatus = null;
    receivedResponse = null;
  }

  /** Takes a fresh ref, listens for its reply and arms the timeout. */
  void startTimeout() {
    cancelTimeout();
    cancelRefEvent();
    ref = channel.socket().makeRef();
    channel.awaitReply(ref, this);
    timeoutTimer =
        channel
            .socket()
            .schedule(
                "push-timeout",
                timeout,
                () -> {
                  timeoutTimer = null;
                  channel.onPushTimeout(this);
                  complete(ReplyStatus.TIMEOUT, channel.socket().emptyObject());
                });
  }

  /** Stop listening for replies to the current ref (the ref itself is kept: a leave still needs the join ref). */
  void cancelRefEvent() {
    if (ref != null) {
      channel.stopAwaitingReply(ref, this);
    }
  }

  void cancelTimeout() {
    if (timeoutTimer != null) {
      timeoutTimer.cancel();
      timeoutTimer = null;
    }
  }

  /** Records the outcome and runs the matching hooks in registration order. */
  void complete(ReplyStatus status, JsonNode response) {
    cancelRefEvent();
    cancelTimeout();
    receivedStatus = status;
    receivedResponse = response;
    for (Hook hook : List.copyOf(hooks)) {
      if (hook.status() == status) {
        invoke(hook.callback(), response);
      }
    }
  }

  private void invoke(Consumer<JsonNode> callback, JsonNode response) {
    try {
      callback.accept(response);
    } catch (RuntimeException e) {
      log.warn("reply hook for {} {} threw; ignored", channel.topic(), event, Redaction.loggable(e));
    }
  }

  @Override
  public String toString() {
    return "Push[" + channel.topic() + " " + event + "]";
  }
}
