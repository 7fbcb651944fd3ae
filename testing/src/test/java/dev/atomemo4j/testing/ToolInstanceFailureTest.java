package dev.atomemo4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.runtime.internal.hub.RegistryLoader;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.testing.fixture.Injected;
import org.junit.jupiter.api.Test;

/** What the generated registry of {@link Injected} does when its tool instances cannot be had. */
class ToolInstanceFailureTest {
  private final PluginRegistry registry = Registries.of(Injected.class);

  @Test
  void withoutAFactoryAClassWithoutANoArgumentConstructorFailsStartUpNamingIt() {
    assertThatThrownBy(() -> RegistryLoader.describe(registry, null))
        .isInstanceOfSatisfying(Atomemo4jException.class,
            e -> assertThat(e.code()).isEqualTo("sdk:no_tool_instance"))
        .hasMessageStartingWith(Injected.Greetings.class.getName() + " has no public no-argument constructor")
        .hasMessageContaining("toolFactory(ToolFactory.of(new Greetings(…)))");
  }

  @Test
  void aFactoryThatThrowsFailsStartUpWithItsCauseAttached() {
    IllegalStateException cause = new IllegalStateException("no database");
    ToolFactory failing = new ToolFactory() {
      @Override
      public <T> T create(Class<T> toolClass) {
        throw cause;
      }
    };

    assertThatThrownBy(() -> RegistryLoader.describe(registry, failing))
        .isInstanceOfSatisfying(Atomemo4jException.class,
            e -> assertThat(e.code()).isEqualTo("sdk:tool_factory_failed"))
        .hasMessageContaining("could not create " + Injected.Greetings.class.getName())
        .hasCause(cause);
  }

  @Test
  void aFactoryThatAnswersWithTheWrongTypeFailsStartUpInsteadOfFailingEveryRequest() {
    ToolFactory confused = new ToolFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T create(Class<T> toolClass) {
        return (T) "not a tool";
      }
    };

    assertThatThrownBy(() -> RegistryLoader.describe(registry, confused))
        .isInstanceOfSatisfying(Atomemo4jException.class,
            e -> assertThat(e.code()).isEqualTo("sdk:tool_factory_wrong_type"))
        .hasMessage("the ToolFactory returned a java.lang.String when asked for "
            + Injected.Greetings.class.getName());
  }

  @Test
  void instancesGivenToToolFactoryOfServeTheirOwnClasses() {
    Injected.Greetings greetings = new Injected.Greetings("Hi");

    var descriptor = RegistryLoader.describe(registry, ToolFactory.of(greetings));

    assertThat(descriptor.tools()).extracting(t -> t.name()).containsExactly("greet-injected", "plain-tool");
  }
}
