package dev.atomemo4j.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  static final class Outer {
    static final class Inner {}
  }

  @Test
  void theGeneratedRegistryOfATopLevelClassIsItsNameWithRegistry() {
    assertThat(PluginRegistry.generatedNameFor(PluginRegistryTest.class))
        .isEqualTo("dev.atomemo4j.runtime.spi.PluginRegistryTestRegistry");
  }

  @Test
  void theGeneratedRegistryOfANestedClassJoinsItsSimpleNamesWithUnderscores() {
    assertThat(PluginRegistry.generatedNameFor(Outer.Inner.class))
        .isEqualTo("dev.atomemo4j.runtime.spi.PluginRegistryTest_Outer_InnerRegistry");
  }
}
