package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.testing.fixture.Injected;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Tool class instances from a ToolFactory, through the generated registry, the runtime and a real socket. */
@PluginTest(value = Injected.class, toolFactory = ToolFactoryTest.Factory.class)
class ToolFactoryTest {
  /** Every class the factory was asked for, in order (the kit builds the descriptor once per test class). */
  static final List<Class<?>> ASKED = new CopyOnWriteArrayList<>();

  static final class Factory implements ToolFactory {
    @Override
    public <T> T create(Class<T> toolClass) {
      ASKED.add(toolClass);
      return toolClass == Injected.Greetings.class ? toolClass.cast(new Injected.Greetings("Howdy")) : null;
    }
  }

  @Test
  void aToolClassInstanceComesFromTheFactory(PluginClient client) {
    ToolResult result = client.invoke("greet-injected", Map.of("name", "Ann"));

    assertThat(result.assertOk().data().asText()).isEqualTo("Howdy, Ann!");
  }

  @Test
  void aToolClassTheFactoryDoesNotSupplyIsCreatedWithItsNoArgumentConstructor(PluginClient client) {
    ToolResult result = client.invoke("plain-tool", Map.of());

    assertThat(result.assertOk().data().asText()).isEqualTo("plain");
  }

  @Test
  void theFactoryIsAskedOncePerToolClassInDeclarationOrder() {
    assertThat(ASKED).containsExactly(Injected.Greetings.class, Injected.Plain.class);
  }
}
