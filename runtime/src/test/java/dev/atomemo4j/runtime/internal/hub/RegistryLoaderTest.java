package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Finding the generated registry: exactly one, or the one of a given plugin class. */
class RegistryLoaderTest {

  /** A plugin class and its generated registry, named as the processor names them. */
  static final class Demo {}

  static final class DemoRegistry implements PluginRegistry {
    @Override
    public PluginDescriptor descriptor() {
      return new TestPlugin().descriptor();
    }
  }

  static final class OtherRegistry implements PluginRegistry {
    @Override
    public PluginDescriptor descriptor() {
      throw new IllegalStateException("tool class constructor failed");
    }
  }

  static ServiceLoader.Provider<PluginRegistry> provider(PluginRegistry registry) {
    return new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends PluginRegistry> type() {
        return registry.getClass();
      }

      @Override
      public PluginRegistry get() {
        return registry;
      }
    };
  }

  @Test
  void noRegistryExplainsHowToGetOne() {
    assertThatThrownBy(() -> RegistryLoader.single(List.of()))
        .isInstanceOf(Atomemo4jException.class).hasMessageContaining("no atomemo4j plugin found")
        .hasMessageContaining("@Plugin");
  }

  @Test
  void severalRegistriesAreListedWithTheWayOut() {
    assertThatThrownBy(() -> RegistryLoader.single(List.of(provider(new DemoRegistry()),
        provider(new OtherRegistry()))))
        .isInstanceOf(Atomemo4jException.class)
        .hasMessageContaining(DemoRegistry.class.getName()).hasMessageContaining(OtherRegistry.class.getName())
        .hasMessageContaining("Atomemo4j.run(YourPlugin.class)");
  }

  @Test
  void theOnlyRegistryIsTaken() {
    DemoRegistry r = new DemoRegistry();
    assertThat(RegistryLoader.single(List.of(provider(r)))).isSameAs(r);
  }

  @Test
  void aPluginClassSelectsItsRegistryByName() {
    DemoRegistry demo = new DemoRegistry();
    assertThat(RegistryLoader.forPlugin(Demo.class, List.of(provider(new OtherRegistry()), provider(demo))))
        .isSameAs(demo);
  }

  @Test
  void aPluginClassWithoutRegistryIsExplained() {
    assertThatThrownBy(() -> RegistryLoader.forPlugin(String.class, List.of(provider(new DemoRegistry()))))
        .isInstanceOf(Atomemo4jException.class).hasMessageContaining("java.lang.StringRegistry");
  }

  @Test
  void aFailingDescriptorBecomesOneClearMessage() {
    assertThatThrownBy(() -> RegistryLoader.describe(new OtherRegistry()))
        .isInstanceOf(Atomemo4jException.class).hasMessageContaining("could not be created")
        .hasMessageContaining("tool class constructor failed");
  }

  @Test
  void theClassPathOfTheTestsHasNoGeneratedRegistry() {
    assertThatThrownBy(() -> RegistryLoader.loadSingle(getClass().getClassLoader()))
        .isInstanceOf(Atomemo4jException.class);
  }
}
