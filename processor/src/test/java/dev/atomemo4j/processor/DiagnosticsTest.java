package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.processor.diag.Message;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One failing source per diagnostic: the stable code, the file and the line (the annotation value where one is
 * to blame). {@link Covers} names the codes each test proves; a meta-test keeps every code covered.
 */
class DiagnosticsTest {

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Covers {
    String[] value();
  }

  @TempDir Path resources;

  static JavaFileObject plugin(String annotationBody) {
    return Sources.source("demo.Demo",
        "package demo;",
        "import dev.atomemo4j.annotations.*;",
        "@Plugin(" + annotationBody + ")",
        "public final class Demo {}");
  }

  static JavaFileObject plugin() {
    return plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"A demo.\", icon = \"x\","
        + " tools = Tools.class");
  }

  static JavaFileObject tools(String... body) {
    String[] head = {"package demo;", "import dev.atomemo4j.annotations.*;", "import java.util.*;",
        "public final class Tools {"};
    String[] all = new String[head.length + body.length + 1];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    all[all.length - 1] = "}";
    return Sources.source("demo.Tools", all);
  }

  static final String TOOL = "  @Tool(name = \"demo-tool\", displayName = \"Tool\", description = \"Does it.\")";

  @Test
  @Covers("bad-name")
  void aPluginNameWithTwoUnderscoresIsAnErrorOnTheNameValue() {
    JavaFileObject p = plugin("name = \"demo__plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = Tools.class");
    Compilation c = Sources.compile(p, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[atomemo4j:bad-name] plugin name \"demo__plugin\" is invalid").inFile(p)
        .onLineContaining("name = \"demo__plugin\"");
  }

  @Test
  @Covers("bad-property-name")
  void aHyphenatedParameterNameIsAnErrorOnTheParam() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"time-zone\") String tz) { return tz; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-property-name] property name \"time-zone\" is invalid: "
        + "hyphens are not allowed").inFile(t).onLineContaining("time-zone");
  }

  @Test
  @Covers("duplicate-name")
  void twoParametersWithOneNameAreAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"q\") String a,",
        "      @Param(name = \"q\") String b) { return a; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:duplicate-name] property name \"q\" is used again").inFile(t)
        .onLineContaining("String b");
  }

  @Test
  @Covers("duplicate-name")
  void twoToolsWithOneNameAcrossClassesAreAnError() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = {Tools.class, More.class}");
    JavaFileObject more = Sources.source("demo.More", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public final class More {", TOOL, "  public static String run() { return \"\"; }", "}");
    Compilation c = Sources.compile(p, tools(TOOL, "  public String run() { return \"\"; }"), more);

    assertThat(c).hadErrorContaining("[atomemo4j:duplicate-name] tool name \"demo-tool\" is used again").inFile(more)
        .onLineContaining("name = \"demo-tool\"");
  }

  @Test
  @Covers("bad-value-type")
  void aStringDefaultOnAnIntegerIsAnErrorOnTheDefault() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"n\", defaultValue = \"\\\"five\\\"\") int n) "
        + "{ return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-value-type] default \"five\" is a string, but the property is "
        + "of type integer").inFile(t).onLineContaining("defaultValue");
  }

  @Test
  @Covers("label-in-enum")
  void labelObjectsInAllowedValuesAreAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"f\", allowed = "
        + "\"{\\\"label\\\": \\\"ISO\\\", \\\"value\\\": \\\"iso\\\"}\") String f) { return f; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:label-in-enum]").inFile(t).onLineContaining("allowed");
  }

  @Test
  @Covers("min-greater-than-max")
  void aMinimumAboveTheMaximumIsAnErrorOnTheMinimum() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"n\", minimum = 5, maximum = 1) int n) "
        + "{ return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:min-greater-than-max] minimum (5) is greater than maximum (1)")
        .inFile(t).onLineContaining("minimum = 5");
  }

  @Test
  @Covers("bad-component")
  void aSwitchOnAStringIsAnErrorOnTheComponent() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"s\", component = \"switch\") String s) "
        + "{ return s; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-component] component \"switch\" is not allowed for a string "
        + "property").inFile(t).onLineContaining("component = \"switch\"");
  }

  @Test
  @Covers("bad-choice")
  void anUnknownWidthIsAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"s\", width = \"huge\") String s) "
        + "{ return s; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-choice] width \"huge\" is not one of full, medium, small")
        .inFile(t).onLineContaining("width = \"huge\"");
  }

  @Test
  @Covers("value-not-allowed")
  void aDefaultOnASecretIsAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"key\", defaultValue = \"sk\") "
        + "dev.atomemo4j.runtime.Secret key) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:value-not-allowed] encrypted_string takes no default").inFile(t)
        .onLineContaining("defaultValue");
  }

  @Test
  @Covers("bad-version")
  void aBuildVersionThatIsNotSemVerIsAnError() {
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0"), plugin(),
        tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:bad-version] version \"1.0\" is not SemVer");
  }

  @Test
  @Covers("bad-url")
  void aRepoThatIsNotHttpIsAnError() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " repo = \"ftp://example.com\", tools = Tools.class");
    Compilation c = Sources.compile(p, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:bad-url]").inFile(p).onLineContaining("repo");
  }

  @Test
  @Covers({"credential-parameter-not-scalar", "oauth2-parameter"})
  void credentialRulesAreCheckedOnTheRecord() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = Tools.class, credentials = Key.class");
    JavaFileObject key = Sources.source("demo.Key", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Credential(name = \"demo-key\", displayName = \"Key\", description = \"d\", oauth2 = true)",
        "public record Key(@Param(name = \"client_id\") String clientId,",
        "    @Param(name = \"scopes\") java.util.List<String> scopes) {}");
    Compilation c = Sources.compile(p, key, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:credential-parameter-not-scalar] credential parameter `scopes` "
        + "has type array").inFile(key).onLineContaining("scopes");
    assertThat(c).hadErrorContaining("[atomemo4j:oauth2-parameter] an OAuth2 credential (oauth2: true) needs a "
        + "parameter `client_secret`").inFile(key).onLineContaining("@Credential");
  }

  @Test
  @Covers("not-owned")
  void aCredentialRecordThePluginDoesNotListIsNotOwnedOnTheRecord() {
    JavaFileObject key = Sources.source("demo.Key", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Credential(name = \"demo-key\", displayName = \"Key\", description = \"d\")",
        "public record Key(@Param(name = \"api_key\") dev.atomemo4j.runtime.Secret apiKey) {}");
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"key\") Key key) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), key, t);

    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[atomemo4j:not-owned] record Key is annotated @Credential, but no @Plugin "
        + "lists it, yet a tool takes it as a parameter, so it is never served. Add Key.class to "
        + "@Plugin(credentials = {…}).").inFile(key).onLineContaining("public record Key");
  }

  @Test
  @Covers("union-position")
  void aUnionAsAToolParameterIsAnError() {
    JavaFileObject shape = Sources.source("demo.Shape", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Union(discriminator = \"kind\")",
        "public sealed interface Shape permits Shape.Circle, Shape.Square {",
        "  @Variant(\"circle\") record Circle(double radius) implements Shape {}",
        "  @Variant(\"square\") record Square(double side) implements Shape {}",
        "}");
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"shape\") Shape s) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), shape, t);

    assertThat(c).hadErrorContaining("[atomemo4j:union-position] a discriminated_union cannot stand in tool "
        + "parameters").inFile(t).onLineContaining("Shape s");
  }

  @Test
  @Covers("unsupported-type")
  void anUnsupportedTypeNamesTheType() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"t\") Thread t) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:unsupported-type] java.lang.Thread (parameter t of tool "
        + "demo-tool) cannot be a parameter").inFile(t).onLineContaining("Thread t");
  }

  @Test
  @Covers("unsupported-type")
  void aMapWithNonStringKeysIsUnsupported() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"m\") Map<Integer, String> m) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("map keys must be String").inFile(t).onLineContaining("Map<Integer");
  }

  @Test
  void aToolParameterWithoutANameIsNamedAfterItsSourceNameInSnakeCase() {
    JavaFileObject t = tools(TOOL, "  public String run(String query, int resultsPerPage) { return query; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).succeeded();
    String definition = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json");
    assertThat(definition).contains("\"name\": \"query\"").contains("\"name\": \"results_per_page\"");
  }

  @Test
  @Covers("bytecode-name")
  void aCompilerMadeParameterNameIsCalledOut() {
    JavaFileObject t = tools(TOOL, "  public String run(String arg0, String arg1) { return arg0; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bytecode-name] parameter name \"arg0\" of tool demo-tool looks "
        + "like a compiler-made name").inFile(t).onLineContaining("String arg0");
  }

  @Test
  @Covers("not-owned")
  void aToolInAClassNoPluginListsIsAnError() {
    JavaFileObject stray = Sources.source("demo.Stray", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public final class Stray {", TOOL.replace("demo-tool", "stray-tool"),
        "  public static String run() { return \"\"; }", "}");
    Compilation c = Sources.compile(plugin(), tools(TOOL, "  public String run() { return \"\"; }"), stray);

    assertThat(c).hadErrorContaining("[atomemo4j:not-owned] method Stray.run is annotated @Tool, but no @Plugin "
        + "lists its class Stray, so it is never served. Add Stray.class to @Plugin(tools = {…}).")
        .inFile(stray).onLineContaining("public static String run");
  }

  @Test
  @Covers("not-a-tool-class")
  void aListedClassWithoutToolsIsAnError() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = String.class");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:not-a-tool-class] java.lang.String is listed in @Plugin(tools)")
        .inFile(p).onLineContaining("tools = String.class");
  }

  @Test
  @Covers("not-a-credential")
  void aListedCredentialThatIsNotARecordIsAnError() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = Tools.class, credentials = String.class");
    Compilation c = Sources.compile(p, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:not-a-credential]").inFile(p).onLineContaining("credentials");
  }

  @Test
  @Covers("not-accessible")
  void aNonPublicToolMethodIsAnError() {
    JavaFileObject t = tools(TOOL, "  String run() { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:not-accessible] Tools.run must be public").inFile(t)
        .onLineContaining("String run()");
  }

  @Test
  @Covers("no-constructor")
  void anInstanceToolInAClassWithoutANoArgConstructorIsAWarningThatAToolFactoryMustSupplyIt() {
    JavaFileObject t = tools("  public Tools(String s) {}", TOOL, "  public String run() { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[atomemo4j:no-constructor] demo.Tools has no public no-argument "
        + "constructor: its instance must come from a ToolFactory").inFile(t)
        .onLineContaining("public final class Tools");
  }

  @Test
  void theNoConstructorWarningCanBeSuppressedOnceAToolFactorySuppliesTheClass() {
    JavaFileObject suppressed = Sources.source("demo.Tools", "package demo;", "import dev.atomemo4j.annotations.*;", "@SuppressWarnings(\"atomemo4j:no-constructor\")",
        "public final class Tools {", "  public Tools(String s) {}", TOOL, "  public String run() { return \"\"; }",
        "}");
    Compilation c = Sources.compile(plugin(), suppressed);

    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  @Covers("bad-tool-class")
  void aToolClassWithoutInvokeIsAnError() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = Run.class");
    JavaFileObject run = Sources.source("demo.Run", "package demo;", "import dev.atomemo4j.annotations.*;",
        TOOL.trim(), "public final class Run {", "  public String call() { return \"\"; }", "}");
    Compilation c = Sources.compile(p, run);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-tool-class] a class annotated @Tool needs exactly one public "
        + "method named invoke; Run has 0").inFile(run).onLineContaining("@Tool");
  }

  @Test
  @Covers("bad-json-attribute")
  void invalidJsonInShowWhenIsAnErrorOnTheValue() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"s\", showWhen = \"{mode: 1}\") String s) "
        + "{ return s; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-json-attribute] showWhen \"{mode: 1}\" is not valid JSON")
        .inFile(t).onLineContaining("showWhen");
  }

  @Test
  @Covers("bad-method-shape")
  void anAuthenticateMethodTakingTheWrongTypeIsAnError() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " tools = Tools.class, credentials = Key.class");
    JavaFileObject key = Sources.source("demo.Key", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Credential(name = \"demo-key\", displayName = \"Key\", description = \"d\")",
        "public record Key(@Param(name = \"api_key\") dev.atomemo4j.runtime.Secret apiKey) {",
        "  @Authenticate public String auth(String model) { return model; }",
        "}");
    Compilation c = Sources.compile(p, key, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:bad-method-shape] @Authenticate method auth must be a public "
        + "instance method taking nothing or one CredentialRequest").inFile(key).onLineContaining("@Authenticate");
  }

  @Test
  @Covers({"unknown-handler", "unreferenced-handler"})
  void locatorMethodsAndTheirReferencesMustMatch() {
    JavaFileObject t = tools(TOOL,
        "  public String run(@Param(name = \"base\") @Locator(list = \"list_bases\") "
            + "dev.atomemo4j.model.value.ResourceLocator base) { return \"\"; }",
        "  @LocatorList public dev.atomemo4j.runtime.LocatorPage listBase(dev.atomemo4j.runtime.LocatorRequest r) "
            + "{ return null; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:unknown-handler] parameter base refers to @LocatorList method "
        + "\"list_bases\", but Tools has no such method; did you mean \"listBase\"?").inFile(t)
        .onLineContaining("ResourceLocator base");
    assertThat(c).hadErrorContaining("[atomemo4j:unreferenced-handler] @LocatorList method \"listBase\" is not "
        + "referred to").inFile(t).onLineContaining("listBase(");
  }

  @Test
  @Covers("missing-version")
  void aPluginWithoutAnyVersionIsAnError() {
    JavaFileObject p = plugin();
    Compilation c = Sources.compile(List.of(), p, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:missing-version] the plugin has no version").inFile(p)
        .onLineContaining("@Plugin");
  }

  @Test
  @Covers("version-mismatch")
  void aDeclaredVersionThatDiffersFromTheBuildIsAnError() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " version = \"2.0.0\", tools = Tools.class");
    Compilation c = Sources.compile(p, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:version-mismatch] @Plugin(version = \"2.0.0\") differs from the "
        + "build version 1.0.0").inFile(p).onLineContaining("version = \"2.0.0\"");
  }

  @Test
  @Covers({"missing-translation", "unknown-translation-key"})
  void translationsAreCheckedAgainstWhatThePluginDeclares() throws Exception {
    Files.createDirectories(resources.resolve("demo"));
    Files.writeString(resources.resolve("demo/Demo_zh_Hans.properties"),
        "plugin.display_name = 演示\ntool.demo-tol.display_name = 工具\n");
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " locales = {\"en-US\", \"zh-Hans\"}, tools = Tools.class");
    JavaFileObject t = tools(TOOL, "  public String run() { return \"\"; }");
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0.0", "-Aatomemo4j.resources=" + resources),
        p, t);

    assertThat(c).hadWarningContaining("[atomemo4j:missing-translation] no zh_Hans translation for \"Does it.\" "
        + "(key tool.demo-tool.description in demo/Demo_zh_Hans.properties)").inFile(t)
        .onLineContaining("@Tool");
    assertThat(c).hadErrorContaining("[atomemo4j:unknown-translation-key] translations file "
        + "demo/Demo_zh_Hans.properties has key tool.demo-tol.display_name, which names nothing in the plugin; "
        + "did you mean tool.demo-tool.display_name?");
  }

  @Test
  @Covers("missing-translations-file")
  void aDeclaredLocaleWithoutAFileIsAWarning() {
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " locales = {\"en-US\", \"ja-JP\"}, tools = Tools.class");
    Compilation c = Sources.compile(p, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[atomemo4j:missing-translations-file] locale ja_JP is declared but "
        + "demo/Demo_ja_JP.properties was not found");
  }

  @Test
  @Covers("missing-translations-file")
  void warningsCanBeSuppressedByCode() {
    JavaFileObject p = Sources.source("demo.Demo", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@SuppressWarnings(\"atomemo4j:missing-translations-file\")",
        "@Plugin(name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
            + " locales = {\"en-US\", \"ja-JP\"}, tools = Tools.class)",
        "public final class Demo {}");
    Compilation c = Sources.compile(p, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).succeeded();
    assertThat(c.warnings().stream().map(d -> d.getMessage(null)))
        .noneMatch(m -> m.contains("missing-translations-file"));
  }

  @Test
  @Covers("recursive-type")
  void aRecursiveRecordIsAnError() {
    JavaFileObject node = Sources.source("demo.Node", "package demo;",
        "public record Node(String name, java.util.List<Node> children) {}");
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"n\") Node n) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), node, t);

    assertThat(c).hadErrorContaining("[atomemo4j:recursive-type] Node refers to itself");
  }

  @Test
  @Covers("single-object-input")
  void aToolWhoseOnlyParameterIsAnObjectGetsAWarning() {
    JavaFileObject t = tools("  public record Q(String text) {}", TOOL,
        "  public String run(@Param(name = \"q\") Q q) { return q.text(); }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[atomemo4j:single-object-input] tool demo-tool has one parameter, q")
        .inFile(t).onLineContaining("String run");
  }

  @Test
  @Covers("duplicate-plugin")
  void twoPluginsWithOneNameAreAnError() {
    JavaFileObject other = Sources.source("demo.Other", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Plugin(name = \"demo-plugin\", displayName = \"Other\", description = \"d\", icon = \"x\","
            + " tools = Tools.class)",
        "public final class Other {}");
    Compilation c = Sources.compile(plugin(), other, tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:duplicate-plugin] plugin name \"demo-plugin\" is declared twice");
  }

  @Test
  @Covers("bad-model-name")
  void aModelNameWithTwoDotsIsAnErrorOnTheModel() {
    JavaFileObject p = Sources.source("demo.Demo", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Plugin(name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\")",
        "@Model(name = \"gpt..4\", displayName = \"GPT\", description = \"d\")",
        "public final class Demo {}");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-model-name] model name \"gpt..4\" is invalid").inFile(p)
        .onLineContaining("@Model");
  }

  @Test
  @Covers("not-integral")
  void aFractionalDefaultOfAnIntegerIsAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"n\", defaultValue = \"1.5\") int n) "
        + "{ return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:not-integral] default 1.5 has a fraction").inFile(t)
        .onLineContaining("defaultValue");
  }

  @Test
  @Covers("unsafe-number")
  void aDefaultBeyondTwoToTheFiftyThirdIsAnError() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"n\", defaultValue = \"9007199254740993\") "
        + "long n) { return \"\"; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:unsafe-number] 9007199254740993 is beyond ±2^53").inFile(t)
        .onLineContaining("defaultValue");
  }

  @Test
  @Covers("bad-email")
  void anAuthorEmailThatIsNotAnAddressIsAnError() {
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0.0", "-Aatomemo4j.email=jane"), plugin(),
        tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:bad-email] email \"jane\" is not an e-mail address");
  }

  @Test
  @Covers("bad-locale-key")
  void aLocaleThatIsNotLanguageUnderscoreRegionIsAnErrorOnTheText() throws Exception {
    Files.createDirectories(resources.resolve("demo"));
    Files.writeString(resources.resolve("demo/Demo_english.properties"), "plugin.display_name = Demo\n");
    JavaFileObject p = plugin("name = \"demo-plugin\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " locales = {\"en-US\", \"english\"}, tools = Tools.class");
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0.0", "-Aatomemo4j.resources=" + resources), p,
        tools(TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).hadErrorContaining("[atomemo4j:bad-locale-key] locale key \"english\" is invalid").inFile(p)
        .onLineContaining("displayName = \"Demo\"");
  }

  @Test
  @Covers("union-discriminator")
  void twoVariantsWithOneConstantAreAnErrorOnTheSecondVariantsConstant() {
    JavaFileObject shape = Sources.source("demo.Shape", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Union(discriminator = \"kind\")",
        "public sealed interface Shape permits Shape.Circle, Shape.Square {",
        "  @Variant(\"round\") record Circle(double radius) implements Shape {}",
        "  @Variant(\"round\") record Square(double side) implements Shape {}",
        "}");
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"shapes\") java.util.List<Shape> s) "
        + "{ return \"\"; }");
    Compilation c = Sources.compile(plugin(), shape, t);

    assertThat(c).hadErrorContaining("[atomemo4j:union-discriminator] variants 0 and 1 share the discriminator "
        + "constant \"round\"").inFile(shape).onLineContaining("record Square");
  }

  @Test
  @Covers("bad-depends-on")
  void dependingOnAnUnknownSiblingIsAnErrorWithASuggestion() {
    JavaFileObject t = tools(TOOL, "  public String run(@Param(name = \"base\") String base,",
        "      @Param(name = \"table\", dependsOn = \"bsae\") String table) { return base; }");
    Compilation c = Sources.compile(plugin(), t);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-depends-on] depends_on names \"bsae\", but no sibling "
        + "property has that name; did you mean \"base\"?").inFile(t).onLineContaining("dependsOn");
  }

  @Test
  void theGeneratedRegistryCompilesWithoutAnyWarning() {
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0.0", "-Werror"), Fixtures.sources("equiv"));

    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aPluginWithManyMistakesReportsAllOfThemInOneCompile() {
    JavaFileObject p = plugin("name = \"d\", displayName = \"Demo\", description = \"d\", icon = \"x\","
        + " repo = \"nope\", tools = Tools.class");
    JavaFileObject t = tools(TOOL,
        "  public String run(@Param(name = \"a-b\") String a, @Param(name = \"n\", minimum = 9, maximum = 1) int n,",
        "      @Param(name = \"s\", component = \"switch\") String s, @Param(name = \"w\", width = \"huge\") "
            + "String w) { return a; }");
    Compilation c = Sources.compile(p, t);

    assertThat(c).hadErrorCount(6);
    for (String code : List.of("bad-name", "bad-url", "bad-property-name", "min-greater-than-max", "bad-component",
        "bad-choice")) {
      assertThat(c).hadErrorContaining("[atomemo4j:" + code + "]");
    }
  }

  @Test
  void everyProcessorMessageCodeHasANegativeTest() {
    Set<String> covered = java.util.stream.Stream.of(getClass(), AtlasDiagnosticsTest.class,
            ElementDiagnosticsTest.class, TextTypeMappingTest.class, ActionDiagnosticsTest.class,
            SandboxDiagnosticsTest.class, HookDiagnosticsTest.class, SchemaDiagnosticsTest.class,
            RoutesDiagnosticsTest.class, DatasourceDiagnosticsTest.class)
        .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(m -> m.isAnnotationPresent(Covers.class))
        .flatMap(m -> Arrays.stream(m.getAnnotation(Covers.class).value()))
        .collect(Collectors.toSet());
    // internal-error and unresolved-types cannot be provoked from valid Java sources: javac reports an unresolved
    // type itself first, and an internal error is a bug of ours (ProcessorRobustnessTest covers the path).
    Set<String> untestable = Set.of("internal-error", "unresolved-types");
    List<String> missing = Arrays.stream(Message.values()).map(Message::code)
        .filter(code -> !covered.contains(code) && !untestable.contains(code)).toList();

    assertThat(missing).isEmpty();
  }

}
