package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.atomemo4j.processor.DiagnosticsTest.TOOL;
import static dev.atomemo4j.processor.DiagnosticsTest.plugin;
import static dev.atomemo4j.processor.DiagnosticsTest.tools;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes reported on the element that holds them (the variant, the record, the attribute), every independent
 * mistake in one compilation, and the rules that used to let a mistake through silently.
 */
class ElementDiagnosticsTest {

  @TempDir Path resources;

  static JavaFileObject shapes(String... variants) {
    String[] head = {"package demo;", "import dev.atomemo4j.annotations.*;", "@Union(discriminator = \"kind\")",
        "public sealed interface Shape permits " + permits(variants) + " {"};
    String[] all = new String[head.length + variants.length + 1];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(variants, 0, all, head.length, variants.length);
    all[all.length - 1] = "}";
    return Sources.source("demo.Shape", all);
  }

  private static String permits(String... variants) {
    return String.join(", ", java.util.Arrays.stream(variants).filter(v -> v.contains(" record "))
        .map(v -> "Shape." + v.replaceAll(".*record (\\w+).*", "$1")).toList());
  }

  static final String SHAPES_TOOL = "  public String run(@Param(name = \"shapes\") List<Shape> s) { return \"\"; }";

  // ---- unions: findings on the variant or the union, not on the tool method

  @Test
  void aSingleVariantUnionIsAnErrorOnTheSealedInterface() {
    JavaFileObject shape = shapes("  @Variant(\"circle\") record Circle(double radius) implements Shape {}");
    Compilation c = Sources.compile(plugin(), shape, tools(TOOL, SHAPES_TOOL));

    assertThat(c).hadErrorContaining("[atomemo4j:union-variants] a discriminated_union needs at least 2 variants")
        .inFile(shape).onLineContaining("sealed interface Shape");
  }

  @Test
  void aVariantComponentNamedLikeTheDiscriminatorIsAnErrorOnTheComponent() {
    JavaFileObject shape = shapes("  @Variant(\"circle\") record Circle(double radius) implements Shape {}",
        "  @Variant(\"square\") record Square(double side,",
        "      String kind) implements Shape {}");
    Compilation c = Sources.compile(plugin(), shape, tools(TOOL, SHAPES_TOOL));

    assertThat(c).hadErrorContaining("[atomemo4j:duplicate-name]").inFile(shape).onLineContaining("String kind");
  }

  @Test
  void anEmptyDiscriminatorConstantIsAnErrorOnTheVariant() {
    JavaFileObject shape = shapes("  @Variant(\"circle\") record Circle(double radius) implements Shape {}",
        "  @Variant(\"\") record Square(double side) implements Shape {}");
    Compilation c = Sources.compile(plugin(), shape, tools(TOOL, SHAPES_TOOL));

    assertThat(c).failed();
    assertThat(c.errors()).allSatisfy(e -> assertThat(e.getSource().getName()).endsWith("Shape.java"));
  }

  @Test
  void aDefaultOnAVariantsDiscriminatorIsAnErrorOnTheAttribute() {
    JavaFileObject shape = shapes("  @Variant(\"circle\") record Circle(double radius) implements Shape {}",
        "  @Variant(value = \"square\", discriminator = @Param(",
        "      defaultValue = \"square\")) record Square(double side) implements Shape {}");
    Compilation c = Sources.compile(plugin(), shape, tools(TOOL, SHAPES_TOOL));

    assertThat(c).hadErrorContaining("[atomemo4j:attribute-not-applicable] defaultValue does not apply to the "
        + "discriminator property").inFile(shape).onLineContaining("defaultValue = \"square\"");
  }

  // ---- every independent mistake in one compilation

