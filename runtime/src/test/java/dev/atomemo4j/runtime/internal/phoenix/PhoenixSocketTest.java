package dev.atomemo4j.runtime.internal.phoenix;

import static dev.atomemo4j.runtime.internal.phoenix.ChannelState.CLOSED;
import static dev.atomemo4j.runtime.internal.phoenix.ChannelState.ERRORED;
import static dev.atomemo4j.runtime.internal.phoenix.ChannelState.JOINED;
import static dev.atomemo4j.runtime.internal.phoenix.ChannelState.LEAVING;
import static dev.atomemo4j.runtime.internal.phoenix.ReplyStatus.ERROR;
import static dev.atomemo4j.runtime.internal.phoenix.ReplyStatus.OK;
import static dev.atomemo4j.runtime.internal.phoenix.ReplyStatus.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomemo4j.core.logging.WarningLimiter;
import dev.atomemo4j.runtime.testsupport.HubConnection;
import dev.atomemo4j.runtime.testsupport.Json;
import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.testsupport.TestHub;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Behaviour of the Phoenix client against a real loopback WebSocket server, one behaviour per test. Timers run on
 * a {@link ManualScheduler}, so heartbeats, timeouts and backoff happen exactly when a test advances the clock;
 * one test at the end runs on wall-clock timers to show the default wiring.
 */
class PhoenixSocketTest {

  static final String TOPIC = "debug_plugin:acme-echo";
  static final Duration WAIT = Duration.ofSeconds(5);

