package dev.atomemo4j.model.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number::toString} for doubles: the shortest digit string that reads back as the same double,
 * laid out with JavaScript's rules ({@code 1} not {@code 1.0}, {@code 1e-7}, {@code 1.5e+21}).
 *
 * <p>{@link Double#toString} cannot be used directly: it writes {@code 2.0} and {@code 4.0E-4}, and before JDK 19
 * it sometimes printed more digits than needed.
 */
public final class JsNumbers {
  private JsNumbers() {}

  /** The JavaScript text of {@code value}; NaN and infinities print as {@code null}, as JSON.stringify does. */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    if (value == 0) {
      return "0"; // also for -0
    }
    String sign = value < 0 ? "-" : "";
    BigDecimal shortest = shortest(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = digits x 10^(n-k)
    return sign + layout(digits, k, n);
  }

  private static BigDecimal shortest(double positive) {
    BigDecimal exact = new BigDecimal(positive);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == positive) {
        return strip(candidate);
      }
    }
    return strip(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  private static BigDecimal strip(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s;
  }

  private static String layout(String s, int k, int n) {
    StringBuilder out = new StringBuilder();
    if (k <= n && n <= 21) {
      out.append(s);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(s);
    } else {
      out.append(s.charAt(0));
      if (k > 1) {
        out.append('.').append(s, 1, k);
      }
      int e = n - 1;
      out.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
    }
    return out.toString();
  }
}
