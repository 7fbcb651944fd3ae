package dev.atomemo4j.runtime.internal.phoenix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.logging.WarningLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Phoenix Channels V2 client socket over an OkHttp WebSocket (phoenix.js {@code Socket}, hub-protocol.md §2–6).
 *
 * <p>Owns one serial executor, the loop, on which all socket, channel and push state lives and all timers and
 * callbacks run. Build it, create channels, join them, then {@link #connect()}; a join issued before the
 * connection opens waits in the send buffer. {@link #close()} disconnects and stops the loop.
 *
 * <p>Reconnects follow phoenix.js: after a transport failure, a server close with a code other than 1000, or a
 * heartbeat timeout, with the {@link Backoff#RECONNECT} table; never after {@link #disconnect}. A refused upgrade
 * (non-101 status, e.g. 403 for an expired api key) is reported through {@link SocketListener#onUpgradeRefused}
 * and is not retried.
 */
public final class PhoenixSocket implements AutoCloseable {

  static final String VSN = "2.0.0";
  static final String PHOENIX_TOPIC = "phoenix";
  static final String HEARTBEAT = "heartbeat";
  /** Close code for a transport failure without a close frame (RFC 6455 §7.1.5). */
  static final int ABNORMAL_CLOSURE = 1006;
  /** Below OkHttp's 16 MiB outgoing queue: a frame over that makes OkHttp close the socket with 1001. */
  static final int DEFAULT_MAX_FRAME_BYTES = 15 * 1024 * 1024;
  /** Room for the brackets, quotes, commas and two refs around topic, event and payload. */
  private static final int FRAME_OVERHEAD_BYTES = 64;
  /**
   * Most bytes handed to OkHttp and not yet written, half its 16 MiB queue: OkHttp closes the socket with 1001 and
   * drops the frame when its queue would go over 16 MiB, so frames wait in this socket's own queue instead.
   */
  static final long DEFAULT_TRANSPORT_QUEUE_BYTES = 8L * 1024 * 1024;
  /** Default of the answers' back-pressure budget ({@link ByteBudget}). */
  static final long DEFAULT_OUTGOING_BUDGET_BYTES = 16L * 1024 * 1024;
  /** Received frames queued for the loop, at most, before OkHttp stops reading (TCP then slows the Hub). */
  static final long DEFAULT_INCOMING_BACKLOG_BYTES = 16L * 1024 * 1024;
  /** How often, while frames wait or are unconfirmed, the socket looks at how much of OkHttp's queue is written. */
  private static final long DRAIN_POLL_MILLIS = 5;

  private static final Logger log = LoggerFactory.getLogger(PhoenixSocket.class);
  /** The peer decides how many bad frames it sends: their warnings are rate-limited. */
  private final WarningLimiter warnings = new WarningLimiter(log);
  private static final AtomicInteger SOCKET_IDS = new AtomicInteger();

  /**
   * A frame to send, kept unencoded until it leaves so the socket buffer can drop it once it went stale. With a
   * {@code delivery}, the socket reports when the frame has been written to the network, or that it could not be
   * (the connection ended first), so the sender can keep it for the next connection.
   */
  record Outbound(
      String joinRef,
      String ref,
      String topic,
      String event,
      String payloadJson,
      BooleanSupplier stillWanted,
      Delivery delivery,
      long payloadBytes) {

    Outbound(String joinRef, String ref, String topic, String event, String payloadJson,
        BooleanSupplier stillWanted) {
      this(joinRef, ref, topic, event, payloadJson, stillWanted, null);
    }

    Outbound(String joinRef, String ref, String topic, String event, String payloadJson,
        BooleanSupplier stillWanted, Delivery delivery) {
      this(joinRef, ref, topic, event, payloadJson, stillWanted, delivery, FrameCodec.utf8Length(payloadJson));
    }

    /**
     * An upper bound of the frame's UTF-8 size, from the payload's size counted once (an answer's was counted when
     * it was serialized): scanning every answer's text again on each look was a measurable share of the loop.
     */
    long estimatedBytes() {
      return payloadBytes + FrameCodec.utf8Length(topic) + FrameCodec.utf8Length(event) + FRAME_OVERHEAD_BYTES;
    }
  }

  /** What a sender of an {@link Outbound} with a delivery hears back; called on the loop, exactly once per send. */
  interface Delivery {
    /** The frame has been written to the network. */
    void written();

    /** The connection ended before the frame was written; it is not sent on any later connection by the socket. */
    void unwritten();
  }

  /** A frame handed to OkHttp whose delivery waits until OkHttp has written it: its end in the stream of bytes. */
  private record Handed(Outbound out, long endOffset) {}

  /** A one-shot timer owned by the loop; {@link #cancel()} wins even over a fire that is already queued. */
  static final class Timer {
    private Scheduler.Cancellable handle;
    private boolean done;

    void cancel() {
      done = true;
      if (handle != null) {
        handle.cancel();
      }
    }
  }

  private final String url;
  private final String redactedUrl;
  private final Request request;
  private final Duration heartbeatInterval;
  private final Duration pushTimeout;
  /** The last connection failure warned about, so that retries failing the same way are not; loop thread only. */
  private String lastFailure;
  private final Backoff rejoinBackoff;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final SocketListener listener;
  private final FrameCodec codec;
  private final String name;
  private final ScheduledThreadPoolExecutor loop;
  private final Scheduler scheduler;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Thread loopThread;
  private volatile ConnectionState publishedState = ConnectionState.CLOSED;

  // Loop-confined from here on.
  private Connection conn;
  private int connectionIds;
  /** phoenix.js {@code closeWasClean}: true while the client wants to be disconnected. */
  private boolean closeWasClean = true;
  private final List<PhoenixChannel> channels = new ArrayList<>();
  private final ArrayDeque<Outbound> sendBuffer = new ArrayDeque<>();
  /** Connected, but waiting for room in OkHttp's queue (its 16 MiB limit would otherwise drop the socket). */
  private final ArrayDeque<Outbound> waitingForRoom = new ArrayDeque<>();
  private final long transportQueueBytes;
  private final ByteBudget outgoingBudget;
  /** Bytes of received frames not yet handled on the loop; OkHttp's reader waits while it is full. */
  private final ByteBudget incomingBacklog = new ByteBudget(DEFAULT_INCOMING_BACKLOG_BYTES);
  private ScheduledFuture<?> drainPoll;
  private long refCounter;
  private String pendingHeartbeatRef;
  private Timer heartbeatTimer;
  private Timer heartbeatTimeoutTimer;
  private final RetryTimer reconnectTimer;

  private PhoenixSocket(Builder b) {
    this.url = endPointUrl(b.endpoint, b.params);
    this.redactedUrl = Redaction.redact(url);
    try {
      this.request = new Request.Builder().url(url).build();
    } catch (IllegalArgumentException e) {
      // OkHttp's message may quote the URL: redact it, and do not chain the original.
      throw new IllegalArgumentException(
          "invalid endpoint URL " + redactedUrl + ": " + Redaction.redact(e.getMessage()));
    }
    this.heartbeatInterval = b.heartbeatInterval;
    this.pushTimeout = b.pushTimeout;
    this.rejoinBackoff = b.rejoinBackoff;
    this.ownsClient = b.client == null;
    this.client = ownsClient ? new OkHttpClient() : b.client;
    this.listener = b.listener;
    this.codec = new FrameCodec(b.maxFrameBytes);
    this.transportQueueBytes = b.transportQueueBytes;
    this.outgoingBudget = new ByteBudget(b.outgoingBudgetBytes);
    this.name = "atomemo4j-phoenix-" + SOCKET_IDS.incrementAndGet();
    this.loop =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true); // the runtime decides when the process ends, not this thread
              loopThread = t;
              return t;
            });
    loop.setRemoveOnCancelPolicy(true);
    loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    loop.prestartCoreThread();
    this.scheduler = b.scheduler != null ? b.scheduler : this::scheduleOnLoop;
    this.reconnectTimer = new RetryTimer(this, "reconnect", b.reconnectBackoff, this::reconnect);
  }

  /**
   * @param endpoint the Phoenix endpoint without the transport suffix, e.g. {@code wss://hub/debug_socket};
   *     {@code /websocket} and the query are appended as phoenix.js does
   */
  public static Builder builder(String endpoint) {
    return new Builder(endpoint);
  }

  /** Opens the connection if there is none (phoenix.js {@code connect}). Safe to call again after a refusal. */
  public void connect() {
    if (closed.get()) {
      throw new IllegalStateException(this + " is closed");
    }
    runOnLoop(
        () -> {
          if (conn != null) {
            return;
          }
          reconnectTimer.reset(); // an explicit connect supersedes a scheduled one
          transportConnect();
        });
  }

  /**
   * Closes the connection with {@code code} and {@code reason} and stays disconnected: no reconnect follows.
   * Channels become errored and rejoin if {@link #connect()} is called later.
   *
   * @throws IllegalArgumentException if the code is not a valid close code or the reason exceeds 123 bytes
   */
  public void disconnect(int code, String reason) {
    validateCloseCode(code, reason);
    runOnLoop(() -> disconnectOnLoop(code, reason));
  }

  /**
   * Creates a channel for {@code topic}. Register its handlers, then {@link PhoenixChannel#join()}.
   */
  public PhoenixChannel channel(String topic) {
    Objects.requireNonNull(topic, "topic");
    PhoenixChannel channel = new PhoenixChannel(this, topic);
    runOnLoop(() -> channels.add(channel));
    return channel;
  }

  /** A snapshot; the authoritative state lives on the loop. */
  public ConnectionState connectionState() {
    return publishedState;
  }

  public boolean isConnected() {
    return publishedState == ConnectionState.OPEN;
  }

  /**
   * Disconnects with 1000 and stops the loop, waiting briefly for it unless called from the loop itself. Pushes
   * still outstanding never complete afterwards; callers fail their own pending work. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    runOnLoop(() -> disconnectOnLoop(1000, ""));
    loop.shutdown();
    if (Thread.currentThread() != loopThread) {
      try {
        if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
          log.warn("{} loop did not stop within 5 s; interrupting it", this);
          loop.shutdownNow();
        }
      } catch (InterruptedException e) {
        loop.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** Carries the URL with {@code api_key} redacted, so it is safe to log. */
  @Override
  public String toString() {
    return "PhoenixSocket[" + redactedUrl + "]";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // URL (hub-protocol.md §2.1).

  /** phoenix.js {@code endPointURL}: {@code endpoint/websocket}, then the params in order, then {@code vsn}. */
  static String endPointUrl(String endpoint, Map<String, String> params) {
    StringBuilder out = new StringBuilder(endpoint).append("/websocket");
    appendParams(out, params);
    appendParams(out, Map.of("vsn", VSN));
    return out.toString();
  }

  private static void appendParams(StringBuilder url, Map<String, String> params) {
    if (params.isEmpty()) {
      return;
    }
    url.append(url.indexOf("?") >= 0 ? '&' : '?');
    boolean first = true;
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!first) {
        url.append('&');
      }
      first = false;
      url.append(encodeUriComponent(e.getKey())).append('=').append(encodeUriComponent(e.getValue()));
    }
  }

  /** JavaScript's {@code encodeURIComponent}: everything but {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )} as UTF-8 %XX. */
  static String encodeUriComponent(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
        continue;
      }
      int codePoint = c;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        codePoint = Character.toCodePoint(c, s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        // encodeURIComponent throws URIError here; silently sending U+FFFD would corrupt a credential.
        throw new IllegalArgumentException("unpaired surrogate at index " + i + " in a socket parameter");
      }
      for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || "-_.!~*'()".indexOf(c) >= 0;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Loop plumbing.

  /** Runs {@code task} on the loop: inline when already there, queued otherwise. Dropped once the socket closed. */
  void runOnLoop(Runnable task) {
    if (Thread.currentThread() == loopThread) {
      runGuarded(task);
      return;
    }
    try {
      loop.execute(() -> runGuarded(task));
    } catch (RejectedExecutionException e) {
      log.debug("{} is closed; dropping work", this);
    }
  }

  private void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // Nothing may kill the loop. Log a redacted copy: the original's message chain is not ours to trust.
      log.error("unexpected failure on {} loop; continuing", name, Redaction.loggable(e));
    }
  }

  Timer schedule(String label, Duration delay, Runnable task) {
    Timer timer = new Timer();
    timer.handle =
        scheduler.schedule(
            label,
            delay,
            () ->
                runOnLoop(
                    () -> {
                      if (!timer.done) {
                        timer.done = true;
                        task.run();
                      }
                    }));
    return timer;
  }

  private Scheduler.Cancellable scheduleOnLoop(String label, Duration delay, Runnable fire) {
    try {
      ScheduledFuture<?> future = loop.schedule(fire, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> {};
    }
  }

  /** Waits until every task queued so far ran. Tests only. */
  void awaitLoopIdle() {
    if (Thread.currentThread() == loopThread) {
      return;
    }
    try {
      loop.submit(() -> {}).get(5, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      // closed: nothing left to wait for
    } catch (Exception e) {
      throw new IllegalStateException("socket loop did not become idle", e);
    }
  }

  boolean isLoopTerminated() {
    return loop.isTerminated();
  }

  String threadName() {
    return name;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Loop-confined socket state machine (phoenix.js socket.js).

  Duration pushTimeout() {
    return pushTimeout;
  }

  ByteBudget outgoingBudget() {
    return outgoingBudget;
  }

  boolean onLoop() {
    return Thread.currentThread() == loopThread;
  }

  /** Frames accepted but not yet written to the network (waiting for room, or in OkHttp's queue). Tests only. */
  int unwrittenFrames() {
    Connection c = conn;
    return waitingForRoom.size() + (c == null ? 0 : c.handed.size());
  }

  Backoff rejoinBackoff() {
    return rejoinBackoff;
  }

  ObjectNode emptyObject() {
    return codec.newObject();
  }

  /** Serializes on the caller's thread and enforces the frame limit there, where the caller can react. */
  String encodePayload(String topic, String event, ObjectNode payload) {
    return checkPayload(topic, event, codec.encodePayload(payload));
  }

  /** As {@link #encodePayload}, for a payload the caller already serialized. */
  String checkPayload(String topic, String event, String json) {
    checkFrameSize(topic, event, FrameCodec.utf8Length(json));
    return json;
  }

  /** Serializes {@code payload} without the size check; the caller checks with {@link #checkFrameSize}. */
  String serializePayload(ObjectNode payload) {
    return codec.encodePayload(payload);
  }

  /** Enforces the frame limit for a payload of {@code payloadBytes} UTF-8 bytes, on the caller's thread. */
  void checkFrameSize(String topic, String event, long payloadBytes) {
    long bytes =
        payloadBytes
            + FrameCodec.utf8Length(topic)
            + FrameCodec.utf8Length(event)
            + FRAME_OVERHEAD_BYTES;
    if (bytes > codec.maxFrameBytes()) {
      throw new IllegalArgumentException(
          "payload of '" + event + "' makes a frame of about " + bytes + " bytes, over the limit of "
              + codec.maxFrameBytes());
    }
  }

  boolean isConnectedOnLoop() {
    return conn != null && conn.open;
  }

  /** phoenix.js {@code makeRef}: decimal strings from "1", one counter for everything; wraps to 0. */
  String makeRef() {
    refCounter = refCounter == Long.MAX_VALUE ? 0 : refCounter + 1;
    return Long.toString(refCounter);
  }

  void push(Outbound out) {
    if (log.isDebugEnabled()) {
      log.debug("push {} {} ({}, {})", out.topic(), out.event(), out.joinRef(), out.ref());
    }
    if (isConnectedOnLoop()) {
      send(out);
    } else {
      sendBuffer.add(out);
    }
  }

  /** Sends now if OkHttp's queue has room and nothing waits before it; queues it in order otherwise. */
  private void send(Outbound out) {
    if (!waitingForRoom.isEmpty() || !hasRoom(out.estimatedBytes())) {
      waitingForRoom.add(out);
      scheduleDrainPoll();
      return;
    }
    write(out);
  }

  private boolean hasRoom(long bytes) {
    long queued = conn.ws.queueSize();
    return queued == 0 || queued + bytes <= transportQueueBytes;
  }

  private void write(Outbound out) {
    Connection c = conn;
    FrameCodec.Encoded frame =
        codec.encodeFrame(out.joinRef(), out.ref(), out.topic(), out.event(), out.payloadJson(), out.payloadBytes());
    String text = frame.text();
    long bytes = frame.bytes();
    if (!c.ws.send(text)) {
      // OkHttp refuses once the socket is closing (its queue never fills: see hasRoom). A frame with a delivery is
      // kept for the next connection; any other push will time out.
      if (out.delivery() != null) {
        c.handed.add(new Handed(out, Long.MAX_VALUE));
        log.debug("WebSocket refused frame {} {} (ref {}); keeping it for the next connection", out.topic(),
            out.event(), out.ref());
      } else {
        log.warn("WebSocket refused frame {} {} (ref {}); it is lost", out.topic(), out.event(), out.ref());
      }
      return;
    }
    c.handedBytes += bytes;
    if (out.delivery() != null) {
      c.handed.add(new Handed(out, c.handedBytes));
      scheduleDrainPoll();
    }
  }

  private void scheduleDrainPoll() {
    if (drainPoll != null) {
      return;
    }
    try {
      drainPoll = loop.schedule(() -> runGuarded(this::drain), DRAIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed: the frames are settled by detach
    }
  }

  /**
   * Reports the frames OkHttp has written (its queue size falls as it writes), then moves waiting frames into the
   * room that freed up. Runs on the loop while anything waits or is unconfirmed.
   */
  private void drain() {
    drainPoll = null;
    if (!isConnectedOnLoop()) {
      return;
    }
    Connection c = conn;
    long written = c.handedBytes - c.ws.queueSize();
    while (!c.handed.isEmpty() && c.handed.peek().endOffset() <= written) {
      deliver(c.handed.poll().out(), true);
    }
    while (!waitingForRoom.isEmpty() && isConnectedOnLoop() && hasRoom(waitingForRoom.peek().estimatedBytes())) {
      Outbound out = waitingForRoom.poll();
      if (out.delivery() != null || out.stillWanted().getAsBoolean()) {
        write(out);
      }
    }
    if (isConnectedOnLoop() && (!waitingForRoom.isEmpty() || !conn.handed.isEmpty())) {
      scheduleDrainPoll();
    }
  }

  private void deliver(Outbound out, boolean written) {
    try {
      if (written) {
        out.delivery().written();
      } else {
        out.delivery().unwritten();
      }
    } catch (RuntimeException e) {
      log.warn("delivery callback of {} {} threw; ignored", out.topic(), out.event(), Redaction.loggable(e));
    }
  }

  /**
   * The connection ended: frames OkHttp had not yet written, and frames still waiting for room, go back to their
   * senders (in order) if they asked to hear; the rest are dropped, and their pushes time out.
   */
  private void returnUnwritten(Connection c) {
    if (drainPoll != null) {
      drainPoll.cancel(false);
      drainPoll = null;
    }
    List<Outbound> back = new ArrayList<>();
    if (c != null) {
      long written = c.open ? c.handedBytes - c.ws.queueSize() : 0;
      for (Handed h : c.handed) {
        // Written to the network before the end: gone. Otherwise it never fully left.
        if (h.endOffset() <= written) {
          deliver(h.out(), true);
        } else {
          back.add(h.out());
        }
      }
      c.handed.clear();
    }
    back.addAll(waitingForRoom);
    waitingForRoom.clear();
    for (Outbound out : back) {
      if (out.delivery() != null) {
        deliver(out, false);
      }
    }
  }

  private void flushSendBuffer() {
    while (isConnectedOnLoop() && !sendBuffer.isEmpty()) {
      Outbound out = sendBuffer.poll();
      if (out.stillWanted().getAsBoolean()) {
        send(out);
      } else {
        log.debug("dropping stale buffered frame {} {} (ref {})", out.topic(), out.event(), out.ref());
      }
    }
  }

  void remove(PhoenixChannel channel) {
    channels.remove(channel);
  }

  /** phoenix.js {@code leaveOpenTopic}: a second channel on the same topic replaces the first. */
  void leaveOpenTopic(PhoenixChannel joining) {
    for (PhoenixChannel other : List.copyOf(channels)) {
      if (other != joining
          && other.topic().equals(joining.topic())
          && (other.stateOnLoop() == ChannelState.JOINED
              || other.stateOnLoop() == ChannelState.JOINING)) {
        log.debug("leaving duplicate topic {}", joining.topic());
        other.leave();
      }
    }
  }

  private void transportConnect() {
    closeWasClean = false;
    Connection c = new Connection(++connectionIds);
    conn = c;
    publishedState = ConnectionState.CONNECTING;
    log.debug("connecting to {}", redactedUrl);
    c.ws = client.newWebSocket(request, c);
  }

  private void reconnect() {
    if (conn == null && !closeWasClean) {
      transportConnect();
    }
  }

  private void detach() {
    Connection c = conn;
    conn = null;
    publishedState = ConnectionState.CLOSED;
    returnUnwritten(c);
  }

  private void onConnOpen(Connection c) {
    if (c != conn) {
      return;
    }
    log.debug("connected to {}", redactedUrl);
    lastFailure = null;
    c.open = true;
    publishedState = ConnectionState.OPEN;
    closeWasClean = false;
    flushSendBuffer();
    reconnectTimer.reset();
    resetHeartbeat();
    notifyListener(SocketListener::onOpen);
    for (PhoenixChannel channel : List.copyOf(channels)) {
      channel.onSocketOpen();
    }
  }

  private void onConnMessage(Connection c, String text) {
    if (c != conn) {
      return;
    }
    Frame frame;
    try {
      frame = codec.decode(text);
    } catch (FrameCodec.UnparsableFrameException e) {
      warnings.warn("unparsable frame", "cannot parse a frame from {} ({}: {}, request_id {}): {}", redactedUrl,
          LogText.safe(e.topic), LogText.safe(e.event), LogText.safe(e.requestId), e.getMessage());
      notifyListener(l -> l.onUnparsableFrame(e.topic, e.event, e.requestId));
      return;
    } catch (FrameCodec.MalformedFrameException e) {
      warnings.warn("malformed frame", "ignoring malformed frame from {}: {}", redactedUrl, e.getMessage());
      return;
    }
    if (log.isDebugEnabled()) {
      log.debug("recv {} {} ({}, {})", LogText.safe(frame.topic()), LogText.safe(frame.event()),
          LogText.safe(frame.joinRef()), LogText.safe(frame.ref()));
    }
    if (frame.ref() != null && frame.ref().equals(pendingHeartbeatRef)) {
      clearHeartbeats();
      pendingHeartbeatRef = null;
      heartbeatTimer = schedule("heartbeat", heartbeatInterval, this::sendHeartbeat);
    }
    for (PhoenixChannel channel : List.copyOf(channels)) {
      if (channel.isMember(frame)) {
        channel.trigger(frame);
      }
    }
  }

  private void onConnBinary(Connection c, int size) {
    if (c == conn) {
      warnings.warn("binary frame", "ignoring binary frame of {} bytes from {}: V2 text frames only", size,
          redactedUrl);
    }
  }

  /** The server sent a close frame: answer it and treat the connection as closed right away. */
  private void onConnClosing(Connection c, int code, String reason) {
    if (c != conn) {
      return;
    }
    c.close(code, null);
    onConnClose(code, reason);
  }

  private void onConnClosed(Connection c, int code, String reason) {
    if (c == conn) {
      onConnClose(code, reason);
    }
  }

  private void onConnFailure(Connection c, int httpStatus, String redactedMessage, boolean certificate) {
    if (c != conn) {
      return;
    }
    if (certificate) {
      // A certificate that is not trusted (expired, self-signed, for another host) stays so: retrying only delays
      // the error, and the plugin would look like it cannot reach the Hub.
      log.warn("TLS handshake with {} failed: {}; not retrying", redactedUrl, redactedMessage);
      closeWasClean = true;
      detach();
      clearHeartbeats();
      reconnectTimer.reset();
      for (PhoenixChannel channel : List.copyOf(channels)) {
        channel.onSocketError();
      }
      triggerChanError("certificate_refused");
      notifyListener(l -> l.onCertificateRefused(redactedMessage));
      return;
    }
    if (httpStatus > 0 && httpStatus != 101) {
      // hub-protocol.md §2.2: a refused upgrade is final. Retrying would hammer the Hub with a dead key.
      log.warn("WebSocket upgrade to {} refused with HTTP {}; not retrying", redactedUrl, httpStatus);
      closeWasClean = true;
      detach();
      clearHeartbeats();
      reconnectTimer.reset();
      for (PhoenixChannel channel : List.copyOf(channels)) {
        channel.onSocketError();
      }
      triggerChanError("upgrade_refused");
      notifyListener(l -> l.onUpgradeRefused(httpStatus));
      return;
    }
    // One warning per state change: the first failure of a run; the same failure again on each retry is DEBUG.
    if (redactedMessage.equals(lastFailure)) {
      log.debug("WebSocket to {} failed again: {}", redactedUrl, redactedMessage);
    } else {
      log.warn("WebSocket to {} failed: {}; retrying", redactedUrl, redactedMessage);
      lastFailure = redactedMessage;
    }
    // Detached first, as a browser's WebSocket is already CLOSED when "error" fires: channels must see a socket
    // that is down, or they would arm rejoin timers instead of waiting for the reopen.
    detach();
    notifyListener(l -> l.onTransportError(redactedMessage));
    for (PhoenixChannel channel : List.copyOf(channels)) {
      channel.onSocketError();
    }
    triggerChanError("connection_error");
    onConnClose(ABNORMAL_CLOSURE, redactedMessage);
  }

  /** phoenix.js {@code onConnClose}. */
  private void onConnClose(int code, String reason) {
    log.debug("connection to {} closed: {} {}", redactedUrl, code, reason);
    detach();
    triggerChanError("connection_closed");
    clearHeartbeats();
    if (!closeWasClean && code != 1000) {
      reconnectTimer.scheduleTimeout();
    }
    notifyListener(l -> l.onClose(code, reason));
  }

  private void disconnectOnLoop(int code, String reason) {
    closeWasClean = true;
    reconnectTimer.reset();
    Connection c = conn;
    if (c == null) {
      return;
    }
    detach();
    clearHeartbeats();
    c.close(code, reason);
    triggerChanError("connection_closed");
    notifyListener(l -> l.onClose(code, reason));
  }

  private void triggerChanError(String reason) {
    for (PhoenixChannel channel : List.copyOf(channels)) {
      channel.triggerTransportError(reason);
    }
  }

  private void resetHeartbeat() {
    pendingHeartbeatRef = null;
    clearHeartbeats();
    heartbeatTimer = schedule("heartbeat", heartbeatInterval, this::sendHeartbeat);
  }

  private void clearHeartbeats() {
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
      heartbeatTimer = null;
    }
    if (heartbeatTimeoutTimer != null) {
      heartbeatTimeoutTimer.cancel();
      heartbeatTimeoutTimer = null;
    }
  }

  private void sendHeartbeat() {
    heartbeatTimer = null;
    if (!isConnectedOnLoop()) {
      return;
    }
    pendingHeartbeatRef = makeRef();
    push(new Outbound(null, pendingHeartbeatRef, PHOENIX_TOPIC, HEARTBEAT, "{}", () -> true));
    heartbeatTimeoutTimer = schedule("heartbeat-timeout", heartbeatInterval, this::heartbeatTimeout);
  }

  /** hub-protocol.md §4.4: errored channels, close with 1000 "heartbeat timeout", reconnect with backoff. */
  private void heartbeatTimeout() {
    heartbeatTimeoutTimer = null;
    if (pendingHeartbeatRef == null) {
      return;
    }
    pendingHeartbeatRef = null;
    log.warn("heartbeat timeout on {}; reconnecting", redactedUrl);
    Connection c = conn;
    closeWasClean = false;
    // Detach first: the channels then see a disconnected socket and wait for the reopen instead of arming rejoin
    // timers that the reopen would cancel anyway.
    detach();
    clearHeartbeats();
    if (c != null) {
      c.close(1000, "heartbeat timeout");
    }
    triggerChanError("heartbeat_timeout");
    reconnectTimer.scheduleTimeout();
    notifyListener(l -> l.onClose(1000, "heartbeat timeout"));
  }

  private void notifyListener(java.util.function.Consumer<SocketListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      log.warn("socket listener threw; ignored", Redaction.loggable(e));
    }
  }

  /** An untrusted or mismatching server certificate somewhere in the chain of {@code t}. */
  static boolean isCertificateFailure(Throwable t) {
    int depth = 0;
    for (Throwable cur = t; cur != null && depth < 10; cur = cur.getCause(), depth++) {
      if (cur instanceof javax.net.ssl.SSLPeerUnverifiedException
          || cur instanceof java.security.cert.CertificateException) {
        return true;
      }
      if (cur instanceof javax.net.ssl.SSLHandshakeException && cur.getMessage() != null
          && (cur.getMessage().contains("PKIX") || cur.getMessage().contains("certificate"))) {
        return true;
      }
      if (cur.getCause() == cur) {
        break;
      }
    }
    return false;
  }

  private static void validateCloseCode(int code, String reason) {
    if (code < 1000 || code >= 5000 || (code >= 1004 && code <= 1006) || (code >= 1015 && code <= 2999)) {
      throw new IllegalArgumentException("not a close code a client may send: " + code);
    }
    if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 123) {
      throw new IllegalArgumentException("close reason longer than 123 bytes");
    }
  }

  /** One WebSocket attempt. Its OkHttp callbacks only hop onto the loop, where stale attempts are ignored. */
  private final class Connection extends WebSocketListener {
    private final int id;
    private WebSocket ws;
    private boolean open;
    /** Bytes handed to OkHttp on this connection so far. */
    private long handedBytes;
    /** Frames with a delivery handed to OkHttp, in order, not yet known to be written. */
    private final ArrayDeque<Handed> handed = new ArrayDeque<>();

    Connection(int id) {
      this.id = id;
    }

    void close(int code, String reason) {
      if (!open) {
        ws.cancel();
        return;
      }
      try {
        ws.close(code, reason);
      } catch (IllegalArgumentException e) {
        ws.close(1000, null); // e.g. echoing a reserved code the server sent
      }
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      runOnLoop(() -> onConnOpen(this));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      long size = text.length();
      incomingBacklog.acquire(size, true, () -> closed.get());
      try {
        loop.execute(() -> {
          try {
            runGuarded(() -> onConnMessage(this, text));
          } finally {
            incomingBacklog.release(size);
          }
        });
      } catch (RejectedExecutionException e) {
        incomingBacklog.release(size); // closed: the frame is dropped with the socket
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      int size = bytes.size();
      runOnLoop(() -> onConnBinary(this, size));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      runOnLoop(() -> onConnClosing(this, code, reason));
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      runOnLoop(() -> onConnClosed(this, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      // Keep only the status: the Response (and its toString) carries the URL with the api key.
      int status = response == null ? -1 : response.code();
      String message = Redaction.describe(t);
      boolean certificate = isCertificateFailure(t);
      runOnLoop(() -> onConnFailure(this, status, message, certificate));
    }

    @Override
    public String toString() {
      return "Connection#" + id;
    }
  }

  /** Configuration; every value has the hub-protocol.md default. */
  public static final class Builder {
    private final String endpoint;
    private final Map<String, String> params = new LinkedHashMap<>();
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private Duration pushTimeout = Duration.ofSeconds(10);
    private Backoff reconnectBackoff = Backoff.RECONNECT;
    private Backoff rejoinBackoff = Backoff.REJOIN;
    private OkHttpClient client;
    private SocketListener listener = new SocketListener() {};
    private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
    private long transportQueueBytes = DEFAULT_TRANSPORT_QUEUE_BYTES;
    private long outgoingBudgetBytes = DEFAULT_OUTGOING_BUDGET_BYTES;
    private Scheduler scheduler;

    private Builder(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Adds a connect parameter; parameters go into the query in the order added, before {@code vsn}. */
    public Builder param(String key, String value) {
      params.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Default 30 s. The heartbeat reply timeout is one interval too (phoenix.js default). */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = positive(interval);
      return this;
    }

    /** Default timeout of joins, leaves and pushes; default 10 s. */
    public Builder pushTimeout(Duration timeout) {
      this.pushTimeout = positive(timeout);
      return this;
    }

    public Builder reconnectBackoff(Backoff backoff) {
      this.reconnectBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    public Builder rejoinBackoff(Backoff backoff) {
      this.rejoinBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The client to open WebSockets with; shared, never shut down by the socket. Default: a private client. */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    public Builder listener(SocketListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Largest frame accepted or sent, in UTF-8 bytes; default 15 MiB. Larger incoming frames are ignored. */
    public Builder maxFrameBytes(int bytes) {
      if (bytes <= FRAME_OVERHEAD_BYTES) {
        throw new IllegalArgumentException("maxFrameBytes too small: " + bytes);
      }
      this.maxFrameBytes = bytes;
      return this;
    }

    /**
     * Most bytes of answers accepted and not yet written before a sender of one more waits; default 16 MiB. Bounds
     * the memory that large results in flight take.
     */
    public Builder outgoingBudgetBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("outgoingBudgetBytes must be positive: " + bytes);
      }
      this.outgoingBudgetBytes = bytes;
      return this;
    }

    /** Most bytes handed to OkHttp and not yet written; default 8 MiB, under OkHttp's own 16 MiB limit. */
    Builder transportQueueBytes(long bytes) {
      if (bytes <= 0 || bytes >= 16L * 1024 * 1024) {
        throw new IllegalArgumentException("transportQueueBytes must be in (0, 16 MiB): " + bytes);
      }
      this.transportQueueBytes = bytes;
      return this;
    }

    /** Replaces wall-clock timers. Tests only. */
    Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    public PhoenixSocket build() {
      return new PhoenixSocket(this);
    }

    private static Duration positive(Duration d) {
      Objects.requireNonNull(d, "duration");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("duration must be positive: " + d);
      }
      return d;
    }
  }
}
