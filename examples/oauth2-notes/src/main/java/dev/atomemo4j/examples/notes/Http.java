package dev.atomemo4j.examples.notes;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The one OkHttp client of the plugin: clients own a connection pool and threads, so share one per process. */
final class Http {
  private Http() {}

  static final OkHttpClient SHARED = new OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(30))
      .build();
}
