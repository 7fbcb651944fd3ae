package dev.atomemo4j.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the generated config checks rely on beyond the Hibernate Validator cross-check in the processor's tests:
 * messages never quote the value, null passes every rule but the presence rules, and values a provider cannot
 * judge (NaN digits) fail instead of throwing.
 */
class ConfigChecksTest {
  final List<String> codes = new ArrayList<>();
  final List<String> messages = new ArrayList<>();
  final ConfigViolation.Sink sink = (code, message) -> {
    codes.add(code);
    messages.add(message);
  };

  @Test
  void anEmptyOptionalIsCheckedAsAbsent() {
    ConfigChecks.notNull(ConfigChecks.unwrap(Optional.empty()), sink);

    assertThat(codes).containsExactly("config:not_null");
  }

  @Test
  void messagesQuoteTheRuleButNeverTheValue() {
    ConfigChecks.size("hunter2", 8, 64, sink);
    ConfigChecks.pattern("hunter2", Pattern.compile("[a-z]+"), sink);
    ConfigChecks.pattern("hunter2!", Pattern.compile("[a-z0-9]+"), sink);
    ConfigChecks.decimalMax(new BigDecimal("31337"), new BigDecimal("100"), true, sink);
    ConfigChecks.email("hunter2@", null, sink);

    assertThat(messages).containsExactly("length must be between 8 and 64", "must match \"[a-z]+\"",
        "must match \"[a-z0-9]+\"", "must be less than or equal to 100", "must be a well-formed email address");
    assertThat(String.join(" ", messages)).doesNotContain("hunter2").doesNotContain("31337");
  }

  @Test
  void nanAndInfinityHaveNoDigitsToCount() {
    ConfigChecks.digits(Double.NaN, 3, 2, sink);
    ConfigChecks.digits(Double.POSITIVE_INFINITY, 3, 2, sink);

    assertThat(codes).containsExactly("config:digits", "config:digits");
  }

  @Test
  void nanSatisfiesNoBoundAndNoSign() {
    ConfigChecks.decimalMin(Double.NaN, BigDecimal.ZERO, true, sink);
    ConfigChecks.decimalMax(Double.NaN, BigDecimal.ZERO, true, sink);
    ConfigChecks.positiveOrZero(Double.NaN, sink);
    ConfigChecks.negativeOrZero(Double.NaN, sink);

    assertThat(codes).containsExactly("config:decimal_min", "config:decimal_max", "config:positive_or_zero",
        "config:negative_or_zero");
  }

  @Test
  void everyRuleButThePresenceRulesAcceptsNull() {
    ConfigChecks.size(null, 1, 2, sink);
    ConfigChecks.min(null, 1, sink);
    ConfigChecks.max(null, 1, sink);
    ConfigChecks.decimalMin(null, BigDecimal.ONE, true, sink);
    ConfigChecks.positive(null, sink);
    ConfigChecks.pattern(null, Pattern.compile("x"), sink);
    ConfigChecks.email(null, Pattern.compile("x"), sink);
    ConfigChecks.assertTrue(null, sink);
    ConfigChecks.digits(null, 1, 0, sink);
    ConfigChecks.oneOf(null, List.of("a"), sink);
    assertThat(codes).isEmpty();

    ConfigChecks.required(null, sink);
    ConfigChecks.notNull(null, sink);
    ConfigChecks.notBlank(null, sink);
    ConfigChecks.notEmpty(null, sink);
    assertThat(codes).containsExactly("config:required", "config:not_null", "config:not_blank", "config:not_empty");
  }

  @Test
  void aStringOutsideItsOptionsIsReportedWithTheOptions() {
    ConfigChecks.oneOf("urgent", List.of("low", "high"), sink);

    assertThat(codes).containsExactly("config:option");
    assertThat(messages).containsExactly("must be one of low, high");
  }
}
