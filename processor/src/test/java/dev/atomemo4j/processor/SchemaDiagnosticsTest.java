package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.annotations.ColumnType;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import dev.atomemo4j.runtime.spi.SchemaBinding;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Plugin(tables)}, {@code @Table}, {@code @Column} and {@code @Migration}: one failing source per code, on
 * the exact element and line, and what the registry generates for a valid schema.
 */
class SchemaDiagnosticsTest {

  /** A plugin listing {@code Note} (declared in {@code body} as a nested record) with the given attributes. */
  private static JavaFileObject plugin(String attributes, String... body) {
    List<String> lines = new ArrayList<>(List.of("package demo;", "import dev.atomemo4j.annotations.*;",
        "import dev.atomemo4j.runtime.storage.MigrationStep;",
        "@Plugin(name = \"demo-plugin\", displayName = \"Demo\", description = \"A demo.\", icon = \"x\", "
            + attributes + ")",
        "public final class Demo {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return Sources.source("demo.Demo", lines.toArray(String[]::new));
  }

  private static final String NOTE_LISTED = "tables = Demo.Note.class";
  private static final String NO_TABLES = "locales = {\"en-US\"}";

  @Test
  void aValidSchemaCompilesAndTheRegistryCarriesTablesColumnsAndSteps() {
    Compilation c = Sources.compile(plugin(NOTE_LISTED + ", schemaVersion = 3",
        "  @Table(name = \"note\")",
        "  public record Note(@Column(required = true, unique = true) String title, String body,",
        "      @Column(since = 2, required = true, defaultValue = \"false\") boolean pinned,",
        "      @Column(name = \"meta\", type = ColumnType.JSON) String metadata) {}",
        "  @Migration(version = 3, description = \"body is called text now\")",
        "  public static void renameBody(MigrationStep step) { step.renameColumn(\"note\", \"body\", \"text\"); }"));

    assertThat(c).succeededWithoutWarnings();
    SchemaBinding schema = GeneratedClasses.descriptor(c, "demo.DemoRegistry").atlas().schema();
    assertThat(schema.version()).isEqualTo(3);
    SchemaBinding.Table note = schema.tables().get(0);
    assertThat(note.name()).isEqualTo("note");
    assertThat(note.columns()).containsExactly(
        new SchemaBinding.Column("title", ColumnType.TEXT, true, true, null, 1),
        new SchemaBinding.Column("body", ColumnType.TEXT, false, false, null, 1),
        new SchemaBinding.Column("pinned", ColumnType.BOOLEAN, true, false, "false", 2),
        new SchemaBinding.Column("meta", ColumnType.JSON, false, false, null, 1));
    assertThat(schema.migrations()).extracting(SchemaBinding.Migration::version,
        SchemaBinding.Migration::description).containsExactly(org.assertj.core.groups.Tuple.tuple(3,
        "body is called text now"));
  }

  @Test
  void aColumnWithoutItsOwnSinceComesWithItsTable() {
    Compilation c = Sources.compile(plugin("tables = Demo.Tag.class, schemaVersion = 3",
        "  @Table(name = \"tag\", since = 3)",
        "  public record Tag(@Column(required = true) String label) {}"));

    assertThat(c).succeededWithoutWarnings();
    SchemaBinding.Table tag = GeneratedClasses.descriptor(c, "demo.DemoRegistry").atlas().schema().tables().get(0);
    assertThat(tag.since()).isEqualTo(3);
    assertThat(tag.columns().get(0).since()).isEqualTo(3);
  }

  @Test
  void theGeneratedValuesReadEveryComponentInColumnOrderNullsIncluded() throws Exception {
    Compilation c = Sources.compile(plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(String title, Integer stars, java.util.UUID ref) {}"));
    ClassLoader loader = GeneratedClasses.load(c);
    SchemaBinding schema = ((dev.atomemo4j.runtime.spi.PluginRegistry) loader.loadClass("demo.DemoRegistry")
        .getConstructor().newInstance()).descriptor().atlas().schema();
    Class<?> noteType = loader.loadClass("demo.Demo$Note");
    Record note = (Record) noteType.getConstructors()[0].newInstance("hello", null, null);

    assertThat(schema.tables().get(0).values().of(note)).containsExactly("hello", null, null);
  }

  @Test
  void theManifestListsTheTablesWithTheSchemaVersionAndTheDefinitionIsUnchanged() {
    Compilation c = Sources.compile(plugin(NOTE_LISTED + ", schemaVersion = 2",
        "  @Table(name = \"note\")",
        "  public record Note(String title, @Column(since = 2, defaultValue = \"3\") int stars) {}"));
    Compilation without = Sources.compile(plugin(NO_TABLES));

    String manifest = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/manifest.json").replaceAll("\\s+", "");
    assertThat(manifest).contains("\"tables\":{\"schemaVersion\":2,\"tables\":[{\"name\":\"note\",\"since\":1,",
        "{\"name\":\"stars\",\"type\":\"integer\",\"required\":false,\"unique\":false,\"default\":\"3\",\"since\":2}");
    assertThat(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json"))
        .isEqualTo(Sources.resource(without, "META-INF/atomemo4j/demo-plugin/definition.json"));
  }

  @Test
  @Covers("not-a-table")
  void aListedClassThatIsNotATableRecordIsAnError() {
    JavaFileObject p = plugin("tables = String.class");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:not-a-table] java.lang.String is listed in "
        + "@Plugin(tables)").inFile(p).onLineContaining("tables = String.class");
  }

  @Test
  @Covers("bad-table-name")
  void aTableNameThatIsNotAnIdentifierIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"my-notes\")",
        "  public record Note(String title) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:bad-table-name] table name \"my-notes\"")
        .inFile(p).onLineContaining("my-notes");
  }