  @Test
  @Covers("unsupported-type")
  void anUnsupportedTypeDoesNotHideANameErrorOfAnotherParameter() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"t\") Thread t,",
        "      @Param(name = \"time-zone\") String tz) { return tz; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[atomemo4j:unsupported-type] java.lang.Thread").inFile(t)
        .onLineContaining("Thread t");
    assertThat(c).hadErrorContaining("[atomemo4j:bad-property-name] property name \"time-zone\"").inFile(t)
        .onLineContaining("time-zone");
  }

  @Test
  void aToolNoPluginListsIsReportedNextToAnErrorInTheListedTools() {
    JavaFileObject stray = Sources.source("demo.Stray", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public final class Stray {", TOOL.replace("demo-tool", "stray-tool"),
        "  public static String run() { return \"\"; }", "}");
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"time-zone\") String tz) { return tz; }");
    Compilation c = Sources.compile(plugin(), t, stray);

    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[atomemo4j:bad-property-name]").inFile(t).onLineContaining("time-zone");
    assertThat(c).hadErrorContaining("[atomemo4j:not-owned] method Stray.run").inFile(stray)
        .onLineContaining("public static String run");
  }

  @Test
  void aBrokenLocatorParameterCausesNoFollowUpErrorAboutItsHandler() {
    JavaFileObject t = tools(TOOL,
        "  public String run(@Param(name = \"base\") @Locator(list = \"list_bases\") Thread base) { return \"\"; }",
        "  @LocatorList(\"list_bases\")",
        "  public Object bases(dev.atomemo4j.runtime.LocatorRequest r) { return null; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[atomemo4j:unsupported-type] java.lang.Thread");
  }

  // ---- values outside the enum

  @Test
  void aDefaultOutsideTheAllowedValuesIsAnErrorOnTheDefault() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"f\", allowed = {\"iso\", \"unix\"},",
        "      defaultValue = \"unx\") String f) { return f; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:not-in-enum] default \"unx\" is not one of the `enum` values "
        + "\"iso\", \"unix\"; did you mean \"unix\"?").inFile(t).onLineContaining("defaultValue = \"unx\"");
  }

  @Test
  void aConstantOutsideAnEnumTypesValuesIsAnErrorOnTheConstant() {
    JavaFileObject t = tools("  public enum Mode { FAST, SLOW }", TOOL,
        "  public String run(@Param(name = \"m\",",
        "      constant = \"medium\") Mode m) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:not-in-enum] constant \"medium\"").inFile(t)
        .onLineContaining("constant = \"medium\"");
  }

  // ---- attributes that do not apply

  @Test
  @Covers("attribute-not-applicable")
  void maxItemsOnAStringIsAnErrorOnTheAttribute() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"q\",",
        "      maxItems = 3) String q) { return q; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:attribute-not-applicable] maxItems does not apply to a string "
        + "property (java.lang.String), so it would be dropped from the definition. Size bounds apply to lists")
        .inFile(t).onLineContaining("maxItems = 3");
  }

  @Test
  void aUiAttributeOfAnotherComponentIsAnErrorNamingTheComponentsThatTakeIt() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"q\", component = \"textarea\",",
        "      step = 2) String q) { return q; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("step does not apply to component textarea").inFile(t)
        .onLineContaining("step = 2");
    assertThat(c).hadErrorContaining("Set component to number-input or slider, or remove step.");
  }

  @Test
  void aHintWithNoUiIsAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"q\", noUi = true,",
        "      hint = \"Type here\") String q) { return q; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("hint does not apply to @Param(noUi = true), which writes no ui").inFile(t)
        .onLineContaining("hint = \"Type here\"");
  }

  @Test
  void anUnknownExplicitFalseNameIsAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"q\",",
        "      explicitFalse = \"expression\") String q) { return q; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("explicitFalse entry \"expression\" does not apply").inFile(t)
        .onLineContaining("explicitFalse");
  }

  @Test
  void explicitFalseWritesAFalseThatTheDefaultLeavesOut() {
    Compilation c = Sources.compile(plugin(), tools(TOOL, "  public String run(@Param(name = \"q\","
        + " explicitFalse = \"supportExpression\") String q, @Param(name = \"r\") String r) { return q; }"));

    String definition = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json");
    assertThat(definition).containsOnlyOnce("\"support_expression\": false");
  }

  // ---- arrays are described like lists

  @Test
  void aParamOnAnArrayDescribesTheArrayNotItsItems() {
    Compilation c = Sources.compile(plugin(), tools(TOOL, "  public String run(@Param(name = \"tags\", "
        + "displayName = \"Tags\", defaultValue = \"[\\\"a\\\"]\") String[] tags) { return \"\"; }"));

    assertThat(c).succeeded();
    String definition = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json");
    assertThat(definition).containsOnlyOnce("\"Tags\"").containsOnlyOnce("\"name\": \"tags\"")
        .contains("\"name\": \"item\"");
  }

  // ---- OAuth2 callbacks

  static JavaFileObject oauthPlugin() {
    return plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = Tools.class, credentials = Account.class");
  }

  static JavaFileObject account(String... methods) {
    String[] head = {"package demo;", "import dev.atomemo4j.annotations.*;", "import dev.atomemo4j.runtime.*;",
        "@Credential(name = \"demo-oauth\", displayName = \"Account\", description = \"d\",",
        "    oauth2 = true)",
        "public record Account(@Param(name = \"client_id\") String clientId,",
        "    @Param(name = \"client_secret\") Secret clientSecret,",
        "    @Param(name = \"access_token\", required = Required.FALSE) Secret accessToken,",
        "    @Param(name = \"refresh_token\", required = Required.FALSE) Secret refreshToken,",
        "    @Param(name = \"expires_at\", required = Required.FALSE) Long expiresAt) {"};
    String[] all = new String[head.length + methods.length + 1];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(methods, 0, all, head.length, methods.length);
    all[all.length - 1] = "}";
    return Sources.source("demo.Account", all);
  }

  @Test
  @Covers("missing-oauth2-callback")
  void anOauth2CredentialWithoutItsCallbacksIsAnErrorOnOauth2() {
    JavaFileObject a = account();
    Compilation c = Sources.compile(oauthPlugin(), a, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:missing-oauth2-callback] OAuth2 credential Account has no "
        + "@OAuth2AuthorizeUrl (returning the provider's authorize URL as a String) and no").inFile(a)
        .onLineContaining("oauth2 = true");
  }

  @Test
  void anAuthorizeUrlCallbackMustReturnAString() {
    JavaFileObject a = account(
        "  @OAuth2AuthorizeUrl public java.net.URI url(OAuth2AuthorizeRequest r) { return null; }",
        "  @OAuth2GetToken public TokenPatch token(OAuth2TokenRequest r) { return null; }");
    Compilation c = Sources.compile(oauthPlugin(), a, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:bad-method-shape] @OAuth2AuthorizeUrl method url must return "
        + "String, not java.net.URI").inFile(a).onLineContaining("@OAuth2AuthorizeUrl");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aTokenCallbackMustReturnATokenPatch() {
    JavaFileObject a = account(
        "  @OAuth2AuthorizeUrl public String url(OAuth2AuthorizeRequest r) { return \"\"; }",
        "  @OAuth2GetToken public String token(OAuth2TokenRequest r) { return null; }");
    Compilation c = Sources.compile(oauthPlugin(), a, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("@OAuth2GetToken method token must return TokenPatch, not java.lang.String")
        .inFile(a).onLineContaining("@OAuth2GetToken");
  }

  // ---- translations and hints

  @Test
  void optionTranslationsAreKeyedByTheParsedValueHoweverItIsWritten() throws Exception {
    Files.createDirectories(resources.resolve("demo"));
    Files.writeString(resources.resolve("demo/Demo_zh_Hans.properties"), "tool.demo-tool.state.option.RUNNING = "
        + "运行中\ntool.demo-tool.state.option.STOPPED = 已停止\n");
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " locales = {\"en-US\", \"zh-Hans\"}, tools = Tools.class");
    JavaFileObject t = tools("  @SuppressWarnings(\"atomemo4j:missing-translation\")", TOOL,
        "  public String run(@Param(name = \"state\", component = \"select\", options = {",
        "      @Option(value = \"\\\"RUNNING\\\"\", label = \"Running\"), @Option(value = \"STOPPED\", "
            + "label = \"Stopped\")}) String s) { return s; }");
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0.0", "-Aatomemo4j.resources=" + resources), p,
        t);

    assertThat(c).succeeded();
    String definition = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json");
    assertThat(definition).contains("\"zh_Hans\": \"运行中\"").contains("\"zh_Hans\": \"已停止\"");
  }

  @Test
  @Covers("missing-skill-resource")
  void aMissingSkillResourceHasItsOwnCodeOnTheAttribute() {
    JavaFileObject t = tools("  @Tool(name = \"demo-tool\", displayName = \"Tool\", description = \"Does it.\",",
        "      skillResource = \"skills/none.md\")", "  public String run() { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:missing-skill-resource] skill resource skills/none.md was not "
        + "found").inFile(t).onLineContaining("skillResource");
  }

  @Test
  void aMessageEndingInAQuestionIsFollowedByItsHintWithoutStrayPunctuation() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"base\") String base,",
        "      @Param(name = \"table\", dependsOn = \"bsae\") String table) { return base; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).failed();
    assertThat(c.diagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .allSatisfy(d -> assertThat(d.getMessage(null)).doesNotContain("?.").doesNotContain("..")); 
  }
}
