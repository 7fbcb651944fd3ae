package dev.atomemo4j.examples.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.host.query.QueryAnswer;
import dev.atomemo4j.host.query.QueryException;
import dev.atomemo4j.testing.PluginHostExtension;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plugin in a real PluginHost against a MockWebServer search API over real HTTP: its validator replaces the
 * host's SQL path (no guard, no LIMIT), its hook still runs, and the hook's rewrite goes through the validator.
 */
class TicketSearchTest {
  static final MockWebServer API = start();
  static final List<String> SEARCHES = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final PluginHostExtension HOST = PluginHostExtension.configure(
      (host, dir) -> host.plugin(TicketSearch.class, new SearchConfig(API.url("/").toString())));

  static MockWebServer start() {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        SEARCHES.add(r.getBody().utf8());
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("{\"hits\":[{\"id\":\"T-7\",\"title\":\"Printer on fire\"}]}").build();
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return server;
  }

  @AfterAll
  static void stop() {
    API.close();
  }

  @BeforeEach
  void forget() {
    SEARCHES.clear();
  }

  @Test
  void aValidSearchIsAnsweredWithoutAnySqlStep(PluginHost host) {
    QueryAnswer a = host.query("ticket-search", "{\"index\":\"tickets\",\"match\":\"printer\",\"size\":5}");

    assertThat(a.result().rows()).containsExactly(List.of("T-7", "Printer on fire"));
    assertThat(a.sql()).isEqualTo("{\"index\":\"tickets\",\"match\":\"printer\",\"size\":5}");
    assertThat(a.metadata()).containsEntry("validation", "custom").doesNotContainKey("rowLimit");
    assertThat(SEARCHES).containsExactly(a.sql());
  }

  @Test
  void thePluginsHookBoundsASearchWithoutSizeAndTheRewriteIsWhatRuns(PluginHost host) {
    QueryAnswer a = host.query("ticket-search", "{\"index\":\"articles\",\"match\":\"vpn\"}");

    assertThat(a.sql()).isEqualTo("{\"index\":\"articles\",\"match\":\"vpn\",\"size\":20}");
    assertThat(a.metadata()).containsEntry("rewritten", true);
    assertThat(SEARCHES).containsExactly(a.sql());
  }

  @Test
  void aSearchTheValidatorRefusesAnswersItsReasonAndNeverReachesTheApi(PluginHost host) {
    assertThatThrownBy(() -> host.query("ticket-search", "{\"index\":\"tickets\",\"size\":5000}"))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo(QueryException.INVALID);
          assertThat(e.reason()).isEqualTo("size must be a whole number from 1 to 100");
        });
    assertThat(SEARCHES).isEmpty();
  }

  @Test
  void sqlIsNotThisDatasourcesLanguage(PluginHost host) {
    assertThatThrownBy(() -> host.query("ticket-search", "SELECT * FROM tickets"))
        .isInstanceOfSatisfying(QueryException.class,
            e -> assertThat(e.reason()).isEqualTo("the query is not JSON; send one JSON object"));
  }

  @Test
  void itsOwnHealthCheckAsksTheApi(PluginHost host) {
    assertThat(host.probe("ticket-search").healthy()).isTrue();
    assertThat(SEARCHES).containsExactly("{\"index\":\"tickets\",\"size\":1}");
  }
}