  /**
   * Shared by all tests. OkHttp's own silent retry is off so that every connection attempt the socket makes is
   * exactly one request on the server.
   */
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  TestHub hub;
  ManualScheduler scheduler;
  RecordingSocketListener listener;
  final List<PhoenixSocket> sockets = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    RecordingLogs.clear();
    hub = new TestHub();
    scheduler = new ManualScheduler();
    listener = new RecordingSocketListener();
  }

  @AfterEach
  void tearDown() {
    sockets.forEach(PhoenixSocket::close);
    hub.close();
  }

  @AfterAll
  static void shutDownClient() {
    CLIENT.dispatcher().executorService().shutdown();
    CLIENT.connectionPool().evictAll();
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  PhoenixSocket socket(Consumer<PhoenixSocket.Builder> customize) {
    PhoenixSocket.Builder builder =
        PhoenixSocket.builder(hub.endpoint("/debug_socket"))
            .param("api_key", "K3y")
            .client(CLIENT)
            .listener(listener)
            .scheduler(scheduler);
    customize.accept(builder);
    PhoenixSocket socket = builder.build();
    scheduler.settleWith(socket::awaitLoopIdle);
    sockets.add(socket);
    return socket;
  }

  PhoenixSocket socket() {
    return socket(b -> {});
  }

  static CompletableFuture<JsonNode> outcome(Push push, ReplyStatus status) {
    CompletableFuture<JsonNode> future = new CompletableFuture<>();
    push.receive(status, future::complete);
    return future;
  }

  /** Connects, answers the first join with ok, and returns the server side of the connection. */
  HubConnection connectAndJoin(PhoenixSocket socket, PhoenixChannel channel) {
    CompletableFuture<JsonNode> joined = outcome(channel.join(), OK);
    socket.connect();
    HubConnection connection = hub.awaitConnection();
    listener.expect("open");
    connection.replyOk(connection.expectFrame("['1','1','" + TOPIC + "','phx_join',{}]"));
    assertThat(joined).succeedsWithin(WAIT);
    return connection;
  }

  /** Frames delivered to {@code channel} for {@code event}, in arrival order. */
  static BlockingQueue<Frame> record(PhoenixChannel channel, String event) {
    BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    channel.on(event, frames::add);
    return frames;
  }

  static Frame take(BlockingQueue<Frame> frames) throws InterruptedException {
    Frame frame = frames.poll(5, TimeUnit.SECONDS);
    assertThat(frame).as("a frame delivered within 5 s").isNotNull();
    return frame;
  }

  /**
   * Makes sure the client has processed everything the server sent on {@code connection} so far: frames on one
   * connection are handled in order, so once a probe frame sent afterwards has been delivered, so was the rest.
   */
  static void roundTrip(PhoenixSocket socket, HubConnection connection) throws InterruptedException {
    PhoenixChannel probe = socket.channel("probe");
    BlockingQueue<Frame> pings = record(probe, "ping");
    socket.awaitLoopIdle();
    connection.send("[null,null,'probe','ping',{}]");
    take(pings);
  }

  static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  // --- tests -----------------------------------------------------------------------------------------------------

  @Nested
  class Handshake {

    @Test
    void urlCarriesConnectParamsInOrderThenVsn() throws Exception {
      PhoenixSocket socket = socket(b -> b.param("note", "a b&c=d/é+"));

      socket.connect();

      assertThat(hub.takeRequest().getTarget())
          .isEqualTo("/debug_socket/websocket?api_key=K3y&note=a%20b%26c%3Dd%2F%C3%A9%2B&vsn=2.0.0");
    }

    @Test
    void refusedUpgradeIsReportedAsRefusedAndNeverRetried() throws Exception {
      hub.refuseNext(403);
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      CompletableFuture<JsonNode> joinTimedOut = outcome(channel.join(), TIMEOUT);

      socket.connect();

      listener.expect("refused 403");
      assertThat(socket.connectionState()).isEqualTo(ConnectionState.CLOSED);
      assertThat(scheduler.delaysOf("reconnect")).isEmpty();
      scheduler.advance(Duration.ofMinutes(5));
      assertThat(hub.requestCount()).isEqualTo(1);
      listener.expectNothingMore();
      assertThat(channel.state()).isEqualTo(ERRORED);
      assertThat(joinTimedOut).as("join timeout disarmed with the connection").isNotDone();
      assertThat(RecordingLogs.texts(Level.WARN)).anyMatch(t -> t.contains("refused with HTTP 403"));
    }

    @Test
    void connectAfterARefusalIsADeliberateNewAttempt() throws Exception {
      hub.refuseNext(403);
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.join();
      socket.connect();
      listener.expect("refused 403");

      socket.connect();

      HubConnection connection = hub.awaitConnection();
      listener.expect("open");
      connection.expectFrame("['2','2','" + TOPIC + "','phx_join',{}]");
    }
  }

  @Nested
  class Frames {

    @Test
    void connectJoinPushHeartbeatAndLeaveSendExactlyTheProtocolFrames() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      CompletableFuture<JsonNode> joined = outcome(channel.join(), OK);

      socket.connect();
      HubConnection hub1 = hub.awaitConnection();
      ArrayNode join = hub1.expectFrame("['1','1','debug_plugin:acme-echo','phx_join',{}]");
      listener.expect("open");
      hub1.reply(join, "ok", "{}");
      assertThat(joined).succeedsWithin(WAIT);
      assertThat(channel.state()).isEqualTo(JOINED);

      CompletableFuture<JsonNode> registered =
          outcome(channel.push("register_plugin", Json.object("{'name':'acme-echo'}")), OK);
      ArrayNode register =
          hub1.expectFrame("['1','2','debug_plugin:acme-echo','register_plugin',{'name':'acme-echo'}]");
      hub1.reply(register, "ok", "{'success':true}");
      assertThat(registered).succeedsWithin(WAIT).isEqualTo(Json.parse("{'success':true}"));

      assertThat(scheduler.remaining("heartbeat")).contains(Duration.ofSeconds(30));
      scheduler.advance(Duration.ofSeconds(30));
      hub1.replyOk(hub1.expectFrame("[null,'3','phoenix','heartbeat',{}]"));
      assertThat(scheduler.awaitArmed("heartbeat")).as("next beat one interval after the reply")
          .isEqualTo(Duration.ofSeconds(30));
      scheduler.advance(Duration.ofSeconds(30));
      hub1.replyOk(hub1.expectFrame("[null,'4','phoenix','heartbeat',{}]"));

      CompletableFuture<JsonNode> left = outcome(channel.leave(), OK);
      ArrayNode leave = hub1.expectFrame("['1','5','debug_plugin:acme-echo','phx_leave',{}]");
      assertThat(channel.state()).isEqualTo(LEAVING);
      assertThat(left).as("a leave waits for its reply").isNotDone();
      hub1.replyOk(leave);
      hub1.send("['1','1','debug_plugin:acme-echo','phx_close',{}]");
      assertThat(left).succeedsWithin(WAIT);
      assertThat(channel.state()).isEqualTo(CLOSED);

      socket.close();
      assertThat(hub1.expectClosing().code()).isEqualTo(1000);
      assertThat(scheduler.delaysOf("push-timeout")).containsOnly(Duration.ofSeconds(10));
    }

    @Test
    void messageWithAStaleJoinRefIsDroppedAndNullOrCurrentJoinRefIsDelivered() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      BlockingQueue<Frame> invokes = record(channel, "invoke_tool");
      HubConnection connection = connectAndJoin(socket, channel);

      connection.send("['99',null,'" + TOPIC + "','invoke_tool',{'request_id':'stale'}]");
      connection.send("[null,null,'" + TOPIC + "','invoke_tool',{'request_id':'broadcast'}]");
      connection.send("['1',null,'" + TOPIC + "','invoke_tool',{'request_id':'current'}]");

      assertThat(take(invokes).payload().get("request_id").asText()).isEqualTo("broadcast");
      assertThat(take(invokes).payload().get("request_id").asText()).isEqualTo("current");
      assertThat(invokes).isEmpty();
    }

    @Test
    void pushWithoutReplyTimesOutLocallyAndALateReplyIsIgnored() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection connection = connectAndJoin(socket, channel);
      Push push = channel.push("invoke_tool_response", Json.object("{'request_id':'r1'}"));
      CompletableFuture<JsonNode> timedOut = outcome(push, TIMEOUT);
      CompletableFuture<JsonNode> ok = outcome(push, OK);
      ArrayNode frame = connection.expectFrame("['1','2','" + TOPIC + "','invoke_tool_response',{'request_id':'r1'}]");

      scheduler.advance(Duration.ofSeconds(10));

      assertThat(timedOut).succeedsWithin(WAIT).isEqualTo(Json.parse("{}"));
      connection.replyOk(frame);
      roundTrip(socket, connection);
      assertThat(ok).isNotDone();
      assertThat(channel.state()).isEqualTo(JOINED);
    }

    @Test
    void replyHookRegisteredAfterTheOutcomeStillFires() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection connection = connectAndJoin(socket, channel);
      Push push = channel.push("hub_call:get_file_url", Json.object("{}"));
      connection.reply(connection.expectFrame(), "error", "{'reason':'nope'}");
      roundTrip(socket, connection);

      assertThat(outcome(push, ERROR)).succeedsWithin(WAIT).isEqualTo(Json.parse("{'reason':'nope'}"));
    }
  }

  @Nested
  class Heartbeat {

    @Test
    void heartbeatTimeoutClosesWith1000ThenReconnectsAndRejoinsWithANewJoinRef() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      BlockingQueue<Frame> invokes = record(channel, "invoke_tool");
      HubConnection hub1 = connectAndJoin(socket, channel);

      scheduler.advance(Duration.ofSeconds(30));
      hub1.expectFrame("[null,'2','phoenix','heartbeat',{}]");
      assertThat(scheduler.remaining("heartbeat-timeout")).contains(Duration.ofSeconds(30));
      scheduler.advance(Duration.ofSeconds(30)); // no reply

      HubConnection.Closing closing = hub1.expectClosing();
      assertThat(closing.code()).isEqualTo(1000);
      assertThat(closing.reason()).isEqualTo("heartbeat timeout");
      listener.expect("close 1000 heartbeat timeout");
      assertThat(channel.state()).isEqualTo(ERRORED);
      assertThat(scheduler.remaining("reconnect")).contains(Duration.ofMillis(10));

      scheduler.advance(Duration.ofMillis(10));
      HubConnection hub2 = hub.awaitConnection();
      listener.expect("open");
      hub2.replyOk(hub2.expectFrame("['3','3','" + TOPIC + "','phx_join',{}]"));
      await(() -> channel.state() == JOINED, "rejoined");

      hub2.send("['1',null,'" + TOPIC + "','invoke_tool',{'request_id':'old-join'}]");
      hub2.send("['3',null,'" + TOPIC + "','invoke_tool',{'request_id':'new-join'}]");
      assertThat(take(invokes).payload().get("request_id").asText()).isEqualTo("new-join");
    }

    @Test
    void anyRepliedHeartbeatKeepsTheConnection() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection connection = connectAndJoin(socket, channel);

      for (int beat = 2; beat <= 4; beat++) {
        scheduler.advance(Duration.ofSeconds(30));
        connection.replyOk(connection.expectFrame("[null,'" + beat + "','phoenix','heartbeat',{}]"));
        scheduler.awaitArmed("heartbeat");
      }

      assertThat(scheduler.delaysOf("reconnect")).isEmpty();
      assertThat(socket.isConnected()).isTrue();
    }
  }

  @Nested
  class Reconnect {

    @Test
    void serverDropReconnectsWithBackoffThenRejoins() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection hub1 = connectAndJoin(socket, channel);
      hub.breakNext();
      hub.breakNext();

      hub.dropConnections();
      listener.expect("transport-error", "close 1006");
      assertThat(channel.state()).isEqualTo(ERRORED);
      scheduler.advance(Duration.ofMillis(10));
      listener.expect("transport-error", "close 1006");
      scheduler.advance(Duration.ofMillis(50));
      listener.expect("transport-error", "close 1006");
      scheduler.advance(Duration.ofMillis(100));

      HubConnection hub2 = hub.awaitConnection();
      listener.expect("open");
      hub2.replyOk(hub2.expectFrame("['2','2','" + TOPIC + "','phx_join',{}]"));
      await(() -> channel.state() == JOINED, "rejoined");
      assertThat(scheduler.delaysOf("reconnect"))
          .containsExactly(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(scheduler.delaysOf("rejoin")).as("rejoin on reopen is immediate").isEmpty();

      hub.dropConnections();
      listener.expect("transport-error", "close 1006");
      assertThat(scheduler.remaining("reconnect")).as("tries reset by the open").contains(Duration.ofMillis(10));
    }

    @Test
    void pushMadeWhileDisconnectedIsSentAfterTheRejoinWithFreshRefs() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection hub1 = connectAndJoin(socket, channel);
      hub.dropConnections();
      listener.expect("transport-error", "close 1006");

      Push push = channel.push("invoke_tool_response", Json.object("{'request_id':'r1'}")); // takes ref 2
      scheduler.advance(Duration.ofMillis(10));
      HubConnection hub2 = hub.awaitConnection();
      hub2.replyOk(hub2.expectFrame("['3','3','" + TOPIC + "','phx_join',{}]"));

      ArrayNode sent = hub2.expectFrame("['3','4','" + TOPIC + "','invoke_tool_response',{'request_id':'r1'}]");
      hub2.replyOk(sent);
      assertThat(outcome(push, OK)).succeedsWithin(WAIT);
    }

    @Test
    void serverCloseWith1012Reconnects() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection hub1 = connectAndJoin(socket, channel);

      hub1.close(1012, "service restart");

      listener.expect("close 1012 service restart");
      assertThat(scheduler.remaining("reconnect")).contains(Duration.ofMillis(10));
      scheduler.advance(Duration.ofMillis(10));
      hub.awaitConnection().expectFrame("['2','2','" + TOPIC + "','phx_join',{}]");
    }

    @Test
    void serverCloseWith1000DoesNotReconnect() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection hub1 = connectAndJoin(socket, channel);

      hub1.close(1000, "bye");

      listener.expect("close 1000 bye");
      assertThat(scheduler.delaysOf("reconnect")).isEmpty();
      assertThat(channel.state()).isEqualTo(ERRORED);
    }

    @Test
    void clientDisconnectNeverReconnectsWhateverTheCode() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection hub1 = connectAndJoin(socket, channel);

      socket.disconnect(1001, "going away");

      HubConnection.Closing closing = hub1.expectClosing();
      assertThat(closing.code()).isEqualTo(1001);
      assertThat(closing.reason()).isEqualTo("going away");
      listener.expect("close 1001 going away");
      scheduler.advance(Duration.ofMinutes(5));
      assertThat(scheduler.delaysOf("reconnect")).isEmpty();
      assertThat(scheduler.delaysOf("rejoin")).isEmpty();
      assertThat(hub.requestCount()).isEqualTo(1);
      assertThat(socket.connectionState()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void connectAfterDisconnectRejoinsErroredChannels() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection hub1 = connectAndJoin(socket, channel);
      socket.disconnect(1000, "");
      hub1.expectClosing();
      listener.expect("close 1000");

      socket.connect();

      HubConnection hub2 = hub.awaitConnection();
      hub2.expectFrame("['2','2','" + TOPIC + "','phx_join',{}]");
    }
  }

  @Nested
  class Buffering {

    @Test
    void pushBeforeJoinIsFlushedAfterJoinOkWithAFreshRef() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.join(); // ref 1, waits in the socket buffer
      Push early = channel.push("early", Json.object("{'n':1}")); // ref 2 while buffered
      CompletableFuture<JsonNode> earlyOk = outcome(early, OK);

      socket.connect();
      HubConnection connection = hub.awaitConnection();
      ArrayNode join = connection.expectFrame("['1','1','" + TOPIC + "','phx_join',{}]");
      connection.replyOk(join);

      ArrayNode flushed = connection.expectFrame("['1','3','" + TOPIC + "','early',{'n':1}]");
      connection.reply(flushed, "ok", "{'n':2}");
      assertThat(earlyOk).succeedsWithin(WAIT).isEqualTo(Json.parse("{'n':2}"));
    }

    @Test
    void bufferedPushThatTimedOutIsDiscardedAtFlush() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.join();
      Push stale = channel.push("stale", Json.object("{}"), Duration.ofSeconds(1));
      CompletableFuture<JsonNode> staleTimedOut = outcome(stale, TIMEOUT);
      socket.connect();
      HubConnection connection = hub.awaitConnection();
      ArrayNode join = connection.expectFrame("['1','1','" + TOPIC + "','phx_join',{}]");
      listener.expect("open");

      scheduler.advance(Duration.ofSeconds(1));
      assertThat(staleTimedOut).succeedsWithin(WAIT);
      connection.replyOk(join);
      await(() -> channel.state() == JOINED, "joined");
      channel.push("fresh", Json.object("{}"));

      connection.expectFrame("['1','3','" + TOPIC + "','fresh',{}]");
    }

    @Test
    void leaveWhileDisconnectedCompletesAtOnceAndNothingIsSentLater() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.join(); // buffered in the socket

      assertThat(outcome(channel.leave(), OK)).succeedsWithin(WAIT);
      assertThat(channel.state()).isEqualTo(CLOSED);

      socket.connect();
      HubConnection connection = hub.awaitConnection();
      listener.expect("open");
      scheduler.advance(Duration.ofSeconds(30));
      connection.expectFrame("[null,'2','phoenix','heartbeat',{}]");
    }
  }

  @Nested
  class Rejoin {

    @Test
    void joinErrorRejoinsWithBackoffUntilOk() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      Push join = channel.join();
      AtomicInteger errors = new AtomicInteger();
      join.receive(ERROR, response -> errors.incrementAndGet());
      socket.connect();
      HubConnection connection = hub.awaitConnection();

      connection.reply(connection.expectFrame("['1','1','" + TOPIC + "','phx_join',{}]"), "error", "{'reason':'x'}");
      assertThat(scheduler.awaitArmed("rejoin")).isEqualTo(Duration.ofSeconds(1));
      assertThat(channel.state()).isEqualTo(ERRORED);
      scheduler.advance(Duration.ofSeconds(1));
      connection.reply(connection.expectFrame("['2','2','" + TOPIC + "','phx_join',{}]"), "error", "{'reason':'x'}");
      assertThat(scheduler.awaitArmed("rejoin")).isEqualTo(Duration.ofSeconds(2));
      scheduler.advance(Duration.ofSeconds(2));
      connection.replyOk(connection.expectFrame("['3','3','" + TOPIC + "','phx_join',{}]"));

      await(() -> channel.state() == JOINED, "joined");
      assertThat(errors).hasValue(2);
      assertThat(scheduler.delaysOf("rejoin")).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void joinTimeoutSendsLeaveThenRejoinsWithBackoff() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      CompletableFuture<JsonNode> timedOut = outcome(channel.join(), TIMEOUT);
      socket.connect();
      HubConnection connection = hub.awaitConnection();
      connection.expectFrame("['1','1','" + TOPIC + "','phx_join',{}]");
      listener.expect("open");

      scheduler.advance(Duration.ofSeconds(10));

      assertThat(timedOut).succeedsWithin(WAIT);
      connection.expectFrame("['1','2','" + TOPIC + "','phx_leave',{}]");
      assertThat(channel.state()).isEqualTo(ERRORED);
      assertThat(scheduler.remaining("rejoin")).contains(Duration.ofSeconds(1));
      scheduler.advance(Duration.ofSeconds(1));
      connection.expectFrame("['3','3','" + TOPIC + "','phx_join',{}]");
    }

    @Test
    void phxErrorFromTheServerRejoinsWithBackoff() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      BlockingQueue<Frame> errors = record(channel, "phx_error");
      HubConnection connection = connectAndJoin(socket, channel);

      connection.send("['1','1','" + TOPIC + "','phx_error',{}]");

      take(errors);
      assertThat(channel.state()).isEqualTo(ERRORED);
      assertThat(scheduler.awaitArmed("rejoin")).isEqualTo(Duration.ofSeconds(1));
      scheduler.advance(Duration.ofSeconds(1));
      connection.expectFrame("['2','2','" + TOPIC + "','phx_join',{}]");
    }

    @Test
    void phxCloseFromTheServerClosesTheChannelForGood() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      BlockingQueue<Frame> closes = record(channel, "phx_close");
      HubConnection hub1 = connectAndJoin(socket, channel);

      hub1.send("['1','1','" + TOPIC + "','phx_close',{}]");

      take(closes);
      assertThat(channel.state()).isEqualTo(CLOSED);
      assertThat(scheduler.isArmed("rejoin")).isFalse();
      hub.dropConnections();
      listener.expect("transport-error", "close 1006");
      scheduler.advance(Duration.ofMillis(10));
      HubConnection hub2 = hub.awaitConnection();
      listener.expect("open");
      scheduler.advance(Duration.ofSeconds(30));
      hub2.expectFrame("[null,'2','phoenix','heartbeat',{}]"); // no join went out before it
      assertThat(channel.state()).isEqualTo(CLOSED);
    }

    @Test
    void unmatchedTopicReplyToAPushMarksTheChannelErroredAndRejoins() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection connection = connectAndJoin(socket, channel);
      Push push = channel.push("hub_call:get_file_url", Json.object("{'request_id':'q'}"));
      CompletableFuture<JsonNode> failed = outcome(push, ERROR);
      connection.expectFrame("['1','2','" + TOPIC + "','hub_call:get_file_url',{'request_id':'q'}]");

      connection.send(
          "[null,'2','" + TOPIC + "','phx_reply',{'status':'error','response':{'reason':'unmatched topic'}}]");

      assertThat(failed).succeedsWithin(WAIT).isEqualTo(Json.parse("{'reason':'unmatched topic'}"));
      assertThat(channel.state()).isEqualTo(ERRORED);
      assertThat(scheduler.awaitArmed("rejoin")).isEqualTo(Duration.ofSeconds(1));
      scheduler.advance(Duration.ofSeconds(1));
      connection.expectFrame("['3','3','" + TOPIC + "','phx_join',{}]");
    }

    @Test
    void ordinaryErrorReplyLeavesTheChannelJoined() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection connection = connectAndJoin(socket, channel);
      Push push = channel.push("register_plugin", Json.object("{}"));

      connection.reply(connection.expectFrame(), "error", "{'reason':'invalid definition'}");

      assertThat(outcome(push, ERROR)).succeedsWithin(WAIT);
      assertThat(channel.state()).isEqualTo(JOINED);
      assertThat(scheduler.isArmed("rejoin")).isFalse();
    }

    @Test
    void leaveWithoutReplyClosesTheChannelAtItsTimeout() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection connection = connectAndJoin(socket, channel);
      CompletableFuture<JsonNode> leftByTimeout = outcome(channel.leave(), TIMEOUT);
      connection.expectFrame("['1','2','" + TOPIC + "','phx_leave',{}]");

      scheduler.advance(Duration.ofSeconds(10));

      assertThat(leftByTimeout).succeedsWithin(WAIT);
      assertThat(channel.state()).isEqualTo(CLOSED);
    }
  }

  @Nested
  class Robustness {

    @Test
    void malformedFramesAreIgnoredAndTheConnectionKeepsServing() throws Exception {
      PhoenixSocket socket = socket(b -> b.maxFrameBytes(64 * 1024));
      PhoenixChannel channel = socket.channel(TOPIC);
      BlockingQueue<Frame> events = record(channel, "e");
      HubConnection connection = connectAndJoin(socket, channel);
      String t = "\"" + TOPIC + "\"";
      List<String> malformed =
          List.of(
              "not json at all",
              "",
              "{\"topic\":" + t + "}",
              "[null,null," + t + ",\"e\"]",
              "[null,null," + t + ",\"e\",{},{}]",
              "[1,null," + t + ",\"e\",{}]",
              "[null,2," + t + ",\"e\",{}]",
              "[null,null,42,\"e\",{}]",
              "[null,null," + t + ",null,{}]",
              "[null,null," + t + ",\"e\",[]]",
              "[null,null," + t + ",\"e\",\"text\"]",
              "[null,null," + t + ",\"e\",null]",
              "[null,null," + t + ",\"e\",{}] trailing",
              "[null,null," + t + ",\"e\",{\"unterminated\":",
              "[null,null," + t + ",\"e\",{\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + "}]",
              "[null,null," + t + ",\"e\",{\"huge\":\"" + "x".repeat(100_000) + "\"}]");

      malformed.forEach(connection::sendRaw);
      connection.sendBinary(new byte[] {1, 2, 3});
      connection.send("[null,null,'" + TOPIC + "','e',{'valid':true}]");

      assertThat(take(events).payload()).isEqualTo(Json.parse("{'valid':true}"));
      assertThat(events).isEmpty();
      Push push = channel.push("still_serving", Json.object("{}"));
      connection.replyOk(connection.expectFrame("['1','2','" + TOPIC + "','still_serving',{}]"));
      assertThat(outcome(push, OK)).succeedsWithin(WAIT);
      listener.expectNothingMore();
      // The first few are logged; the rest are counted for a summary (the peer decides how many it sends).
      assertThat(RecordingLogs.texts(Level.WARN))
          .filteredOn(text -> text.startsWith("ignoring malformed frame"))
          .hasSize(Math.min(malformed.size(), WarningLimiter.BURST));
      assertThat(RecordingLogs.texts(Level.WARN)).anyMatch(text -> text.startsWith("ignoring binary frame"));
      assertThat(RecordingLogs.all()).as("frame content is never logged").doesNotContain("xxxxxxxxxx");
    }

    @Test
    void handlerThatThrowsIsLoggedAndOtherHandlersStillRun() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.on("boom", frame -> {
        throw new IllegalStateException("handler bug");
      });
      BlockingQueue<Frame> after = record(channel, "boom");
      HubConnection connection = connectAndJoin(socket, channel);

      connection.send("[null,null,'" + TOPIC + "','boom',{}]");
      connection.send("[null,null,'" + TOPIC + "','boom',{}]");

      take(after);
      take(after);
      assertThat(RecordingLogs.texts(Level.WARN)).anyMatch(t -> t.contains("handler bug"));
      assertThat(socket.isConnected()).isTrue();
    }

    @Test
    void oversizedOutgoingPayloadIsRejectedAtTheCallSite() throws Exception {
      PhoenixSocket socket = socket(b -> b.maxFrameBytes(1024));
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.join();

      assertThatThrownBy(() -> channel.push("big", Json.object("{'blob':'" + "y".repeat(2000) + "'}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("over the limit");
    }

    @Test
    void oversizedPreSerializedPayloadIsRejectedAtTheCallSite() throws Exception {
      PhoenixSocket socket = socket(b -> b.maxFrameBytes(1024));
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.join();

      assertThatThrownBy(() -> channel.pushJson("big", "{\"blob\":\"" + "y".repeat(2000) + "\"}",
          Duration.ofSeconds(5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("over the limit");
    }

    @Test
    void preSerializedPayloadIsSentAsItIsAndGetsItsReply() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      HubConnection connection = connectAndJoin(socket, channel);

      CompletableFuture<JsonNode> registered = outcome(
          channel.pushJson("register_plugin", "{\"name\":\"acme-echo\",\"tools\":[]}", Duration.ofSeconds(5)), OK);
      ArrayNode register =
          connection.expectFrame("['1','2','" + TOPIC + "','register_plugin',{'name':'acme-echo','tools':[]}]");
      connection.reply(register, "ok", "{'success':true}");

      assertThat(registered).succeedsWithin(WAIT).isEqualTo(Json.parse("{'success':true}"));
    }

    @Test
    void apiKeyNeverAppearsInLogsListenerTextsOrExceptionMessages() throws Exception {
      String secret = "sekret-K3y-0042";
      hub.refuseNext(403);
      PhoenixSocket refused = socket(b -> b.param("api_key", secret));
      refused.connect();
      listener.expect("refused 403");

      int closedPort;
      try (ServerSocket probe = new ServerSocket(0)) {
        closedPort = probe.getLocalPort();
      }
      RecordingSocketListener unreachableListener = new RecordingSocketListener();
      PhoenixSocket unreachable =
          PhoenixSocket.builder("ws://127.0.0.1:" + closedPort + "/debug_socket")
              .param("api_key", secret)
              .client(CLIENT)
              .listener(unreachableListener)
              .scheduler(new ManualScheduler())
              .build();
      sockets.add(unreachable);
      unreachable.connect();
      unreachableListener.expect("transport-error", "close 1006");

      assertThatThrownBy(() -> PhoenixSocket.builder("ftp://host/debug_socket").param("api_key", secret).build())
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).contains("api_key=REDACTED"));
      assertThat(refused.toString()).doesNotContain(secret).contains("api_key=REDACTED");
      assertThat(unreachableListener.transportErrors).isNotEmpty().noneMatch(m -> m.contains(secret));
      assertThat(RecordingLogs.all()).doesNotContain(secret).contains("api_key=REDACTED");
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void closeDisconnectsWith1000AndStopsTheLoopThread() throws Exception {
      PhoenixSocket socket = socket();
      socket.connect();
      HubConnection connection = hub.awaitConnection();
      listener.expect("open");

      socket.close();

      assertThat(connection.expectClosing().code()).isEqualTo(1000);
      assertThat(socket.isLoopTerminated()).isTrue();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals(socket.threadName())) {
          thread.join(WAIT.toMillis());
          assertThat(thread.isAlive()).as("loop thread ended").isFalse();
        }
      }
      assertThatThrownBy(socket::connect).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void handlersHooksAndListenerAllRunOnTheSocketLoopThread() throws Exception {
      List<String> threads = new CopyOnWriteArrayList<>();
      PhoenixSocket socket =
          socket(b -> b.listener(new SocketListener() {
            @Override
            public void onOpen() {
              threads.add(Thread.currentThread().getName());
            }
          }));
      PhoenixChannel channel = socket.channel(TOPIC);
      BlockingQueue<Frame> events = new LinkedBlockingQueue<>();
      channel.on("e", frame -> {
        threads.add(Thread.currentThread().getName());
        events.add(frame);
      });
      CompletableFuture<String> hookThread = new CompletableFuture<>();
      channel.join().receive(OK, response -> hookThread.complete(Thread.currentThread().getName()));
      socket.connect();
      HubConnection connection = hub.awaitConnection();
      connection.replyOk(connection.expectFrame());
      connection.send("[null,null,'" + TOPIC + "','e',{}]");
      take(events);

      assertThat(hookThread).succeedsWithin(WAIT).isEqualTo(socket.threadName());
      assertThat(threads).containsOnly(socket.threadName()).hasSize(2);
    }

    @Test
    void leavingTwiceClosesOnceAndTheSecondLeaveCompletesAtOnce() throws Exception {
      PhoenixSocket socket = socket();
      PhoenixChannel channel = socket.channel(TOPIC);
      BlockingQueue<Frame> closes = record(channel, "phx_close");
      HubConnection connection = connectAndJoin(socket, channel);
      channel.leave();
      connection.replyOk(connection.expectFrame("['1','2','" + TOPIC + "','phx_leave',{}]"));
      take(closes);

      assertThat(outcome(channel.leave(), OK)).succeedsWithin(WAIT);
      scheduler.advance(Duration.ofSeconds(30));
      connection.expectFrame("[null,'3','phoenix','heartbeat',{}]"); // the second leave sent nothing
      assertThat(closes).isEmpty();
    }

    @Test
    void joiningTwiceIsRejected() {
      PhoenixChannel channel = socket().channel(TOPIC);
      channel.join();

      assertThatThrownBy(channel::join).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pushBeforeJoinIsRejected() {
      PhoenixChannel channel = socket().channel(TOPIC);

      assertThatThrownBy(() -> channel.push("early", Json.object("{}")))
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withWallClockTimersHeartbeatsFlowAndAMissedReplyForcesReconnectAndRejoin() throws Exception {
      PhoenixSocket socket =
          PhoenixSocket.builder(hub.endpoint("/debug_socket"))
              .client(CLIENT)
              .listener(listener)
              .heartbeatInterval(Duration.ofMillis(250)) // roomy: a slow CI must not miss a beat
              .reconnectBackoff(Backoff.constant(Duration.ofMillis(20)))
              .build();
      sockets.add(socket);
      PhoenixChannel channel = socket.channel(TOPIC);
      channel.join();
      socket.connect();

      HubConnection hub1 = hub.awaitConnection();
      ArrayNode join = hub1.expectFrame();
      assertThat(join.get(3).asText()).isEqualTo("phx_join");
      hub1.replyOk(join);
      List<String> beats = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 2; i++) {
        ArrayNode beat = hub1.expectFrame();
        assertThat(beat.get(3).asText()).isEqualTo("heartbeat");
        beats.add(beat.get(1).asText());
        hub1.replyOk(beat);
      }
      assertThat(hub1.expectFrame().get(3).asText()).isEqualTo("heartbeat"); // left unanswered
      HubConnection.Closing closing = hub1.expectClosing();
      assertThat(closing.code()).isEqualTo(1000);
      assertThat(closing.reason()).isEqualTo("heartbeat timeout");

      HubConnection hub2 = hub.awaitConnection();
      ArrayNode rejoin = hub2.expectFrame();
      assertThat(rejoin.get(3).asText()).isEqualTo("phx_join");
      assertThat(rejoin.get(0)).isEqualTo(rejoin.get(1)).isNotEqualTo(join.get(0));
      listener.expect("open", "close 1000 heartbeat timeout", "open");
      assertThat(beats).doesNotHaveDuplicates();
    }
  }
}
