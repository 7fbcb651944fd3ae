package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus again, each statement in disguise: comments around it and between its words never turn a rejection
 * into an acceptance, and never change the text an accepted query is rebuilt into.
 */
class GuardCorpusDisguiseTest {
  private record Disguise(String name, UnaryOperator<String> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Disguise> AROUND = List.of(
      new Disguise("a block comment before", sql -> "/* report */ " + sql),
      new Disguise("a line comment after", sql -> sql + "\n-- done"),
      new Disguise("blank lines around", sql -> "\n\n  " + sql + "  \n\n"));

  private static final Disguise BETWEEN_WORDS =
      new Disguise("a comment for every space", sql -> sql.replace(" ", " /**/ "));

  static Stream<Arguments> rejected() {
    return GuardCorpus.entries().stream().filter(e -> !e.accepted())
        .flatMap(e -> e.dialects().stream().flatMap(d -> Stream.concat(AROUND.stream(), Stream.of(BETWEEN_WORDS))
            .map(disguise -> Arguments.of(d, disguise, e))));
  }

  static Stream<Arguments> accepted() {
    return GuardCorpus.entries().stream().filter(GuardCorpus.Entry::accepted)
        .flatMap(e -> e.dialects().stream()
            .flatMap(d -> AROUND.stream().map(disguise -> Arguments.of(d, disguise, e))));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("rejected")
  void aDisguisedRejectionIsStillRejected(ParserDialect dialect, Disguise disguise, GuardCorpus.Entry entry) {
    String sql = disguise.apply().apply(entry.sql());
    assertThatThrownBy(() -> GuardCorpus.guard(dialect).check(sql)).as(sql)
        .isInstanceOf(QueryRejectedException.class);
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("accepted")
  void commentsAroundAnAcceptedQueryDoNotChangeWhatRuns(ParserDialect dialect, Disguise disguise,
      GuardCorpus.Entry entry) {
    String plain = GuardCorpus.guard(dialect).check(entry.sql()).sql();
    assertThat(GuardCorpus.guard(dialect).check(disguise.apply().apply(entry.sql())).sql()).isEqualTo(plain);
  }
}
