package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.annotations.ParserDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accepted corpus statements are real SQL: the text the guard hands back (rebuilt from the tree it checked)
 * runs on a real database with the fixture schema, and so does its row-limited form, which returns at most the
 * limit and exactly as many rows as the query has up to it. H2 in memory always; PostgreSQL when a server is given.
 */
class GuardCorpusExecutionTest {
  /** Smaller than most fixture results, so the limit is seen working. */
  private static final int LIMIT = 2;

  abstract static class OnDatabase {
    private CorpusDatabases.Fixture fixture;

    abstract ParserDialect dialect();

    Stream<GuardCorpus.Entry> runnable() {
      return GuardCorpus.entries().stream().filter(e -> e.accepted() && e.runsOn().contains(dialect()));
    }

    void open() throws SQLException {
      fixture = CorpusDatabases.open(dialect());
    }

    void close() throws SQLException {
      if (fixture != null) {
        fixture.close();
      }
    }

    void theCheckedQueryRunsAndItsRowLimitedFormReturnsAtMostTheLimit(GuardCorpus.Entry entry) throws SQLException {
      SqlGuard guard = GuardCorpus.guard(dialect());
      CheckedQuery checked = guard.check(entry.sql());
      int all = rows(checked.sql());
      String limited = guard.withRowLimit(checked, LIMIT);
      int kept = rows(limited);
      assertThat(kept).as("%s: rows of %s", entry, limited).isEqualTo(Math.min(all, LIMIT));
      // The limited text is itself a query the guard accepts.
      assertThat(guard.check(limited).limit()).as("%s: the limit it now carries", entry).isPresent();
    }

    private int rows(String sql) throws SQLException {
      try (Statement s = fixture.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        return n;
      } catch (SQLException e) {
        throw new SQLException("on " + dialect() + ": " + sql + "\n" + e.getMessage(), e);
      }
    }
  }

  static final class H2 extends OnDatabase {
    @Override
    ParserDialect dialect() {
      return ParserDialect.H2;
    }
  }

  static final class Postgres extends OnDatabase {
    @Override
    ParserDialect dialect() {
      return ParserDialect.POSTGRESQL;
    }
  }

  @org.junit.jupiter.api.Nested
  @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
  class OnH2 {
    final H2 db = new H2();

    @BeforeAll
    void open() throws SQLException {
      db.open();
    }

    @AfterAll
    void close() throws SQLException {
      db.close();
    }

    Stream<GuardCorpus.Entry> runnable() {
      return db.runnable();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runnable")
    void theCheckedQueryRunsAndItsRowLimitedFormReturnsAtMostTheLimit(GuardCorpus.Entry entry) throws SQLException {
      db.theCheckedQueryRunsAndItsRowLimitedFormReturnsAtMostTheLimit(entry);
    }
  }

  @org.junit.jupiter.api.Nested
  @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
  class OnPostgres {
    final Postgres db = new Postgres();

    @BeforeAll
    void open() throws SQLException {
      CorpusDatabases.postgresUrl();
      db.open();
    }

    @AfterAll
    void close() throws SQLException {
      db.close();
    }

    Stream<GuardCorpus.Entry> runnable() {
      return db.runnable();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runnable")
    void theCheckedQueryRunsAndItsRowLimitedFormReturnsAtMostTheLimit(GuardCorpus.Entry entry) throws SQLException {
      db.theCheckedQueryRunsAndItsRowLimitedFormReturnsAtMostTheLimit(entry);
    }
  }

  @Test
  void mostAcceptedStatementsRunOnBothDatabases() {
    List<GuardCorpus.Entry> accepted = GuardCorpus.entries().stream().filter(GuardCorpus.Entry::accepted).toList();
    long onH2 = accepted.stream().filter(e -> e.runsOn().contains(ParserDialect.H2)).count();
    long onPostgres = accepted.stream().filter(e -> e.runsOn().contains(ParserDialect.POSTGRESQL)).count();
    assertThat(onH2).isGreaterThanOrEqualTo(accepted.size() * 3 / 4);
    assertThat(onPostgres).isGreaterThanOrEqualTo(accepted.size() * 9 / 10);
  }
}
