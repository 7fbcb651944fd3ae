package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.testing.fixture.Greeter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second test class gets a hub and plugin of its own: sessions do not leak between classes. */
@PluginTest(Greeter.class)
class SecondSessionTest {

  @Test
  void eachTestClassGetsItsOwnHubWithOnlyItsPlugin(PluginClient client) {
    assertThat(client.hub().plugins()).hasSize(1);
    assertThat(client.hub().credentials()).isEmpty();
    assertThat(client.invoke("greet", Map.of("name", "Bo")).assertOk().data().get("greeting").asText())
        .isEqualTo("Hello, Bo!");
  }
}
