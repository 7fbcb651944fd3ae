package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.testing.fixture.Motto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With one test instance per class, the constructor runs before beforeAll: asking for the host starts it. */
@PluginHostTest(Motto.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClassInstanceTest {
  private final PluginHost constructed;

  PerClassInstanceTest(PluginHost host) {
    this.constructed = host;
  }

  @Test
  void theConstructorsHostIsRunningAndIsTheOneTestsReceive(PluginHost host) {
    assertThat(constructed.plugin("motto-plugin").status()).isEqualTo(PluginStatus.HEALTHY);
    assertThat(host).isSameAs(constructed);
  }
}
