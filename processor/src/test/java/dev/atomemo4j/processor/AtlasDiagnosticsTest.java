package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One failing source per Atlas diagnostic: the stable code, the file and the line. {@link DiagnosticsTest}'s
 * meta-test counts the {@link Covers} here too.
 */
class AtlasDiagnosticsTest {

  /** The plugin class {@code demo.Demo} with extra {@code @Plugin} attributes and a body. */
  static JavaFileObject plugin(String attributes, String... body) {
    List<String> lines = new ArrayList<>(List.of("package demo;", "import dev.atomemo4j.annotations.*;",
        "import dev.atomemo4j.runtime.*;",
        "@Plugin(name = \"demo-plugin\", displayName = \"Demo\", description = \"A demo.\", icon = \"x\"" 
            + (attributes.isEmpty() ? "" : ", " + attributes) + ")",
        "public final class Demo {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return Sources.source("demo.Demo", lines.toArray(String[]::new));
  }

  /** The config record {@code demo.Cfg}, one component per line. */
  static JavaFileObject config(String... components) {
    List<String> lines = new ArrayList<>(List.of("package demo;", "import dev.atomemo4j.annotations.*;",
        "import dev.atomemo4j.runtime.Secret;", "import jakarta.validation.constraints.*;", "import java.util.*;",
        "public record Cfg("));
    for (int i = 0; i < components.length; i++) {
      lines.add("    " + components[i] + (i + 1 < components.length ? "," : ""));
    }
    lines.add(") {}");
    return Sources.source("demo.Cfg", lines.toArray(String[]::new));
  }

  static JavaFileObject configPlugin() {
    return plugin("config = Cfg.class", "  public Demo(Cfg config) {}");
  }

  static Compilation compile(JavaFileObject... sources) {
    return Sources.compile(sources);
  }

  // ---- types

  @Test
  @Covers("duplicate-type")
  void aTypeListedTwiceIsAnErrorOnTheSecondEntry() {
    JavaFileObject p = plugin("types = {PluginType.CONTEXT,\n    PluginType.CONTEXT}",
        "  @ContextProvider public String context() { return \"\"; }");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:duplicate-type] plugin type CONTEXT is listed twice").inFile(p)
        .onLine(5);
  }

  @Test
  @Covers("type-without-provider")
  void contextDeclaredWithoutAContextProviderIsAnError() {
    JavaFileObject p = plugin("types = PluginType.CONTEXT");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:type-without-provider] @Plugin(types) declares CONTEXT, but the "
        + "plugin class has no @ContextProvider method").inFile(p).onLineContaining("PluginType.CONTEXT");
  }

  @Test
  @Covers("provider-without-type")
  void aContextProviderWithoutTheContextTypeIsAnErrorOnTheMethod() {
    JavaFileObject p = plugin("", "  @ContextProvider",
        "  public String context() { return \"\"; }");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:provider-without-type] @ContextProvider method context makes the "
        + "plugin of type CONTEXT").inFile(p).onLineContaining("@ContextProvider");
  }

  // ---- lifecycle

  @Test
  @Covers("lifecycle-outside-plugin")
  void aLifecycleMethodOutsideThePluginClassIsAnError() {
    JavaFileObject helper = Sources.source("demo.Helper", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public final class Helper {", "  @Teardown", "  public void stop() {}", "}");
    Compilation c = compile(plugin(""), helper);

    assertThat(c).hadErrorContaining("[atomemo4j:lifecycle-outside-plugin] @Teardown method stop is in Helper, "
        + "which is not a @Plugin class").inFile(helper).onLineContaining("@Teardown");
  }

  @Test
  @Covers("bad-lifecycle-signature")
  void aHealthCheckReturningTheWrongTypeIsAnErrorWithTheExpectedSignature() {
    JavaFileObject p = plugin("", "  @HealthCheck", "  public boolean healthy() { return true; }");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-lifecycle-signature] @HealthCheck method healthy must be a "
        + "public instance method returning HealthResult and taking nothing. Declare it as public HealthResult "
        + "healthCheck()").inFile(p).onLineContaining("@HealthCheck");
  }

  @Test
  @Covers("bad-lifecycle-signature")
  void aStaticInitializeIsAnError() {
    JavaFileObject p = plugin("", "  @Initialize", "  public static void init(PluginContext ctx) {}");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-lifecycle-signature] @Initialize method init must be a public "
        + "instance method returning void and taking nothing or one PluginContext").inFile(p)
        .onLineContaining("@Initialize");
  }

  @Test
  @Covers("duplicate-lifecycle")
  void twoTeardownMethodsAreAnErrorOnTheSecond() {
    JavaFileObject p = plugin("", "  @Teardown public void a() {}", "  @Teardown public void b() {}");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:duplicate-lifecycle] @Teardown is on a and on b").inFile(p)
        .onLineContaining("void b()");
  }

  @Test
  @Covers("refresh-without-provider")
  void aRefreshWithoutAContextProviderIsAnError() {
    JavaFileObject p = plugin("", "  @Refresh", "  public void reload() {}");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:refresh-without-provider] @Refresh method reload refreshes the "
        + "context, but the plugin has no @ContextProvider").inFile(p).onLineContaining("@Refresh");
  }

  @Test
  @Covers("negative-timeout")
  void aNegativeTimeoutIsAnErrorOnTheValue() {
    JavaFileObject p = plugin("", "  @Initialize(timeoutMs = -5)", "  public void init() {}");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:negative-timeout] timeoutMs = -5 is negative").inFile(p)
        .onLineContaining("timeoutMs = -5");
  }

  @Test
  @Covers("bad-plugin-class")
  void anAbstractPluginClassWithLifecycleMethodsIsAnError() {
    JavaFileObject p = Sources.source("demo.Demo", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Plugin(name = \"demo-plugin\", displayName = \"Demo\", description = \"A demo.\", icon = \"x\")",
        "public abstract class Demo {", "  @Teardown public void stop() {}", "}");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-plugin-class] the Atlas plugin class Demo must be a public, "
        + "non-abstract class").inFile(p).onLineContaining("public abstract class Demo");
  }

  @Test
  @Covers("no-plugin-constructor")
  void aPluginWithConfigButNoUsableConstructorIsAnError() {
    JavaFileObject p = plugin("config = Cfg.class", "  public Demo(String other) {}");
    Compilation c = compile(p, config("String url"));

    assertThat(c).hadErrorContaining("[atomemo4j:no-plugin-constructor] Demo needs a public constructor taking Cfg, "
        + "or a public no-argument one").inFile(p).onLineContaining("public final class Demo");
  }

  // ---- config

  @Test
  @Covers("bad-config-type")
  void aConfigThatIsNotARecordIsAnErrorOnTheAttribute() {
    JavaFileObject p = plugin("config =\n    String.class");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-config-type] @Plugin(config) names java.lang.String, which is "
        + "not a public record").inFile(p).onLineContaining("String.class");
  }

  @Test
  @Covers("unsupported-config-type")
  void aListComponentIsAnUnsupportedConfigType() {
    JavaFileObject cfg = config("String url", "List<String> tags");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:unsupported-config-type] config field tags has type "
        + "java.util.List<java.lang.String>, which a config cannot hold").inFile(cfg).onLineContaining("tags");
  }

  @Test
  @Covers("secret-not-secret-type")
  void aSecretFlagOnAStringIsAnErrorPointingToSecret() {
    JavaFileObject cfg = config("@ConfigField(secret = true) String password");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:secret-not-secret-type] config field password is marked secret but "
        + "has type java.lang.String. Declare it Secret").inFile(cfg).onLineContaining("secret = true");
  }

  @Test
  @Covers("options-not-string")
  void optionsOnAnIntegerAreAnError() {
    JavaFileObject cfg = config("@ConfigField(options = {\"1\", \"2\"}) int level");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:options-not-string] config field level has options but type int")
        .inFile(cfg).onLineContaining("options");
  }

  @Test
  @Covers("bad-config-default")
  void aDefaultThatIsNotAnOptionIsAnError() {
    JavaFileObject cfg = config("@ConfigField(options = {\"low\", \"high\"}, defaultValue = \"\\\"mid\\\"\") "
        + "String level");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-config-default] defaultValue of config field level \"mid\" is "
        + "not one of its options low, high").inFile(cfg).onLineContaining("defaultValue");
  }

  @Test
  @Covers("bad-config-default")
  void aDefaultThatIsNotJsonIsAnError() {
    JavaFileObject cfg = config("@ConfigField(defaultValue = \"twenty\") int size");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-config-default] defaultValue of config field size is not JSON "
        + "text (twenty)").inFile(cfg).onLineContaining("defaultValue");
  }

  @Test
  @Covers("bad-config-default")
  void aDefaultOfTheWrongTypeIsAnError() {
    JavaFileObject cfg = config("@ConfigField(defaultValue = \"1.5\") int size");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-config-default] defaultValue of config field size 1.5 is not "
        + "an integer").inFile(cfg).onLineContaining("defaultValue");
  }

  @Test
  @Covers("bad-config-default")
  void aDefaultThatBreaksTheFieldsOwnConstraintIsAnError() {
    JavaFileObject cfg = config("@ConfigField(defaultValue = \"0\") @Min(1) int pageSize");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-config-default] defaultValue of config field pageSize 0 breaks "
        + "its own @Min(1)").inFile(cfg).onLineContaining("defaultValue");
  }

  @Test
  @Covers("bad-show-when")
  void showWhenNamingAnUnknownFieldIsAnErrorWithASuggestion() {
    JavaFileObject cfg = config("boolean advanced",
        "@ConfigField(showWhen = @ConfigField.ShowWhen(field = \"advancd\", equals = \"true\")) String extra");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-show-when] showWhen of config field extra names \"advancd\", "
        + "which is not a config field; did you mean \"advanced\"?").inFile(cfg).onLineContaining("advancd");
  }

  @Test
  @Covers("bad-show-when")
  void showWhenWaitingForAValueTheFieldCannotTakeIsAnError() {
    JavaFileObject cfg = config("boolean advanced",
        "@ConfigField(showWhen = @ConfigField.ShowWhen(field = \"advanced\", equals = \"yes\")) String extra");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-show-when] showWhen of config field extra waits for advanced = "
        + "\"yes\", which advanced can never be (its values: true, false)").inFile(cfg).onLineContaining("yes");
  }

  @Test
  @Covers("constraint-not-applicable")
  void minOnADoubleIsAnErrorSuggestingDecimalMin() {
    JavaFileObject cfg = config("@Min(1) double ratio");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:constraint-not-applicable] @Min does not apply to config field ratio "
        + "of type double. @Min compares whole numbers and would round a double; use @DecimalMin(\"…\")")
        .inFile(cfg).onLineContaining("ratio");
  }

  @Test
  @Covers("constraint-not-applicable")
  void sizeOnAnIntIsAnError() {
    JavaFileObject cfg = config("@Size(max = 3) int count");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:constraint-not-applicable] @Size does not apply to config field "
        + "count of type int").inFile(cfg).onLineContaining("count");
  }

  @Test
  @Covers("bad-regexp")
  void aPatternThatDoesNotCompileIsAnErrorOnTheRegexp() {
    JavaFileObject cfg = config("@Pattern(regexp = \"[a-z\") String code");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-regexp] the regexp of @Pattern on config field code does not "
        + "compile").inFile(cfg).onLineContaining("regexp");
  }

  @Test
  @Covers("impossible-bounds")
  void sizeWithMinAboveMaxIsAnError() {
    JavaFileObject cfg = config("@Size(min = 5, max = 2) String code");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:impossible-bounds] @Size on config field code has min = 5 above "
        + "max = 2").inFile(cfg).onLineContaining("max = 2");
  }

  @Test
  @Covers("impossible-bounds")
  void minAboveMaxIsAnError() {
    JavaFileObject cfg = config("@Min(10) @Max(3) int count");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:impossible-bounds] @Max on config field count is 3, below @Min(10)")
        .inFile(cfg).onLineContaining("count");
  }

  @Test
  @Covers("unsupported-constraint")
  void anUnsupportedJakartaConstraintIsAnErrorSayingSo() {
    JavaFileObject cfg = config("@Null String gone");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:unsupported-constraint] @Null on config field gone is not "
        + "supported").inFile(cfg).onLineContaining("gone");
  }

  @Test
  @Covers("constraint-groups")
  void aConstraintWithGroupsIsAnError() {
    JavaFileObject cfg = config("@NotBlank(groups = Cfg.class) String name");
    Compilation c = compile(configPlugin(), cfg);

    assertThat(c).hadErrorContaining("[atomemo4j:constraint-groups] @NotBlank on config field name names validation "
        + "groups").inFile(cfg).onLineContaining("groups");
  }

  @Test
  @Covers("bad-version")
  void anAtlasPluginsVersionMustBeSemVer() {
    JavaFileObject p = plugin("version = \"1.0\", config = Cfg.class", "  public Demo(Cfg config) {}");
    Compilation c = Sources.compile(List.of(), p, config("String url"));

    assertThat(c).hadErrorContaining("[atomemo4j:bad-version] version \"1.0\" is not SemVer").inFile(p)
        .onLineContaining("version = \"1.0\"");
  }

  @Test
  void independentAtlasMistakesAreAllReportedInOneCompile() {
    JavaFileObject p = plugin("types = {PluginType.SANDBOX}, config = Cfg.class", "  public Demo(Cfg config) {}",
        "  @Refresh public void reload() {}", "  @Teardown(timeoutMs = -1) public void stop() {}");
    JavaFileObject cfg = config("@Size(max = 1) int a", "@Pattern(regexp = \"(\") String b",
        "@ConfigField(secret = true) String c");
    Compilation c = compile(p, cfg);

    assertThat(c).hadErrorCount(6);
    for (String code : List.of("type-without-provider", "refresh-without-provider", "negative-timeout",
        "constraint-not-applicable", "bad-regexp", "secret-not-secret-type")) {
      assertThat(c).hadErrorContaining("[atomemo4j:" + code + "]");
    }
  }
}
