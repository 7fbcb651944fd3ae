package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated config checks judge like Hibernate Validator: a record carrying every supported constraint is
 * compiled with the processor, then thousands of seeded random instances, with values on and around every
 * boundary, are validated by both; each instance must get the same set of (field, rule). A failure prints the seed
 * ({@code -Dcrosscheck.seed=…} replays it) and the first differing instances.
 */
class ConfigValidatorCrossCheckTest {
  static final int INSTANCES = 5_000;

  static ConfigBinding binding;
  static ValidatorFactory factory;
  static Validator validator;

  @BeforeAll
  static void compile() throws ReflectiveOperationException {
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0.0"), Fixtures.sources("crosscheck"));
    assertThat(c).succeeded();
    ClassLoader loader = GeneratedClasses.load(c);
    binding = ((PluginRegistry) loader.loadClass("crosscheck.CrossCheckRegistry").getConstructor().newInstance())
        .descriptor().atlas().config();
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void generatedChecksAndHibernateValidatorReportTheSameRulesForEveryInstance() {
    long seed = Long.getLong("crosscheck.seed", System.nanoTime());
    Random random = new Random(seed);
    List<Function<Random, Object>> generators = generators();
    assertThat(generators).as("one generator per component").hasSize(binding.components().size());
    List<String> differences = new ArrayList<>();
    int violationsSeen = 0;
    Set<String> rulesBroken = new TreeSet<>();
    Object firstInstance = null;
    for (int i = 0; i < INSTANCES; i++) {
      Object[] values = new Object[generators.size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = generators.get(k).apply(random);
      }
      Object instance = binding.shape().construct().apply(values);
      Set<String> ours = ours(instance);
      Set<String> theirs = hibernate(instance);
      violationsSeen += theirs.size();
      rulesBroken.addAll(theirs);
      firstInstance = firstInstance == null ? instance : firstInstance;
      if (!ours.equals(theirs) && differences.size() < 10) {
        differences.add("instance " + i + " " + Arrays.deepToString(values) + "\n    generated checks: " + ours
            + "\n    Hibernate Validator: " + theirs);
      }
    }

    assertThat(differences).as("seed %d (replay with -Dcrosscheck.seed=%d)", seed, seed).isEmpty();
    assertThat(violationsSeen).as("the instances break rules often enough to mean something")
        .isGreaterThan(INSTANCES);
    assertThat(rulesBroken).as("every declared rule was broken at least once").isEqualTo(declared(firstInstance));
  }

  static Set<String> ours(Object instance) {
    Set<String> out = new TreeSet<>();
    for (ConfigBinding.Component c : binding.components()) {
      c.check().check(c.accessor().apply(instance), (code, message) -> out.add(c.key() + " "
          + code.substring("config:".length())));
    }
    return out;
  }

  /** Every (field, rule) the record declares, as Hibernate Validator's metadata lists them. */
  static Set<String> declared(Object instance) {
    Set<String> out = new TreeSet<>();
    for (var property : validator.getConstraintsForClass(instance.getClass()).getConstrainedProperties()) {
      for (var d : property.getConstraintDescriptors()) {
        out.add(property.getPropertyName() + " " + rule(d.getAnnotation().annotationType()));
      }
    }
    return out;
  }

  static String rule(Class<?> annotation) {
    return annotation.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  static Set<String> hibernate(Object instance) {
    Set<String> out = new TreeSet<>();
    for (ConstraintViolation<Object> v : validator.validate(instance)) {
      out.add(v.getPropertyPath().iterator().next().getName() + " "
          + rule(v.getConstraintDescriptor().getAnnotation().annotationType()));
    }
    return out;
  }

  // ---- values on and around every boundary, mixed with random ones

  @SafeVarargs
  static <T> Function<Random, Object> oneOf(Function<Random, T> random, T... boundary) {
    return r -> r.nextInt(3) == 0 ? random.apply(r) : boundary[r.nextInt(boundary.length)];
  }

  static String randomText(Random r, String alphabet, int maxLength) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(maxLength + 1);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  static final String[] TEXTS = {null, "", " ", "\t", "\n", "  a ", "a", "ab", "abc", "abcd", "abcdefgh",
      "abcdefghi", "\u00a0", "\u2003x", "\u0000", "\u001f", "\u0020\u0021"};

  static final String[] EMAILS = {null, "", "a@b.com", "first.last@example.org", "\"quoted\"@x.com",
      "\"a b\"@c.org", "a@[127.0.0.1]", "a@[IPv6:::1]", "a@[IPv6:2001:db8::1]", "a@[1.2.3.256]", "a@[not-ip]",
      "a@", "@b.com", "a@@b.com", "a..b@c.com", ".a@b.com", "a.@b.com", "a@b..com", "a@-b.com", "a@b-.com",
      "a@b.com.", "a b@c.com", "a@b_c.com", "a@localhost", "ü@example.com", "a@ü.org", "a@xn--.com", "a(b)@c.com",
      "a\\@b@c.com", "a@b.c@d.org", "a@1.2.3.4", "a@b", "a@b.c", "A@B.ORG", "a+tag@x.org", "a@b.c-d.org",
      "a@" + "d".repeat(63) + ".org", "a@" + "d".repeat(64) + ".org", "x".repeat(64) + "@b.org",
      "x".repeat(65) + "@b.org", "a@" + ("d".repeat(60) + ".").repeat(4) + "org", "a@" + ("d".repeat(62) + ".")
      .repeat(4) + "org", "a@b.org\n", "\na@b.org", "a@b.o rg", "a@.org", "a@b.-org", "a@b.org-",
      "#!$%&'*+/=?^_`{}|~@x.org", "a@" + ("d".repeat(63) + ".").repeat(4) + "org",
      "a@" + ("d".repeat(63) + ".").repeat(3) + "d".repeat(61) + ".org", "a@" + "ü".repeat(60) + ".org",
      "a\"b@c.org", "\"a\\\"b\"@c.org", "\"\"@c.org", "a@b..", "a@*.org", "a@b!.org"};

  static String randomEmail(Random r) {
    String[] locals = {"a", "a.b", "a..b", ".a", "\"q q\"", "x".repeat(64), "x".repeat(65), "ü", "a b", "", "A_b"};
    String[] domains = {"b.org", "b", "b..org", "-b.org", "b-.org", "[127.0.0.1]", "ü.org", "b.org.", "", "b_c.org",
        "B.ORG", "1.2", "d".repeat(64) + ".org"};
    return locals[r.nextInt(locals.length)] + (r.nextInt(8) == 0 ? "@@" : "@") + domains[r.nextInt(domains.length)];
  }

  static List<Function<Random, Object>> generators() {
    List<Function<Random, Object>> g = new ArrayList<>();
    // name: @NotNull String
    g.add(oneOf(r -> randomText(r, "ab ", 3), TEXTS));
    // code: @NotBlank @Size(2, 8)
    g.add(oneOf(r -> randomText(r, "ab \t\u00a0", 10), TEXTS));
    // tag: @NotEmpty @Pattern("[a-z]+-\\d{2}", CASE_INSENSITIVE)
    g.add(oneOf(r -> randomText(r, "aZ-19 ", 7), null, "", "abc-12", "ABC-12", "abc-1", "abc-123", "-12", "abc12",
        "abc-12\n", "ab c-12", "z-00", "é-12", "abc-١٢"));
    // shortNote: @Size(max = 3), nullable
    g.add(oneOf(r -> randomText(r, "a ", 5), TEXTS));
    // email: @Email
    g.add(oneOf(ConfigValidatorCrossCheckTest::randomEmail, EMAILS));
    // orgEmail: @Email(regexp = ".*\\.org")
    g.add(oneOf(ConfigValidatorCrossCheckTest::randomEmail, EMAILS));
    // level: @Min(-5) @Max(10) int
    g.add(oneOf(r -> r.nextInt(40) - 20, -6, -5, -4, 0, 9, 10, 11, Integer.MIN_VALUE, Integer.MAX_VALUE));
    // count: @Min(0) @Max(1000) Long, nullable
    g.add(oneOf(r -> (long) (r.nextInt(3000) - 1000), null, -1L, 0L, 1L, 999L, 1000L, 1001L, Long.MIN_VALUE,
        Long.MAX_VALUE));
    // small: @Positive short
    g.add(oneOf(r -> (short) (r.nextInt(20) - 10), (short) -1, (short) 0, (short) 1, Short.MIN_VALUE,
        Short.MAX_VALUE));
    // tiny: @PositiveOrZero Byte, nullable
    g.add(oneOf(r -> (byte) (r.nextInt(256) - 128), null, (byte) -1, (byte) 0, (byte) 1, Byte.MIN_VALUE,
        Byte.MAX_VALUE));
    // negative: @Negative long
    g.add(oneOf(r -> (long) r.nextInt(10) - 5, -1L, 0L, 1L, Long.MIN_VALUE, Long.MAX_VALUE));
    // nonPositive: @NegativeOrZero Integer, nullable
    g.add(oneOf(r -> r.nextInt(10) - 5, null, -1, 0, 1));
    // price: @NotNull @DecimalMin("0.5") @DecimalMax("99.5", exclusive) @Digits(2, 2) BigDecimal
    g.add(oneOf(r -> BigDecimal.valueOf(r.nextInt(20000) - 1000, r.nextInt(4)), null, bd("0.5"), bd("0.49"),
        bd("0.50"), bd("0.500"), bd("0.51"), bd("99.49"), bd("99.5"), bd("99.50"), bd("99.499"), bd("100"),
        bd("1.234"), bd("12.34"), bd("123.4"), bd("1E+1"), bd("5E-3"), bd("-0"), bd("0.4999999999999999999")));
    // ratio: @DecimalMin("-1.5", exclusive) @DecimalMax("2.25") @Positive double
    g.add(oneOf(r -> (r.nextDouble() * 8) - 4, -1.5, -1.4999999999999998, -1.5000000000000002, 2.25,
        2.2500000000000004, 2.2499999999999996, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1e-300, Double.MIN_VALUE, 0.1));
    // weight: @DecimalMin("0.1") @NegativeOrZero Float, nullable
    g.add(oneOf(r -> r.nextFloat() - 0.5f, null, 0.1f, 0.099999994f, 0.10000001f, 0f, -0f, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -1f));
    // big: @Digits(3, 0) @Min(-900) BigInteger, nullable
    g.add(oneOf(r -> BigInteger.valueOf(r.nextInt(4000) - 2000), null, BigInteger.valueOf(999),
        BigInteger.valueOf(1000), BigInteger.valueOf(-999), BigInteger.valueOf(-900), BigInteger.valueOf(-901),
        BigInteger.ZERO, new BigInteger("123456789012345678901234567890")));
    // accepted: @AssertTrue boolean
    g.add(r -> r.nextBoolean());
    // blocked: @AssertFalse Boolean, nullable
    g.add(oneOf(r -> r.nextBoolean(), null, Boolean.TRUE, Boolean.FALSE));
    // amountText: @DecimalMin("10") @DecimalMax("1000", exclusive) @Digits(4, 1) String, nullable
    g.add(oneOf(r -> randomText(r, "019.e-", 6), null, "10", "9.99", "10.0", "10.00", "1e1", "abc", "", " 10",
        "999.9", "1000", "999.99", "1234.5", "12345", "-0", "+10", "0010", ".5e2", "1E3"));
    // gain: @Positive BigDecimal, nullable
    g.add(oneOf(r -> BigDecimal.valueOf(r.nextInt(200) - 100, r.nextInt(3)), null, bd("0"), bd("0.000"),
        bd("-0.1"), bd("1E-10"), bd("-1E-10")));
    // capped: @Max(3) @Min(-3) BigDecimal, nullable
    g.add(oneOf(r -> BigDecimal.valueOf(r.nextInt(1000) - 500, 2), null, bd("3"), bd("3.0000001"), bd("2.99"),
        bd("-3"), bd("-3.0000001"), bd("3E0"), bd("0.3E1")));
    // measured: @Digits(2, 1) Double, nullable. No NaN or infinity: Hibernate Validator throws on them (HV000028),
    // where the generated check reports config:digits (ConfigChecksTest covers that).
    g.add(oneOf(r -> Math.round(r.nextDouble() * 20000 - 10000) / 100.0, null, 99.9, 99.99, 100.0, 9.0, 10.5,
        -99.9, 0.0, -0.0, 1e-5, 1e20, 12.0, 1.25));
    return g;
  }

  static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }
}
