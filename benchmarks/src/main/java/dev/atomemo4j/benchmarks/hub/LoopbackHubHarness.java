package dev.atomemo4j.benchmarks.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.devhub.phoenix.ChannelHandler;
import dev.atomemo4j.devhub.phoenix.LeaveReason;
import dev.atomemo4j.devhub.phoenix.PhoenixChannel;
import dev.atomemo4j.devhub.phoenix.PhoenixServer;
import dev.atomemo4j.devhub.phoenix.Reply;
import dev.atomemo4j.devhub.phoenix.SocketKind;
import dev.atomemo4j.runtime.PluginServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The {@link HubHarness} of measures 1, 2, 6 and 7: the dev hub's {@link PhoenixServer} on 127.0.0.1 (an ephemeral
 * port) plays the Hub. It accepts joins, answers {@code register_plugin} with {@code {"success": true}}, never
 * answers {@code *_response}/{@code *_error} pushes (as the Hub), pushes {@code invoke_tool} frames and matches each
 * answer by its {@code request_id}. Both sides go through the same server and the same sending code; only the client
 * differs: the runtime serving a plugin, or {@link RawClient} (OkHttp, precomputed answers).
 */
public final class LoopbackHubHarness implements HubHarness {

  static final String API_KEY = "bench-debug-key";
  /** The longest a client may take to join (and register). */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  /** After a run, how long answers still in flight are waited for before they count as timeouts. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
  static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(120);

  private final PhoenixServer server;
  private final Path workDir;
  private final Map<String, Client> bySubtopic = new ConcurrentHashMap<>();
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final AtomicInteger rawIds = new AtomicInteger();
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
  /** The plugin being started: it takes the first unknown topic that joins (plugins are started one at a time). */
  private volatile Client expecting;

  public LoopbackHubHarness() throws IOException {
    this.workDir = Files.createTempDirectory("atomemo4j-bench-hub");
    this.server = PhoenixServer.builder()
        .host("127.0.0.1")
        .port(0)
        .debugApiKey(API_KEY)
        .idleTimeout(Duration.ofMinutes(10))
        .channelHandler(new Handler())
        .build();
    server.start();
  }

  /** The base URL the runtime is given ({@code HUB_WS_URL}); it appends {@code /debug_socket/websocket}. */
  String hubUrl() {
    return "ws://127.0.0.1:" + server.port();
  }

  @Override
  public Driver startPlugin(Class<?> pluginClass, Path java, String... jvmArgs) throws Exception {
    return start(pluginClass, java, PluginProcess.class, System.getProperty("java.class.path"), jvmArgs);
  }

  @Override
  public Duration startUntilRegistered(Class<?> pluginClass, Path java, String classPath, String... jvmArgs)
      throws Exception {
    long began = System.nanoTime();
    Client c = start(pluginClass, java, StartupProcess.class, classPath, jvmArgs);
    try {
      return Duration.ofNanos(c.registeredNanos - began);
    } finally {
      c.close();
    }
  }

  private Client start(Class<?> pluginClass, Path java, Class<?> main, String classPath, String... jvmArgs)
      throws Exception {
    Client c = new Client(pluginClass.getSimpleName());
    Path dir = Files.createTempDirectory(workDir, "plugin");
    expecting = c;
    try {
      if (java == null) {
        PluginServer ps = PluginProcess.start(pluginClass, hubUrl(), API_KEY, dir);
        c.stopper = ps::close;
      } else {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(List.of(jvmArgs));
        // For profiling a child, e.g. ATOMEMO4J_BENCH_CHILD_OPTS=-XX:StartFlightRecording=filename=/tmp/c-%p.jfr
        String extra = System.getenv("ATOMEMO4J_BENCH_CHILD_OPTS");
        if (extra != null && !extra.isBlank()) {
          cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main.getName());
        cmd.add(pluginClass.getName());
        cmd.add(hubUrl());
        cmd.add(API_KEY);
        cmd.add(dir.toString());
        Process p = new ProcessBuilder(cmd)
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
        c.process = p;
        c.toChild = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        c.fromChild = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      }
      clients.add(c);
      try {
        awaitReady(c, "plugin " + pluginClass.getName() + (java == null ? "" : " on " + java));
      } catch (IllegalStateException e) {
        throw new IllegalStateException(e.getMessage() + childLog(dir), e);
      }
      return c;
    } catch (Exception | Error e) {
      c.close();
      throw e;
    } finally {
      expecting = null;
    }
  }

  @Override
  public Driver startRawClient() throws Exception {
    String subtopic = "raw-client-" + rawIds.incrementAndGet();
    Client c = new Client(subtopic);
    c.readyOnJoin = true;
    bySubtopic.put(subtopic, c);
    clients.add(c);
    try {
      RawClient raw = new RawClient(SocketKind.DEBUG.topicPrefix() + subtopic);
      Request request = new Request.Builder()
          .url(server.websocketUri(SocketKind.DEBUG).toString().replaceFirst("^ws:", "http:")
              + "?api_key=" + API_KEY + "&vsn=2.0.0")
          .build();
      WebSocket ws = http.newWebSocket(request, raw);
      c.stopper = () -> ws.close(1000, "done");
      awaitReady(c, "raw client");
      return c;
    } catch (Exception | Error e) {
      c.close();
      throw e;
    }
  }

