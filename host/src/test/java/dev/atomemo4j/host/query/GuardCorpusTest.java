package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus statement through the guard in each dialect its line names: the verdict (accept, or the exact code)
 * must be the one written down. Prints how many statements each code answered, per dialect.
 */
class GuardCorpusTest {
  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

  static Stream<Arguments> statements() {
    return GuardCorpus.entries().stream()
        .flatMap(entry -> entry.dialects().stream().map(dialect -> Arguments.of(dialect, entry)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("statements")
  void theGuardGivesTheVerdictWrittenInTheCorpus(ParserDialect dialect, GuardCorpus.Entry entry) {
    String verdict;
    String detail;
    try {
      CheckedQuery checked = GuardCorpus.guard(dialect).check(entry.sql());
      verdict = GuardCorpus.ACCEPT;
      detail = checked.sql();
    } catch (QueryRejectedException rejected) {
      verdict = rejected.code();
      detail = rejected.reason();
      assertThat(rejected.reason()).as("a rejection always says why").isNotBlank();
    }
    COUNTS.computeIfAbsent(dialect + " " + verdict, k -> new LongAdder()).increment();
    if (!verdict.equals(entry.verdict())) {
      fail("%s in %s: expected %s but got %s (%s)%n  sql: %s", entry, dialect, entry.verdict(), verdict, detail,
          entry.sql());
    }
  }

  @Test
  void theCorpusHoldsAtLeastTwoHundredStatementsAndEveryCode() {
    assertThat(GuardCorpus.entries()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(GuardCorpus.entries().stream().map(GuardCorpus.Entry::verdict).distinct())
        .contains(GuardCorpus.ACCEPT, QueryRejectedException.EMPTY, QueryRejectedException.FORBIDDEN_PATTERN,
            QueryRejectedException.PARSE_ERROR, QueryRejectedException.MULTIPLE_STATEMENTS,
            QueryRejectedException.NOT_READ_ONLY, QueryRejectedException.WRITE_IN_CTE,
            QueryRejectedException.SELECT_INTO, QueryRejectedException.LOCKING_CLAUSE,
            QueryRejectedException.FORBIDDEN_FUNCTION, QueryRejectedException.TABLE_NOT_ALLOWED);
  }

  @AfterAll
  static void printCounts() {
    StringBuilder out = new StringBuilder("guard corpus verdicts (dialect, verdict: statements):\n");
    new TreeMap<>(COUNTS).forEach((key, count) -> out.append("  ").append(key).append(": ").append(count.sum())
        .append('\n'));
    System.out.print(out);
  }
}
