package dev.atomemo4j.runtime.internal.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.runtime.testsupport.RecordingLogs;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class WarningLimiterTest {

  final AtomicLong clock = new AtomicLong();
  final WarningLimiter limiter = new WarningLimiter(LoggerFactory.getLogger("limiter-test"), clock::get);

  @BeforeEach
  void setUp() {
    RecordingLogs.clear();
  }

  long warnings(String text) {
    return RecordingLogs.texts(Level.WARN).stream().filter(t -> t.contains(text)).count();
  }

  @Test
  void theFirstWarningsOfAKindAreLoggedAndTheRestCounted() {
    for (int i = 0; i < 50; i++) {
      limiter.warn("bad", "bad frame {}", i);
    }
    assertThat(warnings("bad frame")).isEqualTo(WarningLimiter.BURST);
    assertThat(limiter.suppressed("bad")).isEqualTo(50 - WarningLimiter.BURST);
  }

  @Test
  void suppressedWarningsAreSummarizedOnceTheWindowHasPassed() {
    for (int i = 0; i < 50; i++) {
      limiter.warn("bad", "bad frame {}", i);
    }
    clock.addAndGet(TimeUnit.SECONDS.toNanos(61));
    limiter.warn("bad", "bad frame {}", "late");

    assertThat(warnings("45 more warning(s) like \"bad\" were suppressed")).isEqualTo(1);
    assertThat(warnings("bad frame late")).isEqualTo(1);
  }

  @Test
  void kindsAreLimitedSeparately() {
    for (int i = 0; i < 20; i++) {
      limiter.warn("a", "kind a");
    }
    limiter.warn("b", "kind b");
    assertThat(warnings("kind b")).isEqualTo(1);
  }

  @Test
  void logTextEscapesControlCharactersAndCutsLongValues() {
    assertThat(LogText.safe("a\nb\u0000c\u2028")).isEqualTo("a\\nb\\u0000c\\u2028");
    assertThat(LogText.safe("x".repeat(500), 10)).isEqualTo("xxxxxxxxxx…(500 chars)");
    assertThat(LogText.safe(null)).isEqualTo("null");
  }
}