  @Test
  @Covers("table-name-too-long")
  void aStoredTableNameLongerThanPostgresTakesIsAnError() {
    String longName = "n".repeat(60);
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"" + longName + "\")",
        "  public record Note(String title) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:table-name-too-long] table " + longName
        + " is stored as plugin_demo_plugin_" + longName).inFile(p).onLineContaining(longName);
  }

  @Test
  @Covers("duplicate-table")
  void twoTablesOfOneNameAreAnError() {
    JavaFileObject p = plugin("tables = {Demo.Note.class, Demo.Memo.class}",
        "  @Table(name = \"note\")",
        "  public record Note(String title) {}",
        "  @Table(name = \"NOTE\")",
        "  public record Memo(String title) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:duplicate-table] table name \"NOTE\" is already "
        + "used by Note").inFile(p).onLineContaining("\"NOTE\"");
  }

  @Test
  @Covers("duplicate-column")
  void twoColumnsOfOneNameAreAnError() {
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(String title,",
        "      @Column(name = \"title\") String heading) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:duplicate-column] column \"title\" of table note "
        + "is already used by component title").inFile(p).onLine(8);
  }

  @Test
  @Covers("reserved-column")
  void aColumnNamedLikeTheHostsOwnOrAnSqlWordIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(String title,",
        "      java.util.UUID id,",
        "      @Column(name = \"order\") int position) {}");

    Compilation c = Sources.compile(p);
    assertThat(c).hadErrorContaining("[atomemo4j:reserved-column] column \"id\" of table note is one the host adds "
        + "to every table").inFile(p).onLine(8);
    assertThat(c).hadErrorContaining("[atomemo4j:reserved-column] column \"order\" of table note is a word SQL "
        + "reserves").inFile(p).onLine(9);
  }

  @Test
  @Covers("unsupported-column-type")
  void aComponentTypeNoColumnHoldsIsAnErrorWithTheTypesThatDo() {
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(String title,",
        "      java.util.Optional<String> body) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:unsupported-column-type] component body of table "
        + "note has type java.util.Optional<java.lang.String>").inFile(p).onLine(8);
  }

  @Test
  @Covers("column-type-mismatch")
  void anExplicitTypeTheJavaTypeCannotHoldIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(String title,",
        "      @Column(type = ColumnType.UUID) long stars) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:column-type-mismatch] component stars of table "
        + "note is a long, which a UUID column cannot hold").inFile(p).onLineContaining("ColumnType.UUID");
  }

  @Test
  @Covers("bad-column-default")
  void aDefaultThatIsNotAValueOfTheColumnTypeIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(String title,",
        "      @Column(defaultValue = \"yes\") boolean done,",
        "      @Column(defaultValue = \"12abc\") int stars) {}");

    Compilation c = Sources.compile(p);
    assertThat(c).hadErrorContaining("[atomemo4j:bad-column-default] default \"yes\" of column note.done is not a "
        + "boolean value").inFile(p).onLineContaining("\"yes\"");
    assertThat(c).hadErrorContaining("[atomemo4j:bad-column-default] default \"12abc\" of column note.stars is not "
        + "a integer value").inFile(p).onLineContaining("\"12abc\"");
  }

  @Test
  @Covers("required-column-without-default")
  void aRequiredColumnAddedLaterWithoutADefaultIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED + ", schemaVersion = 2",
        "  @Table(name = \"note\")",
        "  public record Note(String title,",
        "      @Column(since = 2, required = true) String owner) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:required-column-without-default] column "
        + "note.owner is required and added in version 2, but has no default").inFile(p)
        .onLineContaining("required = true");
  }

  @Test
  void aRequiredColumnOfTheFirstVersionNeedsNoDefault() {
    Compilation c = Sources.compile(plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(@Column(required = true) String title) {}"));

    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  @Covers("bad-since")
  void aColumnSinceBeyondTheSchemaVersionIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED,
        "  @Table(name = \"note\")",
        "  public record Note(String title,",
        "      @Column(since = 2, defaultValue = \"0\") int stars) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:bad-since] column note.stars has since = 2, "
        + "outside 1 to the schema version 1").inFile(p).onLineContaining("since = 2");
  }

  @Test
  @Covers("bad-schema-version")
  void aSchemaVersionBelowOneIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED + ", schemaVersion = 0",
        "  @Table(name = \"note\")",
        "  public record Note(String title) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:bad-schema-version] @Plugin(schemaVersion = 0)")
        .inFile(p).onLineContaining("schemaVersion = 0");
  }

  @Test
  @Covers("schema-without-tables")
  void aMigrationWithoutTablesIsAnError() {
    JavaFileObject p = plugin("schemaVersion = 2",
        "  @Migration(version = 2)",
        "  public static void fix(MigrationStep step) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:schema-without-tables] @Migration method fix "
        + "describes a step, but the plugin lists no tables").inFile(p).onLineContaining("@Migration");
  }

  @Test
  @Covers("bad-migration-method")
  void aMigrationMethodOfTheWrongShapeIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED + ", schemaVersion = 2",
        "  @Table(name = \"note\")",
        "  public record Note(String title) {}",
        "  @Migration(version = 2)",
        "  public void fix(MigrationStep step) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:bad-migration-method] @Migration method fix must "
        + "be public static void fix(MigrationStep step)").inFile(p).onLineContaining("@Migration");
  }

  @Test
  @Covers("bad-migration-version")
  void aMigrationBeyondTheSchemaVersionIsAnError() {
    JavaFileObject p = plugin(NOTE_LISTED + ", schemaVersion = 2",
        "  @Table(name = \"note\")",
        "  public record Note(String title) {}",
        "  @Migration(version = 3)",
        "  public static void fix(MigrationStep step) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:bad-migration-version] @Migration(version = 3) "
        + "of fix is outside 1 to the schema version 2").inFile(p).onLineContaining("version = 3");
  }

  @Test
  @Covers("duplicate-migration-version")
  void twoMigrationsOfOneVersionAreAnError() {
    JavaFileObject p = plugin(NOTE_LISTED + ", schemaVersion = 2",
        "  @Table(name = \"note\")",
        "  public record Note(String title) {}",
        "  @Migration(version = 2)",
        "  public static void first(MigrationStep step) {}",
        "  @Migration(version = 2)",
        "  public static void second(MigrationStep step) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:duplicate-migration-version] "
        + "@Migration(version = 2) of second is already the step of first").inFile(p).onLine(10);
  }

  @Test
  @Covers("migration-out-of-order")
  void migrationsOutOfVersionOrderAreAnError() {
    JavaFileObject p = plugin(NOTE_LISTED + ", schemaVersion = 3",
        "  @Table(name = \"note\")",
        "  public record Note(String title) {}",
        "  @Migration(version = 3)",
        "  public static void later(MigrationStep step) {}",
        "  @Migration(version = 2)",
        "  public static void earlier(MigrationStep step) {}");

    assertThat(Sources.compile(p)).hadErrorContaining("[atomemo4j:migration-out-of-order] @Migration(version = 2) "
        + "of earlier comes after version 3").inFile(p).onLine(10);
  }

  @Test
  @Covers("migration-outside-plugin")
  void aMigrationOutsideAPluginClassIsAnError() {
    JavaFileObject helper = Sources.source("demo.Helper", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public final class Helper {",
        "  @Migration(version = 1)",
        "  public static void fix(dev.atomemo4j.runtime.storage.MigrationStep step) {}",
        "}");

    assertThat(Sources.compile(helper, plugin(NO_TABLES)))
        .hadErrorContaining("[atomemo4j:migration-outside-plugin] @Migration method fix is in Helper").inFile(helper)
        .onLineContaining("@Migration");
  }

  @Test
  void independentMistakesAreAllReportedInOneCompile() {
    JavaFileObject p = plugin("tables = {Demo.Note.class, String.class}, schemaVersion = 2",
        "  @Table(name = \"note\")",
        "  public record Note(@Column(name = \"9lives\") String title,",
        "      @Column(since = 2, required = true) String owner,",
        "      @Column(defaultValue = \"maybe\") Boolean done) {}",
        "  @Migration(version = 5)",
        "  public static void fix(MigrationStep step) {}");

    Compilation c = Sources.compile(p);
    assertThat(c).hadErrorCount(5);
    for (String code : List.of("not-a-table", "bad-table-name", "required-column-without-default",
        "bad-column-default", "bad-migration-version")) {
      assertThat(c).hadErrorContaining("[atomemo4j:" + code + "]");
    }
  }
}
