package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import dev.atomemo4j.runtime.datasource.Entity;
import dev.atomemo4j.runtime.spi.DatasourceBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Datasource}, {@code @Validate}, {@code @Entities}: one failing source per code (code, file, line), the
 * type checked both ways, and what the registry generates, loaded and called like a host would.
 */
class DatasourceDiagnosticsTest {

  private static final String CONNECT = "  public QueryConnection connect() { return (sql, timeout) -> "
      + "new QueryResult(List.of(\"n\"), List.of(List.of(sql))); }";

  /** {@code demo.Demo}, a DATASOURCE plugin unless {@code attributes} says otherwise. */
  static JavaFileObject datasource(String attributes, String... body) {
    List<String> lines = new ArrayList<>(List.of("package demo;", "import dev.atomemo4j.annotations.*;",
        "import dev.atomemo4j.runtime.datasource.*;", "import java.util.*;",
        "@Plugin(name = \"demo-plugin\", displayName = \"Demo\", description = \"A demo.\", icon = \"x\""
            + (attributes == null ? ", types = PluginType.DATASOURCE" : attributes) + ")",
        "public final class Demo {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return Sources.source("demo.Demo", lines.toArray(String[]::new));
  }

  private static Compilation compile(JavaFileObject... sources) {
    return Sources.compile(sources);
  }

  // ---- what valid declarations generate

  @Test
  void aDatasourceWithValidatorAndEntityFactoryGeneratesDirectCallsOfEachMethod() throws Exception {
    Compilation c = compile(datasource(null,
        "  @Datasource(dbType = \"custom\", dialect = \"Send JSON.\")", CONNECT,
        "  @Validate public ValidationResult check(String q) {",
        "    return q.startsWith(\"{\") ? ValidationResult.valid() : ValidationResult.invalid(\"not JSON\"); }",
        "  @Entities public List<Entity> entities() { return List.of(new Entity(\"orders\", \"table: t_orders\")); }"));

    assertThat(c).succeededWithoutWarnings();
    PluginDescriptor descriptor = GeneratedClasses.descriptor(c, "demo.DemoRegistry");
    DatasourceBinding d = descriptor.atlas().datasource();
    Object plugin = descriptor.atlas().factory().create(null);
    assertThat(d.dbType()).isEqualTo("custom");
    assertThat(d.dialect()).isEqualTo("Send JSON.");
    assertThat(d.connect().connect(plugin).query("{}", Duration.ofSeconds(1)).rows())
        .containsExactly(List.of("{}"));
    assertThat(d.validator().validate(plugin, "select").reason()).isEqualTo("not JSON");
    assertThat(d.entities().entities(plugin)).containsExactly(new Entity("orders", "table: t_orders"));
  }

  @Test
  void theStaticEntityListAndThePatternsReachTheBinding() throws Exception {
    Compilation c = compile(datasource(null,
        "  @Entities public static final List<Entity> ENTITIES = List.of(new Entity(\"users\", \"x: 1\"));",
        "  @Datasource(dbType = \"h2\", parserDialect = ParserDialect.H2, forbiddenPatterns = \"\\\\bsecret_\\\\w+\")",
        CONNECT));

    assertThat(c).succeededWithoutWarnings();
    PluginDescriptor descriptor = GeneratedClasses.descriptor(c, "demo.DemoRegistry");
    DatasourceBinding d = descriptor.atlas().datasource();
    assertThat(descriptor.atlas().types()).containsExactly(PluginType.DATASOURCE);
    assertThat(d.parserDialect()).isEqualTo(ParserDialect.H2);
    assertThat(d.forbiddenPatterns()).containsExactly("\\bsecret_\\w+");
    assertThat(d.validator()).isNull();
    assertThat(d.entities().entities(null)).extracting(Entity::name).containsExactly("users");
  }

  @Test
  void aConnectionFactoryMayReturnAnImplementationOfQueryConnection() {
    JavaFileObject conn = Sources.source("demo.MyConnection", "package demo;",
        "import dev.atomemo4j.runtime.datasource.*;", "import java.time.Duration;",
        "public final class MyConnection implements QueryConnection {",
        "  public QueryResult query(String sql, Duration t) { return null; }", "}");
    Compilation c = compile(datasource(null, "  @Datasource(dbType = \"h2\")",
        "  public MyConnection connect() { return new MyConnection(); }"), conn);

    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void theManifestDescribesTheDatasource() {
    Compilation c = compile(datasource(null,
        "  @Datasource(dbType = \"postgres\", parserDialect = ParserDialect.POSTGRESQL, dialect = \"Use ILIKE.\")",
        CONNECT, "  @Entities public List<Entity> entities() { return List.of(); }"));

    String manifest = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/manifest.json").replaceAll("\\s+", "");
    assertThat(manifest).contains("\"datasource\":{\"dbType\":\"postgres\",\"parserDialect\":\"postgresql\","
        + "\"forbiddenPatterns\":[],\"dialect\":\"UseILIKE.\",\"method\":\"connect\","
        + "\"entities\":{\"method\":\"entities\"}}");
  }

  // ---- the type, both ways

  @Test
  @Covers("type-without-provider")
  void theDatasourceTypeWithoutADatasourceMethodIsAnError() {
    JavaFileObject p = datasource(null);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:type-without-provider] @Plugin(types) declares "
        + "DATASOURCE, but the plugin class has no @Datasource method").inFile(p)
        .onLineContaining("PluginType.DATASOURCE");
  }

  @Test
  @Covers("provider-without-type")
  void aDatasourceMethodWithoutTheDatasourceTypeIsAnErrorOnTheMethod() {
    JavaFileObject p = datasource("", "  @Datasource(dbType = \"h2\")", CONNECT);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:provider-without-type] @Datasource method connect makes "
        + "the plugin of type DATASOURCE").inFile(p).onLineContaining("@Datasource");
  }

  // ---- one failing source per code

  @Test
  @Covers("bad-datasource-method")
  void aConnectionFactoryTakingAParameterIsAnError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"h2\")",
        "  public QueryConnection connect(String url) { return null; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-datasource-method] @Datasource method connect must "
        + "be a public instance method taking nothing and returning QueryConnection").inFile(p)
        .onLineContaining("@Datasource");
  }

  @Test
  @Covers("bad-datasource-method")
  void aConnectionFactoryReturningSomethingElseIsAnError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"h2\")",
        "  public Object connect() { return null; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-datasource-method]").inFile(p)
        .onLineContaining("@Datasource");
  }

  @Test
  @Covers("blank-db-type")
  void aBlankDbTypeIsAnError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \" \")", CONNECT);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:blank-db-type]").inFile(p).onLineContaining("dbType");
  }

  @Test
  @Covers("bad-forbidden-pattern")
  void aForbiddenPatternThatDoesNotCompileIsAnErrorNamingThePatternAndTheRegexError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"h2\", forbiddenPatterns = {\"ok\",",
        "      \"(unclosed\"})", CONNECT);

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-forbidden-pattern] forbidden pattern \"(unclosed\" "
        + "does not compile: Unclosed group").inFile(p).onLineContaining("(unclosed");
  }

  @Test
  @Covers("validate-with-forbidden-patterns")
  void aValidatorTogetherWithForbiddenPatternsIsAnError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"es\",",
        "      forbiddenPatterns = \"delete\")", CONNECT,
        "  @Validate public ValidationResult check(String q) { return ValidationResult.valid(); }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:validate-with-forbidden-patterns] "
        + "@Datasource(forbiddenPatterns) is set, but the plugin has a @Validate method (check)").inFile(p)
        .onLineContaining("forbiddenPatterns");
  }

  @Test
  @Covers("parser-dialect-ignored")
  void aParserDialectTogetherWithAValidatorIsAWarningSayingItIsIgnored() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"es\",",
        "      parserDialect = ParserDialect.POSTGRESQL)", CONNECT,
        "  @Validate public ValidationResult check(String q) { return ValidationResult.valid(); }");
    Compilation c = compile(p);

    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[atomemo4j:parser-dialect-ignored] @Datasource(parserDialect = POSTGRESQL) "
        + "is ignored").inFile(p).onLineContaining("parserDialect");
  }

  @Test
  @Covers("bad-validate-method")
  void aValidatorReturningBooleanIsAnError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"es\")", CONNECT,
        "  @Validate", "  public boolean check(String q) { return true; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-validate-method] @Validate method check must be a "
        + "public instance method taking one String and returning ValidationResult").inFile(p)
        .onLineContaining("@Validate");
  }

  @Test
  @Covers("bad-entities")
  void entitiesOfTheWrongElementTypeAreAnError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"h2\")", CONNECT,
        "  @Entities", "  public List<String> entities() { return List.of(); }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-entities] @Entities on entities must be").inFile(p)
        .onLineContaining("@Entities");
  }

  @Test
  @Covers("bad-entities")
  void aNonFinalEntitiesFieldIsAnError() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"h2\")", CONNECT,
        "  @Entities", "  public static List<Entity> ENTITIES = List.of();");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-entities]").inFile(p).onLineContaining("@Entities");
  }

  @Test
  @Covers("duplicate-datasource")
  void aSecondDatasourceMethodIsAnErrorOnTheSecond() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"h2\")", CONNECT,
        "  @Datasource(dbType = \"pg\")", "  public QueryConnection other() { return null; }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:duplicate-datasource] @Datasource is on connect and on "
        + "other: a plugin has at most one").inFile(p).onLineContaining("dbType = \"pg\"");
  }

  @Test
  @Covers("part-without-datasource")
  void aValidatorWithoutADatasourceIsAnError() {
    JavaFileObject p = datasource("",
        "  @Validate public ValidationResult check(String q) { return ValidationResult.valid(); }");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:part-without-datasource] @Validate on check belongs to "
        + "a datasource").inFile(p).onLineContaining("@Validate");
  }

  @Test
  @Covers("datasource-outside-plugin")
  void aDatasourceMethodOutsideThePluginClassIsAnError() {
    JavaFileObject other = Sources.source("demo.Other", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public class Other {", "  @Datasource(dbType = \"h2\") public Object connect() { return null; }", "}");
    Compilation c = compile(datasource(""), other);

    assertThat(c).hadErrorContaining("[atomemo4j:datasource-outside-plugin] @Datasource on connect is in Other")
        .inFile(other).onLine(4);
  }

  @Test
  void independentDatasourceMistakesAreAllReportedInOneCompile() {
    JavaFileObject p = datasource(null, "  @Datasource(dbType = \"\", forbiddenPatterns = \"[\")",
        "  public static QueryConnection connect() { return null; }",
        "  @Entities public int entities() { return 0; }");
    Compilation c = compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-datasource-method]");
    assertThat(c).hadErrorContaining("[atomemo4j:blank-db-type]");
    assertThat(c).hadErrorContaining("[atomemo4j:bad-forbidden-pattern]");
    assertThat(c).hadErrorContaining("[atomemo4j:bad-entities]");
  }
}
