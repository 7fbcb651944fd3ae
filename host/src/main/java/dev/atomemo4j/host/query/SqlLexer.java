package dev.atomemo4j.host.query;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens the way the database reads it, dropping comments: enough to tell code from string
 * literals, quoted identifiers and comments, which is all the keyword guard and the function backstop need. It is
 * not a parser; JSqlParser is. The quoting rules follow the dialect, because a quote character one database ignores
 * would otherwise hide code from the guard.
 */
final class SqlLexer {
  enum Kind {
    /** An unquoted identifier or keyword. */
    WORD,
    /** A quoted identifier; {@link Token#text()} is its content, unescaped. */
    QUOTED,
    /** A string literal (also dollar-quoted and {@code E'…'}); its content is not kept. */
    STRING,
    NUMBER,
    /** Any other character, one per token. */
    SYMBOL
  }

  /** One token; {@code start} and {@code end} are its offsets in the text. */
  record Token(Kind kind, String text, int start, int end) {
    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(char c) {
      return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }
  }

  /** How a dialect quotes and comments. */
  record Rules(
      boolean backslashEscapes,
      boolean hashComments,
      boolean backtickQuotes,
      boolean bracketQuotes,
      boolean dollarQuotes,
      boolean nestedComments,
      boolean executableComments) {

    static Rules of(ParserDialect dialect) {
      return switch (dialect) {
        // MySQL runs the text of /*! … */ comments, so for it they are code.
        case MYSQL, MARIADB -> new Rules(true, true, true, false, false, false, true);
        case BIGQUERY -> new Rules(true, true, true, false, false, false, false);
        case CLICKHOUSE -> new Rules(true, false, true, false, false, true, false);
        case SQLITE -> new Rules(false, false, true, true, false, false, false);
        case SQLSERVER -> new Rules(false, false, false, true, false, true, false);
        case POSTGRESQL, REDSHIFT, DUCKDB -> new Rules(false, false, false, false, true, true, false);
        case H2 -> new Rules(false, false, false, false, true, false, false);
        case ANSI, ORACLE, SNOWFLAKE -> new Rules(false, false, false, false, false, false, false);
      };
    }
  }

  private final String sql;
  private final Rules rules;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int tokenStart;

  private SqlLexer(String sql, Rules rules) {
    this.sql = sql;
    this.rules = rules;
  }

  /** The tokens of {@code sql}, comments and whitespace dropped; an unterminated literal runs to the end. */
  static List<Token> tokens(String sql, Rules rules) {
    SqlLexer lexer = new SqlLexer(sql, rules);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    int n = sql.length();
    while (pos < n) {
      char c = sql.charAt(pos);
      tokenStart = pos;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && peek(1) == '-' || c == '#' && rules.hashComments) {
        skipLineComment();
      } else if (c == '/' && peek(1) == '*' && peek(2) == '!' && rules.executableComments) {
        pos += 3; // the comment's text is lexed as code; its closing */ as two symbols
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if (c == '\'') {
        readString(rules.backslashEscapes);
      } else if ((c == 'E' || c == 'e') && peek(1) == '\'' && rules.dollarQuotes) {
        pos++; // PostgreSQL's escape string: backslash escapes apply inside.
        readString(true);
      } else if ((c == 'U' || c == 'u') && peek(1) == '&' && peek(2) == '"' && rules.dollarQuotes) {
        pos += 2; // PostgreSQL's U&"…": a name spelled with \XXXX escapes, read as the name it spells
        readQuoted('"', '"');
        Token quoted = tokens.remove(tokens.size() - 1);
        add(Kind.QUOTED, unicodeUnescape(quoted.text()));
      } else if (c == '"') {
        readQuoted('"', '"');
      } else if (c == '`' && rules.backtickQuotes) {
        readQuoted('`', '`');
      } else if (c == '[' && rules.bracketQuotes) {
        readQuoted('[', ']');
      } else if (c == '$' && rules.dollarQuotes && dollarTagEnd() > 0) {
        readDollarString();
      } else if (Character.isLetter(c) || c == '_') {
        readWord();
      } else if (Character.isDigit(c)) {
        readNumber();
      } else {
        pos++;
        add(Kind.SYMBOL, String.valueOf(c));
      }
    }
  }

  private void add(Kind kind, String text) {
    tokens.add(new Token(kind, text, tokenStart, Math.min(pos, sql.length())));
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < sql.length() ? sql.charAt(at) : '\0';
  }

  private void skipLineComment() {
    // PostgreSQL and H2 end a line comment at either line break.
    while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
      pos++;
    }
  }

  private void skipBlockComment() {
    int depth = 0;
    while (pos < sql.length()) {
      if (sql.startsWith("/*", pos) && (depth == 0 || rules.nestedComments)) {
        depth++;
        pos += 2;
      } else if (sql.startsWith("*/", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
  }

  private void readString(boolean backslashEscapes) {
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '\\' && backslashEscapes) {
        pos += 2;
      } else if (c == '\'') {
        if (peek(1) == '\'') {
          pos += 2;
        } else {
          pos++;
          break;
        }
      } else {
        pos++;
      }
    }
    add(Kind.STRING, "");
  }

  private void readQuoted(char open, char close) {
    pos++;
    StringBuilder name = new StringBuilder();
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == close) {
        if (peek(1) == close && open == close) {
          name.append(c);
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      name.append(c);
      pos++;
    }
    add(Kind.QUOTED, name.toString());
  }

  /** Decodes {@code \XXXX} and {@code \+XXXXXX} escapes (the default UESCAPE); anything else stays as written. */
  static String unicodeUnescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        if (text.charAt(i + 1) == '\\') {
          out.append('\\');
          i++;
          continue;
        }
        boolean six = text.charAt(i + 1) == '+';
        int from = i + (six ? 2 : 1);
        int to = from + (six ? 6 : 4);
        if (to <= text.length() && text.substring(from, to).chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
          out.appendCodePoint(Integer.parseInt(text.substring(from, to), 16));
          i = to - 1;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The index just past a dollar-quote tag ({@code $$} or {@code $tag$}) starting at pos, or -1. */
  private int dollarTagEnd() {
    int i = pos + 1;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      if (i == pos + 1 && Character.isDigit(sql.charAt(i))) {
        return -1; // $1 is a parameter, not a tag
      }
      i++;
    }
    return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
  }

  private void readDollarString() {
    int tagEnd = dollarTagEnd();
    String tag = sql.substring(pos, tagEnd);
    int close = sql.indexOf(tag, tagEnd);
    pos = close < 0 ? sql.length() : close + tag.length();
    add(Kind.STRING, "");
  }

  private void readWord() {
    int start = pos;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        pos++;
      } else {
        break;
      }
    }
    add(Kind.WORD, sql.substring(start, pos));
  }

  private void readNumber() {
    int start = pos;
    while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
      pos++;
    }
    add(Kind.NUMBER, sql.substring(start, pos));
  }
}
