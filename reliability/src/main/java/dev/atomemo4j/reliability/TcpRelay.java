package dev.atomemo4j.reliability;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay between the plugin and the fake Hub, so the suite can cut connections the way a network or a
 * crashed Hub does: {@link #reset()} ends every relayed connection without a close frame; {@link #down()} also
 * refuses new ones until {@link #up()}, like a Hub that is being restarted.
 */
final class TcpRelay implements Closeable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  TcpRelay(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("relay-accept", this::acceptLoop).start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Ends every relayed connection, both ways, without a close frame. */
  void reset() {
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  /** Resets, and refuses connections until {@link #up()}. */
  void down() {
    down = true;
    reset();
  }

  void up() {
    down = false;
  }

  @Override
  public void close() {
    closeQuietly(server);
    reset();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (down) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        daemon("relay-up", () -> pipe(client, upstream)).start();
        daemon("relay-down", () -> pipe(upstream, client)).start();
      } catch (IOException e) {
        // closed, or the upstream refused: nothing to relay
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // reset
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
