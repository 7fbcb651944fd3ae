package dev.atomemo4j.runtime.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.IDN;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The constraint checks generated config validators call, one static method per Jakarta constraint the processor
 * supports. Each reports to the sink with a stable {@code config:<rule>} code and a message that quotes the rule,
 * never the value (a config may hold secrets, and a message is logged).
 *
 * <p>The semantics are Bean Validation's as Hibernate Validator implements them, so a config validated here and one
 * validated by a provider agree: every rule but {@code notNull}, {@code notBlank}, {@code notEmpty} and
 * {@code required} accepts null; {@code notBlank} trims like {@link String#trim()}; lengths count UTF-16 units;
 * decimals compare exactly ({@code 0.1d} is {@code 0.1}); NaN satisfies no bound and no sign.
 *
 * <p>A {@code Secret} component is checked by its text: the generated check reveals it and passes the string, so
 * this class depends on nothing but the JDK.
 */
public final class ConfigChecks {
  private ConfigChecks() {}

  /** The value inside an Optional component (null when empty); other values unchanged. */
  public static Object unwrap(Object value) {
    return value instanceof Optional<?> o ? o.orElse(null) : value;
  }

  /** A component whose Java type does not admit absence (not Optional, not {@code @Nullable}) is null. */
  public static void required(Object value, ConfigViolation.Sink out) {
    if (value == null) {
      out.add("config:required", "is required");
    }
  }

  public static void notNull(Object value, ConfigViolation.Sink out) {
    if (value == null) {
      out.add("config:not_null", "must not be null");
    }
  }

  /** Not null and not only whitespace, as {@link Character#isWhitespace} defines it (a no-break space is text). */
  public static void notBlank(Object value, ConfigViolation.Sink out) {
    String s = text(value);
    if (s == null || s.chars().allMatch(Character::isWhitespace)) {
      out.add("config:not_blank", "must not be blank");
    }
  }

  public static void notEmpty(Object value, ConfigViolation.Sink out) {
    String s = text(value);
    if (s == null || s.isEmpty()) {
      out.add("config:not_empty", "must not be empty");
    }
  }

  /** Length between {@code min} and {@code max}, inclusive. */
  public static void size(Object value, int min, int max, ConfigViolation.Sink out) {
    String s = text(value);
    if (s != null && (s.length() < min || s.length() > max)) {
      out.add("config:size", max == Integer.MAX_VALUE ? "length must be at least " + min
          : "length must be between " + min + " and " + max);
    }
  }

  /** {@code @Min}: integral values and BigDecimal, compared exactly. */
  public static void min(Object value, long min, ConfigViolation.Sink out) {
    Integer c = compare(value, BigDecimal.valueOf(min));
    if (c != null && c < 0) {
      out.add("config:min", "must be greater than or equal to " + min);
    }
  }

  /** {@code @Max}. */
  public static void max(Object value, long max, ConfigViolation.Sink out) {
    Integer c = compare(value, BigDecimal.valueOf(max));
    if (c != null && c > 0) {
      out.add("config:max", "must be less than or equal to " + max);
    }
  }

  /** {@code @DecimalMin}: numbers, and text that must parse as a decimal. */
  public static void decimalMin(Object value, BigDecimal min, boolean inclusive, ConfigViolation.Sink out) {
    Integer c = compareDecimal(value, min, -1);
    if (c != null && (inclusive ? c < 0 : c <= 0)) {
      out.add("config:decimal_min", "must be greater than " + (inclusive ? "or equal to " : "") + min.toPlainString());
    }
  }

  /** {@code @DecimalMax}. */
  public static void decimalMax(Object value, BigDecimal max, boolean inclusive, ConfigViolation.Sink out) {
    Integer c = compareDecimal(value, max, 1);
    if (c != null && (inclusive ? c > 0 : c >= 0)) {
      out.add("config:decimal_max", "must be less than " + (inclusive ? "or equal to " : "") + max.toPlainString());
    }
  }

  public static void positive(Object value, ConfigViolation.Sink out) {
    Integer s = signum(value, -1);
    if (s != null && s <= 0) {
      out.add("config:positive", "must be greater than 0");
    }
  }

  public static void positiveOrZero(Object value, ConfigViolation.Sink out) {
    Integer s = signum(value, -1);
    if (s != null && s < 0) {
      out.add("config:positive_or_zero", "must be greater than or equal to 0");
    }
  }

  public static void negative(Object value, ConfigViolation.Sink out) {
    Integer s = signum(value, 1);
    if (s != null && s >= 0) {
      out.add("config:negative", "must be less than 0");
    }
  }

  public static void negativeOrZero(Object value, ConfigViolation.Sink out) {
    Integer s = signum(value, 1);
    if (s != null && s > 0) {
      out.add("config:negative_or_zero", "must be less than or equal to 0");
    }
  }

  /** {@code @Pattern}: the whole text must match. */
  public static void pattern(Object value, Pattern regexp, ConfigViolation.Sink out) {
    if (value instanceof String s && !regexp.matcher(s).matches()) {
      out.add("config:pattern", "must match \"" + regexp.pattern() + "\"");
    }
  }

  /**
   * {@code @Email}: a well-formed address (empty text counts as one, as in Bean Validation), and when
   * {@code regexp} is not null the whole text, even empty, must match it too.
   */
  public static void email(Object value, Pattern regexp, ConfigViolation.Sink out) {
    if (!(value instanceof String s)) {
      return;
    }
    if (!(s.isEmpty() || EmailAddresses.isWellFormed(s)) || (regexp != null && !regexp.matcher(s).matches())) {
      out.add("config:email", regexp == null ? "must be a well-formed email address"
          : "must be a well-formed email address matching \"" + regexp.pattern() + "\"");
    }
  }

  public static void assertTrue(Object value, ConfigViolation.Sink out) {
    if (Boolean.FALSE.equals(value)) {
      out.add("config:assert_true", "must be true");
    }
  }

  public static void assertFalse(Object value, ConfigViolation.Sink out) {
    if (Boolean.TRUE.equals(value)) {
      out.add("config:assert_false", "must be false");
    }
  }

  /** {@code @Digits}: at most {@code integer} integral and {@code fraction} fractional digits. */
  public static void digits(Object value, int integer, int fraction, ConfigViolation.Sink out) {
    if (value == null) {
      return;
    }
    BigDecimal d = value instanceof String s ? parse(s) : digitsDecimal(value);
    boolean ok = d != null && d.precision() - d.scale() <= integer && Math.max(d.scale(), 0) <= fraction;
    if (!ok) {
      out.add("config:digits", "must have at most " + integer + " integral and " + fraction + " fractional digits");
    }
  }

  /** A string field with options is one of them. */
  public static void oneOf(Object value, List<String> options, ConfigViolation.Sink out) {
    if (value instanceof String s && !options.contains(s)) {
      out.add("config:option", "must be one of " + String.join(", ", options));
    }
  }

  // ---- helpers

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }

  /** Exact comparison of an integral or decimal value with {@code bound}; null for null or a non-number. */
  private static Integer compare(Object value, BigDecimal bound) {
    BigDecimal d = exact(value);
    return d == null ? null : d.compareTo(bound);
  }

  /** Like {@link #compare}, for floating values too; NaN compares as {@code nan} (fails the bound). */
  private static Integer compareDecimal(Object value, BigDecimal bound, int nan) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return nan;
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? 1 : -1;
      }
    }
    if (value instanceof String s) {
      BigDecimal d = parse(s);
      return d == null ? nan : d.compareTo(bound);
    }
    return compare(value, bound);
  }

  /** The sign; NaN counts as {@code nan}, so it satisfies no sign constraint. */
  private static Integer signum(Object value, int nan) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isNaN(d) ? nan : d > 0 ? 1 : d < 0 ? -1 : 0;
    }
    BigDecimal d = exact(value);
    return d == null ? null : d.signum();
  }

  private static BigDecimal exact(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    } else if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof Float f) {
      return new BigDecimal(Float.toString(f));
    } else if (value instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    return null;
  }

  /** The decimal whose digits {@code @Digits} counts: a BigDecimal as written, other numbers without zero tails. */
  private static BigDecimal digitsDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())
        || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return null;
    }
    BigDecimal d = value instanceof Number n ? new BigDecimal(n.toString()) : null;
    return d == null ? null : d.stripTrailingZeros();
  }

  private static BigDecimal parse(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Well-formed e-mail addresses, as Bean Validation providers judge them: a local part of at most 64 characters
   * made of dot-separated atoms or quoted strings, an {@code @} (the last one), and a domain that is either a
   * dot-separated host name (IDN allowed; labels of at most 63 and the whole of at most 255 characters in their
   * ASCII form; no label starting or ending with a hyphen) or a bracketed IP literal ({@code [1.2.3.4]} — four
   * groups of one to three digits — or {@code [IPv6:…]}).
   */
  static final class EmailAddresses {
    private EmailAddresses() {}

    private static final String ATOM_CHAR = "[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]";
    private static final String QUOTED_CHAR = "(?:[a-z0-9!#$%&'*.(),<>\\[\\]:;  @+/=?^_`{|}~\u0080-\uFFFF-]"
        + "|\\\\\\\\|\\\\\")";
    private static final String WORD = "(?:" + ATOM_CHAR + "+|\"" + QUOTED_CHAR + "+\")";
    private static final Pattern LOCAL_PART = Pattern.compile(WORD + "(?:\\." + WORD + ")*",
        Pattern.CASE_INSENSITIVE);
    private static final String LABEL_CHAR = "[a-z\u0080-\uFFFF0-9!#$%&'*+/=?^_`{|}~]";
    private static final String LABEL = "(?:" + LABEL_CHAR + "-*)*" + LABEL_CHAR + "+";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    static boolean isWellFormed(String address) {
      int at = address.lastIndexOf('@');
      if (at < 0) {
        return false;
      }
      String local = address.substring(0, at);
      String domain = address.substring(at + 1);
      return local.length() <= 64 && LOCAL_PART.matcher(local).matches() && isDomain(domain);
    }

    private static boolean isDomain(String domain) {
      if (domain.startsWith("[") && domain.endsWith("]")) {
        String inner = domain.substring(1, domain.length() - 1);
        return IPV4.matcher(inner).matches()
            || inner.regionMatches(true, 0, "IPv6:", 0, 5) && isIpv6(inner.substring(5));
      }
      if (domain.isEmpty() || domain.endsWith(".")) {
        return false;
      }
      String ascii;
      try {
        ascii = IDN.toASCII(domain);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (ascii.length() > 255 || !DOMAIN.matcher(domain).matches()) {
        return false;
      }
      for (String label : ascii.split("\\.")) {
        if (label.length() > 63) {
          return false;
        }
      }
      return true;
    }

    private static boolean isIpv6(String s) {
      if (!s.matches("[0-9a-fA-F:.]+")) {
        return false;
      }
      try {
        return java.net.InetAddress.getByName("[" + s + "]") instanceof java.net.Inet6Address;
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
  }
}