  /** The end of a child JVM's standard error, for an error message (the directory goes with the harness). */
  private static String childLog(Path dir) {
    try {
      Path log = dir.resolve("stderr.log");
      if (!Files.exists(log)) {
        return "";
      }
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "" : "; its standard error ends:\n" + text.substring(Math.max(0, text.length() - 2000));
    } catch (IOException e) {
      return "";
    }
  }

  private static void awaitReady(Client c, String what) throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      try {
        c.ready.get(100, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        Process p = c.process;
        if (p != null && !p.isAlive()) {
          throw new IllegalStateException(what + " exited with status " + p.exitValue() + " before registering");
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(what + " did not join and register within " + READY_TIMEOUT, e);
        }
      }
    }
  }

  @Override
  public void close() {
    for (Client c : clients) {
      c.close();
    }
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Hub side of every connection. */
  private final class Handler implements ChannelHandler {

    @Override
    public void onJoin(PhoenixChannel channel) {
      Client c = bySubtopic.get(channel.subtopic());
      if (c == null) {
        c = expecting;
        if (c == null) {
          return;
        }
        bySubtopic.put(channel.subtopic(), c);
      }
      c.channel = channel;
      if (c.readyOnJoin) { // the raw client is ready once joined; a plugin once registered
        c.ready.complete(null);
      }
    }

    @Override
    public Reply onEvent(PhoenixChannel channel, String event, ObjectNode payload, String ref) {
      Client c = bySubtopic.get(channel.subtopic());
      switch (event) {
        case "register_plugin" -> {
          if (c != null) {
            c.registeredNanos = System.nanoTime();
            c.ready.complete(null);
          }
          return Reply.ok(JsonNodeFactory.instance.objectNode().put("success", true));
        }
        case "invoke_tool_response", "invoke_tool_error" -> {
          if (c != null) {
            JsonNode id = payload.get("request_id");
            if (id != null && id.isTextual()) {
              c.answered(id.textValue(), event.equals("invoke_tool_error"));
            }
          }
          return Reply.noReply();
        }
        default -> {
          return Reply.noReply();
        }
      }
    }

    @Override
    public void onLeave(PhoenixChannel channel, LeaveReason reason) {}
  }

  /** One run's bookkeeping: what is counted, recorded and awaited while the requests of that run are answered. */
  private static final class Run {
    final Semaphore window;
    final Histogram histogram;
    final CountDownLatch remaining;
    final AtomicLong completed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    volatile long lastAnswerNanos;

    Run(Semaphore window, Histogram histogram, CountDownLatch remaining) {
      this.window = window;
      this.histogram = histogram;
      this.remaining = remaining;
    }
  }

  /** One connected client (a plugin or the raw client) and the traffic the harness sends it. */
  private final class Client implements Driver {
    final String name;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** request id → the time it was (meant to be) sent, in nanos. */
    final Map<String, Long> pending = new ConcurrentHashMap<>();
    final AtomicLong ids = new AtomicLong();
    volatile PhoenixChannel channel;
    volatile Run run;
    volatile AutoCloseable stopper;
    volatile Process process;
    volatile boolean readyOnJoin;
    /** When {@code register_plugin} arrived (measure 8). */
    volatile long registeredNanos;
    Writer toChild;
    BufferedReader fromChild;
    private boolean closed;

    Client(String name) {
      this.name = name;
    }

    void answered(String id, boolean error) {
      Long sent = pending.remove(id);
      Run r = run;
      if (sent == null || r == null) {
        return;
      }
      long now = System.nanoTime();
      if (error) {
        r.errors.incrementAndGet();
      } else {
        r.completed.incrementAndGet();
      }
      if (r.histogram != null) {
        r.histogram.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, (now - sent) / 1000)));
      }
      r.lastAnswerNanos = now;
      if (r.window != null) {
        r.window.release();
      }
      if (r.remaining != null) {
        r.remaining.countDown();
      }
    }

    /** Pushes one {@code invoke_tool}; false if the channel did not take it. */
    boolean send(String tool, JsonNode parameters, long sentNanos) {
      String id = name + "-" + ids.incrementAndGet();
      ObjectNode payload = JsonNodeFactory.instance.objectNode();
      payload.put("request_id", id);
      payload.put("tool_name", tool);
      payload.set("parameters", parameters);
      pending.put(id, sentNanos);
      if (!channel.push("invoke_tool", payload)) {
        pending.remove(id);
        return false;
      }
      return true;
    }

    /** Waits until nothing is pending (at most {@link #DRAIN_TIMEOUT}); returns how many never came back. */
    int drain() throws InterruptedException {
      long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      int lost = pending.size();
      pending.clear();
      return lost;
    }

    @Override
    public Throughput saturate(String tool, JsonNode parameters, int inFlight, Duration duration) throws Exception {
      closedLoop(tool, parameters, inFlight, duration); // warm-up
      return closedLoop(tool, parameters, inFlight, duration);
    }

    private Throughput closedLoop(String tool, JsonNode parameters, int inFlight, Duration duration)
        throws Exception {
      Run r = new Run(new Semaphore(inFlight), null, null);
      run = r;
      long sendErrors = 0;
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long now;
      while ((now = System.nanoTime()) < end) {
        if (r.window.tryAcquire(Math.min(end - now, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS)) {
          if (!send(tool, parameters, System.nanoTime())) {
            sendErrors++;
            r.window.release();
          }
        }
      }
      long elapsed = System.nanoTime() - start;
      long done = r.completed.get();
      long errors = r.errors.get() + sendErrors + drain();
      run = null;
      return new Throughput(done / (elapsed / 1e9), done, errors);
    }

    @Override
    public Histogram fixedRate(String tool, JsonNode parameters, double perSecond, Duration duration)
        throws Exception {
      openLoop(tool, parameters, perSecond, duration.dividedBy(2)); // warm-up at the same rate
      return openLoop(tool, parameters, perSecond, duration);
    }

    private Histogram openLoop(String tool, JsonNode parameters, double perSecond, Duration duration)
        throws Exception {
      Histogram h = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
      Run r = new Run(null, h, null);
      run = r;
      double periodNanos = 1e9 / perSecond;
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      for (long i = 0; ; i++) {
        long intended = start + (long) (i * periodNanos);
        if (intended >= end) {
          break;
        }
        long wait;
        while ((wait = intended - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        // Latency counts from the intended send time: a late send (the sender or the client falling behind) is
        // charged to the request, never omitted (coordinated omission).
        if (!send(tool, parameters, intended)) {
          r.errors.incrementAndGet();
        }
      }
      long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      long now = System.nanoTime();
      for (Long sent : pending.values()) { // never answered: recorded as they stand at the deadline
        h.recordValue(Math.min(MAX_LATENCY_MICROS, (now - sent) / 1000));
      }
      pending.clear();
      run = null;
      return h;
    }

    @Override
    public Burst burst(String tool, JsonNode parameters, int count, Duration timeout) throws Exception {
      resetPeak();
      Run r = new Run(null, null, new CountDownLatch(count));
      run = r;
      long sendErrors = 0;
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (!send(tool, parameters, start)) {
          sendErrors++;
          r.remaining.countDown();
        }
      }
      boolean all = r.remaining.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      long end = all ? r.lastAnswerNanos : System.nanoTime();
      long lost = pending.size();
      pending.clear();
      run = null;
      return new Burst(Duration.ofNanos(Math.max(1, end - start)), r.completed.get(),
          r.errors.get() + sendErrors + lost, peakHeap());
    }

    @Override
    public long liveHeapAfterGc() throws Exception {
      if (process == null) {
        throw new UnsupportedOperationException("live heap needs the plugin in a child JVM");
      }
      Thread.sleep(500); // let start-up work settle
      return Long.parseLong(ask("gc", "HEAP "));
    }

    private void resetPeak() throws IOException {
      if (process != null) {
        ask("resetpeak", "OK");
      }
    }

    private long peakHeap() throws IOException {
      if (process != null) {
        return Long.parseLong(ask("peak", "PEAK "));
      }
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(); // this JVM: a lower bound
    }

    private synchronized String ask(String command, String answerPrefix) throws IOException {
      toChild.write(command + "\n");
      toChild.flush();
      String line;
      while ((line = fromChild.readLine()) != null) {
        if (line.startsWith(answerPrefix)) {
          return line.substring(answerPrefix.length()).trim();
        }
      }
      throw new IOException("the plugin's JVM ended before answering " + command);
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (process != null) {
          try {
            toChild.close(); // end of input: the child closes its server and exits
          } catch (IOException ignored) {
            // already gone
          }
          if (!process.waitFor(60, TimeUnit.SECONDS)) { // long enough for a class-data archive to be written
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
          }
        } else if (stopper != null) {
          stopper.close();
        }
      } catch (Exception e) {
        // closing is best effort: the harness goes on with the next client
      } finally {
        PhoenixChannel ch = channel;
        if (ch != null) {
          bySubtopic.remove(ch.subtopic(), this);
        }
      }
    }
  }

  /**
   * The transport's limit: joins, then answers each {@code invoke_tool} with a precomputed
   * {@code invoke_tool_response} frame after cutting only the request id out of the text (no JSON tree, no decode, no
   * tool).
   */
  private static final class RawClient extends WebSocketListener {
    private static final String ID_KEY = "\"request_id\":\"";
    private final String topic;
    private final String prefix;
    private final String suffix;

    RawClient(String topic) {
      this.topic = topic;
      this.prefix = "[\"1\",\"2\",\"" + topic + "\",\"invoke_tool_response\",{\"request_id\":\"";
      this.suffix = "\",\"data\":{\"seq\":1,\"length\":10}}]";
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      ws.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      if (!text.contains("\"invoke_tool\"")) {
        return;
      }
      int from = text.indexOf(ID_KEY);
      if (from < 0) {
        return;
      }
      from += ID_KEY.length();
      int to = text.indexOf('"', from);
      ws.send(prefix + text.substring(from, to) + suffix);
    }
  }
}
