package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records socket lifecycle callbacks as short strings: "open", "close 1000 heartbeat timeout", "transport-error",
 * "close 1006" (transport failures carry a variable reason, kept in {@link #transportErrors}), "refused 403".
 */
final class RecordingSocketListener implements SocketListener {

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  final List<String> transportErrors = new CopyOnWriteArrayList<>();

  @Override
  public void onOpen() {
    events.add("open");
  }

  @Override
  public void onClose(int code, String reason) {
    events.add(code == PhoenixSocket.ABNORMAL_CLOSURE ? "close 1006" : ("close " + code + " " + reason).trim());
  }

  @Override
  public void onTransportError(String redactedMessage) {
    transportErrors.add(redactedMessage);
    events.add("transport-error");
  }

  @Override
  public void onUpgradeRefused(int httpStatus) {
    events.add("refused " + httpStatus);
  }

  String next() {
    try {
      String event = events.poll(5, TimeUnit.SECONDS);
      assertThat(event).as("a socket event within 5 s").isNotNull();
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void expect(String... expected) {
    for (String e : expected) {
      assertThat(next()).isEqualTo(e);
    }
  }

  /** Nothing was reported beyond what has been taken (only meaningful once the loop is idle). */
  void expectNothingMore() {
    assertThat(events).isEmpty();
  }
}
