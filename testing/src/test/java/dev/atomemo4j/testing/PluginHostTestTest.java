package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.testing.fixture.Motto;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@PluginHostTest(Motto.class)
class PluginHostTestTest {
  private static final Set<PluginHost> SEEN = ConcurrentHashMap.newKeySet();

  private final PluginHost constructed;

  PluginHostTestTest(PluginHost host) {
    this.constructed = host;
  }

  @Test
  void thePluginIsInitializedAndItsContextLoadedBeforeTheFirstTest(PluginHost host) {
    assertThat(host.plugin("motto-plugin").status()).isEqualTo(PluginStatus.HEALTHY);
    assertThat(host.context()).isEqualTo("Motto: be kind.");
    SEEN.add(host);
  }

  @Test
  void theConstructorReceivesTheSameHostAsTheTestMethods(PluginHost host) {
    assertThat(constructed).isSameAs(host);
    SEEN.add(host);
  }

  @Test
  void theEventsShowTheBootInOrder(HostEvents events) {
    assertThat(events.statuses("motto-plugin"))
        .containsExactly(PluginStatus.REGISTERED, PluginStatus.INITIALIZING, PluginStatus.HEALTHY);
    assertThat(events.teardowns()).isEmpty();
  }

  @Test
  void thereIsNoAdminApiUnlessAskedFor(PluginHost host) {
    assertThat(host.adminUrl()).isEmpty();
  }

  @Nested
  class InANestedClass {
    @Test
    void theOuterClassesHostIsShared(PluginHost host) {
      assertThat(host).isSameAs(constructed);
      SEEN.add(host);
    }
  }

  @AfterAll
  static void everyTestOfTheClassSharedOneHost() {
    assertThat(SEEN).hasSize(1);
  }
}
