package dev.atomemo4j.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  private final Deadlines deadlines = Deadlines.DEFAULT.withMaximum(Duration.ofSeconds(60));

  @Test
  void theHostDefaultAppliesWhenTheAnnotationSaysZeroOrNothing() {
    assertThat(deadlines.resolve(CallKind.HEALTH_CHECK, null, null)).isEqualTo(Duration.ofSeconds(5));
    assertThat(deadlines.resolve(CallKind.HEALTH_CHECK, null, Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theDefaultsAreAtlasPlusOurs() {
    assertThat(Deadlines.DEFAULT.defaults()).containsEntry(CallKind.INITIALIZE, Duration.ofSeconds(30))
        .containsEntry(CallKind.HEALTH_CHECK, Duration.ofSeconds(5))
        .containsEntry(CallKind.TEARDOWN, Duration.ofSeconds(10))
        .containsEntry(CallKind.ON_UNINSTALL, Duration.ofSeconds(15))
        .containsEntry(CallKind.CONTEXT_LOAD, Duration.ofSeconds(10))
        .containsEntry(CallKind.REFRESH, Duration.ofSeconds(30));
  }

  @Test
  void theAnnotationOverridesTheHostDefault() {
    assertThat(deadlines.resolve(CallKind.HEALTH_CHECK, null, Duration.ofMillis(1500)))
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void theOperatorsPerPluginOverrideWinsOverTheAnnotation() {
    assertThat(deadlines.resolve(CallKind.HEALTH_CHECK, Duration.ofSeconds(2), Duration.ofMillis(1500)))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void everyDeadlineIsCappedAtTheHostMaximum() {
    assertThat(deadlines.resolve(CallKind.INITIALIZE, null, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(60));
    assertThat(deadlines.resolve(CallKind.INITIALIZE, Duration.ofMinutes(5), null)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aNonPositiveDeadlineIsRefused() {
    assertThatThrownBy(() -> deadlines.withDefault(CallKind.REFRESH, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh");
  }

  @Test
  void pointersBecomeDottedPaths() {
    assertThat(ConfigValidator.pointerAsPath("/servers/0/host")).isEqualTo(".servers[0].host");
    assertThat(ConfigValidator.pointerAsPath("")).isEmpty();
  }
}
