package dev.atomemo4j.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.core.hooks.HookRejectedException;
import dev.atomemo4j.core.hooks.Revalidation;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.host.testplugins.TicketsConfig;
import dev.atomemo4j.host.testplugins.TicketsPluginRegistry;
import dev.atomemo4j.host.testsupport.RecordingLogs;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryResultEvent;
import dev.atomemo4j.runtime.spi.HookBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A hook's failure that quotes the plugin's secret config value: masked in the rejection and in every log line. */
class HookSecretsTest {
  private static final String SECRET = "tk-hook-5e1f0c9d";

  private static PluginHost start(HookBinding... hooks) {
    PluginDescriptor base = new TicketsPluginRegistry().descriptor();
    PluginDescriptor descriptor = new PluginDescriptor(base.name(), base.version(), base.definitionResource(),
        base.anchor(), base.tools(), base.credentials(), base.atlas().withHooks(List.of(hooks)));
    return PluginHost.builder().plugin(PluginSpec.of(descriptor,
        ConfigInput.typed(new TicketsConfig("https://tickets.example", Secret.of(SECRET), 10)))).start();
  }

  private static String key(dev.atomemo4j.runtime.PluginContext context) {
    return context.config(TicketsConfig.class).apiKey().reveal();
  }

  @Test
  void aRejectionQuotingTheSecretShowsItMaskedAndNeverLogsIt() {
    try (PluginHost host = start(new HookBinding(HookPoint.BEFORE_QUERY, "guard", null, null, (p, e, c) -> {
      throw new SecurityException("refused with key " + key(c));
    }))) {
      assertThatThrownBy(() -> host.hooks().beforeQuery(new QueryEvent("sales", "SELECT 1"), Revalidation.NONE))
          .isInstanceOfSatisfying(HookRejectedException.class, r -> assertThat(r.reason())
              .isEqualTo("Query rejected by plugin tickets: refused with key [REDACTED]"));
    }
    assertThat(RecordingLogs.all()).contains("refused with key [REDACTED]").doesNotContain(SECRET);
  }

  @Test
  void anAfterHookFailureQuotingTheSecretIsLoggedMasked() throws Exception {
    try (PluginHost host = start(new HookBinding(HookPoint.AFTER_QUERY, "audit", null, null, (p, e, c) -> {
      throw new IllegalStateException("audit store refused key " + key(c));
    }))) {
      host.hooks().afterQuery(new QueryResultEvent("sales", "SELECT 1", new QueryResult(List.of(), List.of()), 1))
          .get(10, TimeUnit.SECONDS);
    }
    assertThat(RecordingLogs.all()).contains("audit store refused key [REDACTED]").doesNotContain(SECRET);
  }
}
