package dev.atomemo4j.benchmarks.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * THE HOOK for measures 1, 2, 6 and 7: everything they need from the Hub transport, which is not ready yet
 * ({@code dev.atomemo4j.runtime.Atomemo4j} and the dev hub are being written). {@link HubHarnesses#find()} returns
 * none today, so those measures print "not measured yet: needs the Hub transport" and never a number.
 *
 * <p>To plug them in, implement this interface (e.g. {@code LoopbackHubHarness} in this package) and return it from
 * {@link HubHarnesses#find()}:
 *
 * <ul>
 *   <li>a <b>load generator that plays the Hub</b>: a WebSocket server on 127.0.0.1 (an ephemeral port) speaking
 *       Phoenix Channels V2 as hub-protocol says: accepts the plugin's join and {@code register_plugin}, then sends
 *       {@code invoke_tool} frames, keeping a fixed number in flight ({@link Driver#saturate}) or at a fixed rate
 *       ({@link Driver#fixedRate}), and matches each reply by request id. The dev hub's Jetty Phoenix server
 *       ({@code devhub/…/phoenix/PhoenixServer}) is the natural base once it is done;
 *   <li>{@link #startPlugin}: the plugin served by the real runtime ({@code Atomemo4j}, debug mode, pointed at the
 *       load generator's URL), in this JVM, or in a child JVM when {@code java} is given (measure 6 on Java 25,
 *       measure 7);
 *   <li>{@link #startRawClient}: the transport's limit: a raw OkHttp WebSocket client that joins, then answers each
 *       {@code invoke_tool} with a precomputed reply frame after extracting only the request id (no JSON tree, no
 *       decode, no tool).
 * </ul>
 *
 * <p>All traffic stays on the loopback address; every loop is bounded in count and time.
 */
public interface HubHarness extends AutoCloseable {

  /**
   * Starts the plugin whose {@code @Plugin} class is {@code pluginClass}, connected to this harness's hub.
   *
   * @param java the {@code java} executable of the JVM to run it in, or null for this JVM
   * @param jvmArgs extra JVM options for a child JVM (heap size, {@code -Datomemo4j.…} executor settings)
   */
  Driver startPlugin(Class<?> pluginClass, Path java, String... jvmArgs) throws Exception;

  /**
   * Measure 8: starts a child JVM serving {@code pluginClass} with nothing else in it ({@link StartupProcess}), and
   * returns the time from just before the process is started to its {@code register_plugin} arriving here; then
   * stops it (so that a {@code -XX:ArchiveClassesAtExit} run writes its archive).
   *
   * @param classPath the child's class path (jars only: class-data archives take classes from jars)
   */
  Duration startUntilRegistered(Class<?> pluginClass, Path java, String classPath, String... jvmArgs)
      throws Exception;

  /** Starts the raw OkHttp client (the transport limit), connected to this harness's hub. */
  Driver startRawClient() throws Exception;

  /** Stops the hub and every client still connected; unchecked, so try-with-resources needs no catch. */
  @Override
  void close();

  /** Traffic to one connected client, plugin or raw. */
  interface Driver extends AutoCloseable {

    /**
     * Sends {@code invoke_tool} for {@code tool} with {@code parameters} as fast as the client accepts them,
     * keeping {@code inFlight} outstanding, for {@code duration} after a warm-up of the same length.
     */
    Throughput saturate(String tool, JsonNode parameters, int inFlight, Duration duration) throws Exception;

    /**
     * Open loop at {@code perSecond} for {@code duration}: each request's latency is reply time minus its
     * <em>intended</em> send time (corrected for coordinated omission), in microseconds.
     */
    Histogram fixedRate(String tool, JsonNode parameters, double perSecond, Duration duration) throws Exception;

    /**
     * Sends {@code count} requests at once (measure 6: 10,000) and waits for every reply, at most {@code timeout}.
     */
    Burst burst(String tool, JsonNode parameters, int count, Duration timeout) throws Exception;

    /**
     * Live heap of the client's JVM after full GCs, in bytes, once it is joined, registered and idle (measure 7).
     * Needs a child JVM; the harness asks it (e.g. over a line on its standard output or JMX).
     */
    long liveHeapAfterGc() throws Exception;

    /** Disconnects the client and stops its JVM if it has its own. */
    @Override
    void close();
  }

  /** Completed invocations per second, and how many failed (error replies or timeouts). */
  record Throughput(double perSecond, long completed, long errors) {}

  /** The outcome of a burst: wall time until the last reply, errors, and the client JVM's peak heap. */
  record Burst(Duration elapsed, long completed, long errors, long peakHeapBytes) {}
}
