package dev.atomemo4j.model.validate;

import java.util.regex.Pattern;

/** The name rules of the definition format (§2.2), shared by the validator, the processor and the CLI. */
public final class Names {
  private Names() {}

  /** Plugin, credential and tool names: 5–65 characters. */
  public static final Pattern FEATURE =
      Pattern.compile("^[a-zA-Z](?:(?![_-]{2,})[a-zA-Z0-9_-]){3,63}[a-zA-Z0-9]$");

  /** Model names: also {@code .} and {@code /}; at least 2 characters. */
  public static final Pattern MODEL = Pattern.compile("^[a-zA-Z](?:(?![_.-]{2,})[a-zA-Z0-9._/-])*[a-zA-Z0-9]$");

  /** Property names, depends_on entries and search_list_method: 1–64 characters. */
  public static final Pattern STRICT = Pattern.compile("^[A-Za-z](?:_?[A-Za-z0-9])*$");

  /** Locale keys of localized text: both the schema's and the Elixir SDK's rule. */
  public static final Pattern LOCALE_KEY = Pattern.compile("^[a-z]{2}_[A-Z][^_]*$");

  /** SemVer without underscores, as the Elixir SDK requires. */
  public static final Pattern SEMVER = Pattern.compile(
      "^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$");

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

  public static boolean isFeatureName(String s) {
    return s != null && FEATURE.matcher(s).matches();
  }

  public static boolean isModelName(String s) {
    return s != null && MODEL.matcher(s).matches();
  }

  public static boolean isStrictName(String s) {
    return s != null && s.length() <= 64 && STRICT.matcher(s).matches();
  }

  public static boolean isEmail(String s) {
    return s != null && EMAIL.matcher(s).matches();
  }

  public static boolean isHttpUrl(String s) {
    if (s == null) {
      return false;
    }
    try {
      java.net.URI uri = new java.net.URI(s);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** Why {@code s} is not a feature name, in words, for messages. */
  public static String whyNotFeatureName(String s) {
    if (s.length() < 5 || s.length() > 65) {
      return "it has " + s.length() + " characters; names have 5 to 65";
    }
    if (!Character.isLetter(s.charAt(0)) || s.charAt(0) > 'z') {
      return "it must start with a letter";
    }
    if (!Character.isLetterOrDigit(s.charAt(s.length() - 1))) {
      return "it must end with a letter or digit";
    }
    if (s.matches(".*[_-]{2,}.*")) {
      return "it has two of `_`/`-` in a row (the Hub uses `__` to separate the name from the version)";
    }
    return "only ASCII letters, digits, `_` and `-` are allowed";
  }

  /** Why {@code s} is not a strict (property) name, in words, for messages. */
  public static String whyNotStrictName(String s) {
    if (s.isEmpty()) {
      return "it is empty";
    }
    if (s.length() > 64) {
      return "it has " + s.length() + " characters; at most 64 are allowed";
    }
    if (s.contains("-")) {
      return "hyphens are not allowed; use `_`";
    }
    if (!Character.isLetter(s.charAt(0)) || s.charAt(0) > 'z') {
      return "it must start with a letter";
    }
    if (s.endsWith("_")) {
      return "it must not end with `_`";
    }
    if (s.contains("__")) {
      return "it must not contain `__`";
    }
    return "only ASCII letters, digits and single `_` are allowed";
  }

  /** The candidate closest to {@code wanted} by edit distance, or null when none is close enough to suggest. */
  public static String closest(String wanted, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = levenshtein(wanted.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    if (best == null) {
      return null;
    }
    int limit = Math.max(2, Math.max(wanted.length(), best.length()) / 3);
    return bestDistance <= limit ? best : null;
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
