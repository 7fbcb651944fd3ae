package dev.atomemo4j.model.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets {@code author} and {@code email} in a {@code definition.json} the processor generated, by splicing text: the
 * top-level members are located by a scan that only counts brackets and skips strings, their value text is kept as
 * it is, and the two members are written in the place the definition's schema gives them (after {@code locales},
 * before {@code version}). The result is byte-for-byte what reading the file into the model, calling
 * {@code withAuthor} and writing it back gives (checked by {@code AuthorSpliceTest}), at a fraction of the cost: no
 * tree, no model. This is the runtime's start-up path (issue 18).
 *
 * <p>Two things keep it cheap for a plugin with many tools, whose definition is nearly all {@code tools}. The scan
 * stops at the first member that comes after {@code email} in schema order: the writer put the members in that
 * order, so author and e-mail can only be before it, and the rest of the text (credentials, models, tools) is copied
 * as one block, never read. And the compact text is made line by line: {@link JsJson#stringify} writes every line
 * break and indent between tokens and never inside a string (a string's line breaks are escaped), and a space only
 * after a member's {@code ":"}, which always opens its line; so removing each line break with its indent, and the
 * space after each line's leading key, gives exactly {@code JSON.stringify(value)}, with a jump to each line break
 * instead of a look at every character.
 *
 * <p>The scan trusts the input to be the processor's output; what it cannot read as an object, or does not end as
 * the writer ends an object, it reports with {@link IllegalArgumentException}, and it never quotes the text.
 */
public final class AuthorSplice {

  /** The pretty text (as the file is written) and the compact text (as {@code register_plugin} carries it). */
  public record Spliced(String pretty, String compact) {}

  /** Members that come after {@code author} in the definition's schema order. */
  private static final List<String> AFTER_AUTHOR = List.of("email", "version", "credentials", "models", "tools");

  private static final List<String> AFTER_EMAIL = List.of("version", "credentials", "models", "tools");

  private AuthorSplice() {}

  /**
   * @param generated the generated definition.json text (two-space indent, as {@link JsJson#stringify} writes it)
   * @param author the author to set; null removes the member, as the model's writer omits an absent one
   * @param email likewise
   */
  public static Spliced splice(String generated, String author, String email) {
    List<Member> members = topLevelMembers(generated);
    put(members, "author", author, AFTER_AUTHOR);
    put(members, "email", email, AFTER_EMAIL);
    String pretty = pretty(members);
    return new Spliced(pretty, compactLines(pretty));
  }

  /**
   * One top-level member: its key as written, and its value as a range of the source text (kept as a range so the
   * tools array, nearly all of the file, is copied once, into the result) or, for a member set here, as new text.
   */
  private record Member(String key, CharSequence source, int start, int end) {
    static Member of(String key, String text) {
      return new Member(key, text, 0, text.length());
    }
  }

  private static void put(List<Member> members, String key, String value, List<String> before) {
    int at = indexOf(members, key);
    if (value == null) {
      if (at >= 0) {
        members.remove(at);
      }
      return;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 2);
    JsJson.quote(value, quoted);
    Member member = Member.of(key, quoted.toString());
    if (at >= 0) {
      members.set(at, member);
      return;
    }
    int insert = members.size();
    for (int i = 0; i < members.size(); i++) {
      if (before.contains(members.get(i).key())) {
        insert = i;
        break;
      }
    }
    members.add(insert, member);
  }

  private static int indexOf(List<Member> members, String key) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static String pretty(List<Member> members) {
    if (members.isEmpty()) {
      return "{}";
    }
    int size = 4;
    for (Member m : members) {
      size += m.key().length() + (m.end() - m.start()) + 8;
    }
    StringBuilder out = new StringBuilder(size);
    out.append('{');
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      out.append(i == 0 ? "\n  \"" : ",\n  \"").append(m.key()).append("\": ").append(m.source(), m.start(), m.end());
    }
    return out.append("\n}").toString();
  }

  // --- the scan ------------------------------------------------------------------------------------------------

  private static List<Member> topLevelMembers(String s) {
    int i = skipSpace(s, 0);
    if (i >= s.length() || s.charAt(i) != '{') {
      throw new IllegalArgumentException("the definition is not a JSON object");
    }
    i = skipSpace(s, i + 1);
    List<Member> members = new ArrayList<>(16);
    if (i < s.length() && s.charAt(i) == '}') {
      return members;
    }
    while (true) {
      if (i >= s.length() || s.charAt(i) != '"') {
        throw new IllegalArgumentException("expected a member name at offset " + i);
      }
      int keyEnd = endOfString(s, i);
      String key = s.substring(i + 1, keyEnd - 1);
      if (AFTER_EMAIL.contains(key)) {
        members.add(rest(s, i));
        return members;
      }
      i = skipSpace(s, keyEnd);
      if (i >= s.length() || s.charAt(i) != ':') {
        throw new IllegalArgumentException("expected ':' at offset " + i);
      }
      int valueStart = skipSpace(s, i + 1);
      int valueEnd = endOfValue(s, valueStart);
      members.add(new Member(key, s, valueStart, valueEnd));
      i = skipSpace(s, valueEnd);
      if (i < s.length() && s.charAt(i) == ',') {
        i = skipSpace(s, i + 1);
      } else if (i < s.length() && s.charAt(i) == '}') {
        return members;
      } else {
        throw new IllegalArgumentException("expected ',' or '}' at offset " + i);
      }
    }
  }

  /**
   * The members from the one whose key opens at {@code keyStart} to the end, as one block of text; its key is that
   * first member's (so that author and e-mail are put before it). The text must end as the writer ends an object: a
   * line break and the closing brace, after a line of the top-level indent.
   */
  private static Member rest(String s, int keyStart) {
    int end = s.length();
    while (end > keyStart && isSpace(s.charAt(end - 1))) {
      end--;
    }
    int keyEnd = endOfString(s, keyStart);
    int close = end - 2; // where "\n}" must start
    int lastLine = close > keyEnd ? s.lastIndexOf('\n', close - 1) : -1;
    if (close <= keyEnd || !s.startsWith("\n}", close) || !s.startsWith(": ", keyEnd) || lastLine < 0
        || !s.startsWith("\n  ", lastLine) || isSpace(s.charAt(lastLine + 3))) {
      throw new IllegalArgumentException("the definition ends inside a member: it does not end as a generated object does (truncated?)");
    }
    // pretty() writes the first key itself; the block is its value and every member after it, as written.
    return new Member(s.substring(keyStart + 1, keyEnd - 1), s, keyEnd + 2, close);
  }

  /** The offset just after the value starting at {@code i}: a string, a bracketed value, or a bare literal. */
  private static int endOfValue(String s, int i) {
    if (i >= s.length()) {
      throw new IllegalArgumentException("the definition ends inside a member");
    }
    char c = s.charAt(i);
    if (c == '"') {
      return endOfString(s, i);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int j = i; j < s.length(); j++) {
        char d = s.charAt(j);
        if (d == '"') {
          j = endOfString(s, j) - 1;
        } else if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          if (--depth == 0) {
            return j + 1;
          }
        }
      }
      throw new IllegalArgumentException("the definition ends inside a value");
    }
    int j = i;
    while (j < s.length() && ",}] \t\r\n".indexOf(s.charAt(j)) < 0) {
      j++;
    }
    if (j == i) {
      throw new IllegalArgumentException("expected a value at offset " + i);
    }
    return j;
  }

  /** The offset just after the closing quote of the string opening at {@code i}. */
  private static int endOfString(String s, int i) {
    for (int j = i + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '"') {
        return j + 1;
      }
    }
    throw new IllegalArgumentException("the definition ends inside a string");
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /**
   * The compact form of text {@link JsJson#stringify} wrote (see the class comment for why this is exact): each
   * line break goes with the indent after it, and a line that opens with a member's key loses the space after its
   * colon.
   */
  static String compactLines(String pretty) {
    int n = pretty.length();
    StringBuilder out = new StringBuilder(n);
    int from = 0; // start of the text not yet copied
    int nl;
    while ((nl = pretty.indexOf('\n', from)) >= 0) {
      out.append(pretty, from, nl);
      int i = nl + 1;
      while (i < n && pretty.charAt(i) == ' ') {
        i++;
      }
      from = i;
      if (i < n && pretty.charAt(i) == '"') {
        int keyEnd = endOfString(pretty, i);
        if (pretty.startsWith(": ", keyEnd)) {
          out.append(pretty, i, keyEnd + 1);
          from = keyEnd + 2;
        }
      }
    }
    return out.append(pretty, from, n).toString();
  }

  /** The same JSON without whitespace between tokens: what {@code JSON.stringify(value)} writes. */
  static String compact(String pretty) {
    StringBuilder out = new StringBuilder(pretty.length());
    int n = pretty.length();
    int run = 0; // start of the text not yet copied
    for (int i = 0; i < n; i++) {
      char c = pretty.charAt(i);
      if (c == '"') {
        i = endOfString(pretty, i) - 1;
      } else if (isSpace(c)) {
        out.append(pretty, run, i);
        while (i + 1 < n && isSpace(pretty.charAt(i + 1))) {
          i++;
        }
        run = i + 1;
      }
    }
    return out.append(pretty, run, n).toString();
  }
}
