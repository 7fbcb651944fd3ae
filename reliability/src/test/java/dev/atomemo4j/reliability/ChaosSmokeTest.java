package dev.atomemo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run of the fault suite, in {@code mvn verify}: every suite, small counts. Fails on any lost answer,
 * unanswered request, leaked marker or crash; looks at counts, never at times.
 */
class ChaosSmokeTest {

  @TempDir Path logs;

  @Test
  void everySuiteLosesNothingLeaksNothingAndNeverCrashes() throws Exception {
    List<SuiteResult> results = ChaosMain.run(Suites.Counts.SMOKE, logs);
    String table = ChaosMain.table(results, true);

    assertThat(results).as("suites run; table:\n%s", table).hasSize(7);
    for (SuiteResult r : results) {
      assertThat(r.requests()).as("%s sent requests; table:\n%s", r.suite(), table).isPositive();
      assertThat(r.lost()).as("%s: answers lost; table:\n%s", r.suite(), table).isZero();
      assertThat(r.unanswered()).as("%s: unanswered; table:\n%s", r.suite(), table).isZero();
      assertThat(r.leaked()).as("%s: leaked markers; table:\n%s", r.suite(), table).isZero();
      assertThat(r.crashed()).as("%s: crashed; table:\n%s", r.suite(), table).isFalse();
    }
  }
}
