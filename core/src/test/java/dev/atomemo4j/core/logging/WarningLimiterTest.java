package dev.atomemo4j.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class WarningLimiterTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private final WarningLimiter warnings = new WarningLimiter(new Recording(lines), now::get,
      "{} more hook warning(s) of {} were suppressed in the last {} s");

  @Test
  void aFloodOfOneHooksFailuresLogsABurstThenCounts() {
    for (int i = 0; i < 8; i++) {
      warnings.warn("a/afterQuery/m", "failure {}", i);
    }

    assertThat(lines).containsExactly("failure 0", "failure 1", "failure 2", "failure 3", "failure 4");
    assertThat(warnings.suppressed("a/afterQuery/m")).isEqualTo(3);
  }

  @Test
  void theNextWindowReportsHowManyWereSuppressed() {
    for (int i = 0; i < 7; i++) {
      warnings.warn("k", "failure {}", i);
    }
    now.addAndGet(WarningLimiter.WINDOW_NANOS);
    warnings.warn("k", "failure {}", 7);

    assertThat(lines).endsWith("2 more hook warning(s) of k were suppressed in the last 60 s", "failure 7");
    assertThat(warnings.suppressed("k")).isZero();
  }

  @Test
  void oneHooksFloodDoesNotSilenceAnother() {
    for (int i = 0; i < 10; i++) {
      warnings.warn("noisy", "noise");
    }
    warnings.warn("quiet", "the one that matters");

    assertThat(lines).contains("the one that matters");
  }

  @Test
  void withoutItsOwnSummaryTheLineQuotesTheKey() {
    WarningLimiter plain = new WarningLimiter(new Recording(lines), now::get);
    for (int i = 0; i < 50; i++) {
      plain.warn("bad", "bad frame {}", i);
    }
    now.addAndGet(WarningLimiter.WINDOW_NANOS + 1);
    plain.warn("bad", "bad frame {}", "late");

    assertThat(lines).endsWith("45 more warning(s) like \"bad\" were suppressed in the last 60 s", "bad frame late");
  }

  private static final class Recording extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient List<String> lines;

    Recording(List<String> lines) {
      this.lines = lines;
      this.name = "test";
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable throwable) {
      lines.add(MessageFormatter.basicArrayFormat(pattern, arguments));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
