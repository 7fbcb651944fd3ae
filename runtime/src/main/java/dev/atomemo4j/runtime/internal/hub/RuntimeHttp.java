package dev.atomemo4j.runtime.internal.hub;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients a {@link HubServer} uses: one for the socket, one for https calls (the OneAuth author lookup,
 * file downloads and uploads).
 *
 * <p>Why two: an OkHttp client that may speak TLS loads the JDK's trust store and TLS classes while it is built
 * (about 100 ms and 170 classes on a cold JVM, most of what {@code new OkHttpClient()} costs at start-up). A plugin
 * served to a {@code ws://} hub, the dev hub on this machine, needs none of it to register, so its socket gets a
 * cleartext-only client and the TLS-capable one is built from it on first use, sharing its connection pool and
 * dispatcher. A {@code wss://} hub gets one TLS-capable client for both. A client the author passed in is used for
 * both as it is, and never shut down here.
 */
final class RuntimeHttp {
  private final OkHttpClient socket;
  private final boolean owned;
  private volatile OkHttpClient calls;

  private RuntimeHttp(OkHttpClient socket, OkHttpClient calls, boolean owned) {
    this.socket = socket;
    this.calls = calls;
    this.owned = owned;
  }

  /** The author's own client, for everything. */
  static RuntimeHttp given(OkHttpClient client) {
    return new RuntimeHttp(client, client, false);
  }

  /** Clients of the runtime's own, for a hub at {@code endpoint}: cleartext-only for {@code ws://} and {@code http://}. */
  static RuntimeHttp forEndpoint(String endpoint) {
    if (isCleartext(endpoint)) {
      OkHttpClient cleartext = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
      return new RuntimeHttp(cleartext, null, true);
    }
    OkHttpClient tls = new OkHttpClient();
    return new RuntimeHttp(tls, tls, true);
  }

  static boolean isCleartext(String endpoint) {
    String s = endpoint.toLowerCase(Locale.ROOT);
    return s.startsWith("ws://") || s.startsWith("http://");
  }

  /** The client the Phoenix socket connects with. */
  OkHttpClient socket() {
    return socket;
  }

  /** The client for http(s) calls other than the socket; built on first use when the socket's cannot speak TLS. */
  OkHttpClient calls() {
    OkHttpClient c = calls;
    if (c == null) {
      synchronized (this) {
        c = calls;
        if (c == null) {
          c = socket.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
              .build();
          calls = c;
        }
      }
    }
    return c;
  }

  /** {@link #calls()} as a supplier, so that nothing builds it before a call needs it. */
  Supplier<OkHttpClient> lazyCalls() {
    return this::calls;
  }

  /** Stops the dispatcher's threads and closes pooled connections, when the clients are the runtime's own. */
  void shutDown() {
    if (owned) {
      // The calls client, if built, shares both with the socket's.
      socket.dispatcher().executorService().shutdown();
      socket.connectionPool().evictAll();
    }
  }
}
