package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer tells code from literals, quoted names and comments the way each database does. */
class SqlLexerTest {
  private static List<String> words(String sql, ParserDialect dialect) {
    return SqlLexer.tokens(sql, SqlLexer.Rules.of(dialect)).stream()
        .filter(t -> t.kind() == SqlLexer.Kind.WORD)
        .map(SqlLexer.Token::text)
        .toList();
  }

  @Test
  void wordsInsideLiteralsAndCommentsAreNotCode() {
    assertThat(words("SELECT 'DROP' /* DELETE */ -- UPDATE\n FROM t", ParserDialect.POSTGRESQL))
        .containsExactly("SELECT", "FROM", "t");
  }

  @Test
  void aDoubledQuoteStaysInsideTheLiteral() {
    assertThat(words("SELECT 'it''s DROP' x", ParserDialect.H2)).containsExactly("SELECT", "x");
  }

  @Test
  void postgresNestsBlockComments() {
    assertThat(words("SELECT /* a /* b */ DROP */ 1", ParserDialect.POSTGRESQL)).containsExactly("SELECT");
  }

  @Test
  void h2DoesNotNestBlockComments() {
    assertThat(words("SELECT /* a /* b */ DROP */ 1", ParserDialect.H2)).containsExactly("SELECT", "DROP");
  }

  @Test
  void dollarQuotesAreLiteralsInPostgres() {
    assertThat(words("SELECT $$ DROP $$, $x$ DELETE $x$ y", ParserDialect.POSTGRESQL)).containsExactly("SELECT", "y");
  }

  @Test
  void aDollarFollowedByADigitIsAParameterNotAQuote() {
    assertThat(words("SELECT $1, DROP", ParserDialect.POSTGRESQL)).containsExactly("SELECT", "DROP");
  }

  @Test
  void backslashEscapesApplyInPostgresEscapeStringsOnly() {
    assertThat(words("SELECT E'\\' DROP' x", ParserDialect.POSTGRESQL)).containsExactly("SELECT", "x");
    assertThat(words("SELECT '\\' DROP '", ParserDialect.POSTGRESQL)).containsExactly("SELECT", "DROP");
  }

  @Test
  void backticksQuoteOnlyWhereTheDatabaseSaysSo() {
    assertThat(words("SELECT `DROP` x", ParserDialect.MYSQL)).containsExactly("SELECT", "x");
    assertThat(words("SELECT `DROP` x", ParserDialect.POSTGRESQL)).containsExactly("SELECT", "DROP", "x");
  }

  @Test
  void bracketsQuoteInSqlServerButAreSubscriptsInPostgres() {
    assertThat(words("SELECT [DROP] x", ParserDialect.SQLSERVER)).containsExactly("SELECT", "x");
    assertThat(words("SELECT a[DROP] x", ParserDialect.POSTGRESQL)).containsExactly("SELECT", "a", "DROP", "x");
  }

  @Test
  void aHashStartsACommentInMysqlOnly() {
    assertThat(words("SELECT 1 # DROP", ParserDialect.MYSQL)).containsExactly("SELECT");
  }

  @Test
  void aCarriageReturnEndsALineComment() {
    assertThat(words("SELECT 1 -- c\rDROP", ParserDialect.POSTGRESQL)).containsExactly("SELECT", "DROP");
  }

  @Test
  void aUnicodeEscapedNameIsReadAsTheNameItSpells() {
    List<SqlLexer.Token> tokens =
        SqlLexer.tokens("U&\"pg\\005fsleep\"(1)", SqlLexer.Rules.of(ParserDialect.POSTGRESQL));
    assertThat(tokens.get(0).kind()).isEqualTo(SqlLexer.Kind.QUOTED);
    assertThat(tokens.get(0).text()).isEqualTo("pg_sleep");
  }

  @Test
  void tokensKnowWhereTheyAreInTheText() {
    List<SqlLexer.Token> tokens = SqlLexer.tokens("  SELECT 'x' ;", SqlLexer.Rules.of(ParserDialect.H2));
    assertThat(tokens).extracting(SqlLexer.Token::start).containsExactly(2, 9, 13);
    assertThat(tokens).extracting(SqlLexer.Token::end).containsExactly(8, 12, 14);
  }
}
