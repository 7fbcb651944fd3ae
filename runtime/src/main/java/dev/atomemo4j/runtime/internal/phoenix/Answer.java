package dev.atomemo4j.runtime.internal.phoenix;

import java.time.Duration;

/**
 * An event pushed to the server that expects no reply (an answer to a Hub request: {@code *_response},
 * {@code *_error}, {@code unsupported_event}; hub-protocol.md §5). Unlike a {@link Push} nothing waits for a reply,
 * so nothing holds the payload once it is written: memory stays flat under a steady stream of large answers.
 *
 * <p>Until it is written to the network the answer is kept: while the channel is not joined it waits in the channel
 * (for at most its buffer timeout), and when the connection drops before the frame left, it goes back to the channel
 * for the next connection. Loop-confined, except for the immutable fields.
 */
final class Answer implements PhoenixSocket.Delivery {

  private final PhoenixChannel channel;
  private final String event;
  private final String payloadJson;
  private final long bytes;
  private final Duration bufferTimeout;

  // Loop-confined.
  private PhoenixSocket.Timer deadline;
  private boolean settled;

  Answer(PhoenixChannel channel, String event, String payloadJson, long bytes, Duration bufferTimeout) {
    this.channel = channel;
    this.event = event;
    this.payloadJson = payloadJson;
    this.bytes = bytes;
    this.bufferTimeout = bufferTimeout;
  }

  String event() {
    return event;
  }

  long bytes() {
    return bytes;
  }

  /** Hands the frame to the socket with a fresh ref; nothing waits for a reply to it. */
  void send() {
    cancelDeadline();
    PhoenixSocket socket = channel.socket();
    socket.push(new PhoenixSocket.Outbound(channel.joinRef(), socket.makeRef(), channel.topic(), event, payloadJson,
        () -> true, this, bytes));
  }

  /** Waits in the channel; dropped (and reported) if the channel is not joined within the buffer timeout. */
  void armDeadline(Runnable onExpiry) {
    cancelDeadline();
    deadline = channel.socket().schedule("answer-buffer-timeout", bufferTimeout, () -> {
      deadline = null;
      onExpiry.run();
      settle();
    });
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel();
      deadline = null;
    }
  }

  /** Gives the budget back, once: the answer was written, or given up. */
  void settle() {
    if (!settled) {
      settled = true;
      channel.socket().outgoingBudget().release(bytes);
    }
  }

  @Override
  public void written() {
    settle();
  }

  @Override
  public void unwritten() {
    channel.rebuffer(this);
  }

  Duration bufferTimeout() {
    return bufferTimeout;
  }

  @Override
  public String toString() {
    return "Answer[" + channel.topic() + " " + event + "]";
  }
}
