package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One guard serves a datasource's concurrent queries: shared, its answers are those of a guard used alone. */
class SqlGuardConcurrencyTest {
  private static String verdict(SqlGuard guard, String sql, int limit) {
    try {
      CheckedQuery checked = guard.check(sql);
      return "accept " + checked.sql() + " | " + guard.withRowLimit(checked, limit);
    } catch (QueryRejectedException e) {
      return e.code() + " " + e.reason();
    }
  }

  @Test
  void aSharedGuardAnswersEveryThreadAsAGuardOfItsOwnWould() throws Exception {
    List<GuardCorpus.Entry> entries = GuardCorpus.entries().stream()
        .filter(e -> e.dialects().contains(ParserDialect.POSTGRESQL)).toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      expected.add(verdict(GuardCorpus.guard(ParserDialect.POSTGRESQL), entries.get(i).sql(), 1 + i % 3));
    }
    SqlGuard shared = GuardCorpus.guard(ParserDialect.POSTGRESQL);
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          List<String> answers = new ArrayList<>();
          // Each thread walks the corpus from its own starting point, twice, so caches are hit and missed.
          for (int round = 0; round < 2; round++) {
            for (int k = 0; k < entries.size(); k++) {
              int i = (k + offset * 37) % entries.size();
              answers.add(i + "=" + verdict(shared, entries.get(i).sql(), 1 + i % 3));
            }
          }
          return answers;
        }));
      }
      start.countDown();
      for (Future<List<String>> result : results) {
        for (String answer : result.get(2, TimeUnit.MINUTES)) {
          int i = Integer.parseInt(answer.substring(0, answer.indexOf('=')));
          assertThat(answer.substring(answer.indexOf('=') + 1)).as(entries.get(i).toString())
              .isEqualTo(expected.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
