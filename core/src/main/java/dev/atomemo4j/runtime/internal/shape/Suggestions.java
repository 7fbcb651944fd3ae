package dev.atomemo4j.runtime.internal.shape;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;

/** "Did you mean" by edit distance, and the lists messages print. Used on error paths only. */
final class Suggestions {
  private Suggestions() {}

  /** Most candidates a message lists before it says "and N more". */
  static final int MAX_LISTED = 25;

  /**
   * The candidate closest to {@code input}, or null when none is close: an exact match ignoring case, {@code _}
   * and {@code -} ({@code minPrice} → {@code min_price}) wins; otherwise the smallest {@link #distance} (case
   * ignored) within a third of the candidate's length (at least 1, at most 3).
   */
  static String closest(String input, Collection<String> candidates) {
    String normalizedInput = normalize(input);
    String lowerInput = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (normalize(candidate).equals(normalizedInput)) {
        return candidate;
      }
      int limit = Math.max(1, Math.min(3, candidate.length() / 3));
      int d = distance(lowerInput, candidate.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String normalize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '_' && c != '-') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /**
   * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as one edit
   * (optimal string alignment), so the common typo {@code stroy} is one edit from {@code story}.
   */
  static int distance(String a, String b) {
    int[] twoBack = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        current[j] = d;
      }
      int[] t = twoBack;
      twoBack = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** {@code a, b, c}, cut after {@link #MAX_LISTED} with {@code … (N more)}. */
  static String list(Collection<?> values) {
    StringBuilder sb = new StringBuilder();
    Iterator<?> it = values.iterator();
    int i = 0;
    while (it.hasNext()) {
      Object v = it.next();
      if (i == MAX_LISTED) {
        sb.append(", … (").append(values.size() - MAX_LISTED).append(" more)");
        break;
      }
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(v);
      i++;
    }
    return sb.toString();
  }
}
