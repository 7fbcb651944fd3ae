package dev.atomemo4j.runtime.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of the test server, so a test can cut every connection the way a dead network or a
 * crashed Hub would: no close frame, just the end of the stream. (A server-side OkHttp WebSocket cannot cancel
 * itself: MockWebServer's sockets have no Call.)
 */
final class DroppableProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger toBreak = new AtomicInteger();
  /** While set, nothing is relayed from the client to the server: a Hub that stopped reading. */
  private final Object upstreamGate = new Object();
  private volatile boolean upstreamPaused;

  DroppableProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("proxy-accept", this::acceptLoop).start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The next connection is accepted and closed at once, before any HTTP response: a transport failure. */
  void breakNext() {
    toBreak.incrementAndGet();
  }

  /** Stops relaying what clients send, so their socket buffers fill up, as with a Hub that stopped reading. */
  void pauseUpstream() {
    upstreamPaused = true;
  }

  void resumeUpstream() {
    synchronized (upstreamGate) {
      upstreamPaused = false;
      upstreamGate.notifyAll();
    }
  }

  /** Closes every relayed connection, both ways. */
  void dropAll() {
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  @Override
  public void close() {
    closeQuietly(server);
    dropAll();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (toBreak.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        daemon("proxy-up", () -> pipe(client, upstream, true)).start();
        daemon("proxy-down", () -> pipe(upstream, client, false)).start();
      } catch (IOException e) {
        // server closed, or the upstream refused: nothing to relay
      }
    }
  }

  private void pipe(Socket from, Socket to, boolean upstream) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      for (int n; (n = readWhenAllowed(in, buffer, upstream)) != -1; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // dropped
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private int readWhenAllowed(InputStream in, byte[] buffer, boolean upstream) throws IOException {
    if (upstream) {
      synchronized (upstreamGate) {
        while (upstreamPaused) {
          try {
            upstreamGate.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
          }
        }
      }
    }
    return in.read(buffer);
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
