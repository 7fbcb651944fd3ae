package dev.atomemo4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolFactoryOfTest {
  static final class Weather {}

  static final class Clock {}

  @Test
  void answersEachGivenInstanceForItsOwnClass() throws Exception {
    Weather weather = new Weather();
    Clock clock = new Clock();

    ToolFactory factory = ToolFactory.of(weather, clock);

    assertThat(factory.create(Weather.class)).isSameAs(weather);
    assertThat(factory.create(Clock.class)).isSameAs(clock);
  }

  @Test
  void answersNullForAnyOtherClassSoItsNoArgumentConstructorIsUsed() throws Exception {
    assertThat(ToolFactory.of(new Weather()).create(Clock.class)).isNull();
  }

  @Test
  void refusesTwoInstancesOfOneClass() {
    assertThatThrownBy(() -> ToolFactory.of(new Weather(), new Weather()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two instances of " + Weather.class.getName());
  }

  @Test
  void theDefaultFactorySuppliesNothing() throws Exception {
    assertThat(ToolFactory.NO_ARG_CONSTRUCTORS.create(Weather.class)).isNull();
  }
}
