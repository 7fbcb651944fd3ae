package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.core.hooks.HookRejectedException;
import dev.atomemo4j.core.hooks.Revalidation;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryResultEvent;
import dev.atomemo4j.runtime.hooks.ResponseEvent;
import dev.atomemo4j.testing.fixture.Auditor;
import dev.atomemo4j.testing.fixture.AuditorConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plugin whose registry the processor generated, its hooks run by a real PluginHost. */
class HooksInAHostTest {
  private static final String KEY = "audit-key-7f3a91";
  private PluginHost host;

  @BeforeEach
  void start() {
    host = PluginHost.builder().plugin(Auditor.class, new AuditorConfig(Secret.of(KEY), 50)).start();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  private Auditor auditor() {
    return (Auditor) host.plugin("auditor").pluginObject();
  }

  @Test
  void theMatchedRewriteReadsTheConfigThroughTheContext() {
    assertThat(host.hooks().beforeQuery(new QueryEvent("sales", "SELECT * FROM orders"), Revalidation.NONE))
        .isEqualTo("SELECT * FROM orders LIMIT 50");
  }

  @Test
  void aQueryTheMatcherDoesNotSelectPassesUnchanged() {
    assertThat(host.hooks().beforeQuery(new QueryEvent("hr", "SELECT name FROM staff"), Revalidation.NONE))
        .isEqualTo("SELECT name FROM staff");
  }

  @Test
  void aThrowingHookRejectsWithItsMessageAndTheSecretMasked() {
    assertThatThrownBy(() -> host.hooks().beforeQuery(new QueryEvent("hr", "SELECT salary FROM staff"),
        Revalidation.NONE)).isInstanceOfSatisfying(HookRejectedException.class, r -> {
          assertThat(r.code()).isEqualTo("host:hook_rejected");
          assertThat(r.reason()).isEqualTo("Query rejected by plugin auditor: salary is off limits (key [REDACTED])");
          assertThat(r.getMessage()).doesNotContain(KEY);
        });
  }

  @Test
  void theAfterQueryHookSeesTheResult() throws Exception {
    QueryResult result = new QueryResult(List.of("id"), List.of(List.of(1), List.of(2), List.of(3)));
    host.hooks().afterQuery(new QueryResultEvent("sales", "SELECT id FROM orders LIMIT 50", result, 4))
        .get(10, TimeUnit.SECONDS);

    assertThat(auditor().seen).containsExactly("SELECT id FROM orders LIMIT 50 -> 3 row(s)");
  }

  @Test
  void aDisabledPluginsHooksDoNotRun() throws Exception {
    host.disable("auditor");

    assertThat(host.hooks().beforeQuery(new QueryEvent("sales", "SELECT 1"), Revalidation.NONE))
        .isEqualTo("SELECT 1");
    host.hooks().onResponse(new ResponseEvent(null, "GET", "/health", 200)).get(10, TimeUnit.SECONDS);
    assertThat(auditor().seen).isEmpty();
  }
}
