package dev.atomemo4j.processor.diag;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor can print that is not a rule of the definition format (those come from the
 * model's validator with its own codes). Each has a stable code printed as {@code [atomemo4j:<code>]}; codes are
 * never reused. Warnings can be silenced with {@code @SuppressWarnings("atomemo4j:<code>")} on the element or an
 * enclosing one.
 */
public enum Message {
  UNSUPPORTED_TYPE("unsupported-type", Diagnostic.Kind.ERROR,
      "%s cannot be a parameter: %s", "Use String, a number, boolean, an enum, a record, List/Set/array, "
          + "Map<String, V>, Optional, FileRef, ResourceLocator, ResourceMapper, Secret, JsonNode or a @Credential "
          + "record."),
  BYTECODE_NAME("bytecode-name", Diagnostic.Kind.ERROR,
      "parameter name \"%s\" of tool %s looks like a compiler-made name: the class was compiled without "
          + "-parameters, so its source names are gone",
      "Name it with @Param(name = \"…\"), or compile the tool class with -parameters."),
  NOT_OWNED("not-owned", Diagnostic.Kind.ERROR,
      "%s is annotated @%s, but no @Plugin lists %s, so it is never served",
      "Add %4$s.class to @Plugin(%5$s = {…})."),
  NOT_A_TOOL_CLASS("not-a-tool-class", Diagnostic.Kind.ERROR,
      "%s is listed in @Plugin(tools) but has no @Tool methods and is not annotated @Tool",
      "Annotate methods of %s with @Tool, or remove it from the list."),
  NOT_A_CREDENTIAL("not-a-credential", Diagnostic.Kind.ERROR,
      "%s is listed in @Plugin(credentials) but is not a record annotated @Credential",
      "Annotate the record with @Credential, or remove it from the list."),
  NOT_ACCESSIBLE("not-accessible", Diagnostic.Kind.ERROR,
      "%s must be public (and its enclosing classes too): the generated registry calls it directly",
      "Make it public."),
  NO_CONSTRUCTOR("no-constructor", Diagnostic.Kind.WARNING,
      "%s has no public no-argument constructor: its instance must come from a ToolFactory at run time, or start-up"
          + " fails with sdk:no_tool_instance",
      "Pass a ToolFactory that creates it (Atomemo4j.builder().toolFactory(…), @PluginTest(toolFactory = …)) and"
          + " silence this with @SuppressWarnings(\"atomemo4j:no-constructor\"), or add a public no-argument"
          + " constructor."),
  BAD_TOOL_CLASS("bad-tool-class", Diagnostic.Kind.ERROR,
      "a class annotated @Tool needs exactly one public method named invoke; %s has %d",
      "Declare one public invoke(...) method."),
  BAD_JSON_ATTRIBUTE("bad-json-attribute", Diagnostic.Kind.ERROR,
      "%s is not valid JSON: %s", "Write JSON text, e.g. \"20\", \"\\\"story\\\"\", \"[\\\"a\\\"]\"."),
  BAD_METHOD_SHAPE("bad-method-shape", Diagnostic.Kind.ERROR,
      "%s", "See the README for the shape of this method."),
  BAD_TEXT_VALUE("bad-text-value", Diagnostic.Kind.ERROR,
      "%s \"%s\" is not a %s: %s", "Write it the way the type prints, e.g. 2024-05-01T10:15:30Z, 2024-05-01, "
          + "PT15M, a canonical UUID, an absolute URI, or base64."),
  MISSING_SKILL_RESOURCE("missing-skill-resource", Diagnostic.Kind.ERROR,
      "skill resource %s was not found in src/main/resources (or the directories of -Aatomemo4j.resources)",
      "Create the file, fix the path (it is relative to the resources root), or give the skill inline."),
  MISSING_OAUTH2_CALLBACK("missing-oauth2-callback", Diagnostic.Kind.ERROR,
      "OAuth2 credential %s has no %s: the Hub could never connect an account",
      "Add the method(s) to the record (see examples/oauth2-notes)."),
  NOT_APPLICABLE("attribute-not-applicable", Diagnostic.Kind.ERROR,
      "%s does not apply to %s, so it would be dropped from the definition", "%3$s"),
  UNREFERENCED_HANDLER("unreferenced-handler", Diagnostic.Kind.ERROR,
      "%s \"%s\" is not referred to by any parameter of the tools in %s",
      "Refer to it from a ResourceLocator/ResourceMapper parameter, or remove it."),
  UNKNOWN_HANDLER("unknown-handler", Diagnostic.Kind.ERROR,
      "%s refers to %s \"%s\", but %s has no such method%s", "Add the method, or fix the name."),
  MISSING_VERSION("missing-version", Diagnostic.Kind.ERROR,
      "the plugin has no version", "Set @Plugin(version = \"1.0.0\"), or pass the build's version with "
          + "-Aatomemo4j.version=${project.version} (the README shows the Maven configuration)."),
  VERSION_MISMATCH("version-mismatch", Diagnostic.Kind.ERROR,
      "@Plugin(version = \"%s\") differs from the build version %s",
      "Remove the version attribute so the build version is used, or make them equal."),
  MISSING_TRANSLATION("missing-translation", Diagnostic.Kind.WARNING,
      "no %s translation for %s (key %s in %s)", "Add the key to the translations file."),
  UNKNOWN_TRANSLATION_KEY("unknown-translation-key", Diagnostic.Kind.ERROR,
      "translations file %s has key %s, which names nothing in the plugin%s", "Fix or remove the key."),
  MISSING_TRANSLATIONS_FILE("missing-translations-file", Diagnostic.Kind.WARNING,
      "locale %s is declared but %s was not found", "Create it beside your sources (src/main/resources)."),
  RECURSIVE_TYPE("recursive-type", Diagnostic.Kind.ERROR,
      "%s refers to itself (%s): the Atomemo property DSL is a tree and cannot express recursion",
      "Break the cycle, e.g. with a JsonNode field."),
  SINGLE_OBJECT_INPUT("single-object-input", Diagnostic.Kind.WARNING,
      "tool %s has one parameter, %s, and it is an object: models tend to send its fields flattened",
      "Take the record itself as the tool input (its components become the parameters)."),
  DUPLICATE_PLUGIN("duplicate-plugin", Diagnostic.Kind.ERROR,
      "plugin name \"%s\" is declared twice in this compilation (also on %s)", "Give each plugin its own name."),
  INTERNAL_ERROR("internal-error", Diagnostic.Kind.ERROR,
      "internal error in the atomemo4j processor while processing %s: %s",
      "Please report it with this message; as a workaround, simplify the declaration named here."),
  UNRESOLVED_TYPES("unresolved-types", Diagnostic.Kind.ERROR,
      "%s could not be processed because these types never resolved: %s",
      "If a type is generated by another processor, check above for its errors."),

  // ---- Atlas: plugin types, lifecycle, config (atlas-features.md §3, §16 row 3)
  DUPLICATE_TYPE("duplicate-type", Diagnostic.Kind.ERROR,
      "plugin type %s is listed twice in @Plugin(types)", "List each type once."),
  TYPE_WITHOUT_PROVIDER("type-without-provider", Diagnostic.Kind.ERROR,
      "@Plugin(types) declares %s, but the plugin class has no %s method",
      "Add a %2$s method, or remove %1$s from @Plugin(types)."),
  PROVIDER_WITHOUT_TYPE("provider-without-type", Diagnostic.Kind.ERROR,
      "%s makes the plugin of type %s, which @Plugin(types) does not declare",
      "Add PluginType.%2$s to @Plugin(types)."),
  LIFECYCLE_OUTSIDE_PLUGIN("lifecycle-outside-plugin", Diagnostic.Kind.ERROR,
      "@%s method %s is in %s, which is not a @Plugin class: the host calls lifecycle methods only on the plugin "
          + "object", "Move the method to the class annotated @Plugin."),
  BAD_LIFECYCLE_SIGNATURE("bad-lifecycle-signature", Diagnostic.Kind.ERROR,
      "@%s method %s must be %s", "Declare it as %4$s (any throws clause is allowed)."),
  DUPLICATE_LIFECYCLE("duplicate-lifecycle", Diagnostic.Kind.ERROR,
      "@%s is on %s and on %s: a plugin has at most one", "Keep one @%1$s method."),
  REFRESH_WITHOUT_PROVIDER("refresh-without-provider", Diagnostic.Kind.ERROR,
      "@Refresh method %s refreshes the context, but the plugin has no @ContextProvider",
      "Add a @ContextProvider method, or remove @Refresh."),
  NEGATIVE_TIMEOUT("negative-timeout", Diagnostic.Kind.ERROR,
      "timeoutMs = %d is negative", "Use 0 for the host's default, or a positive number of milliseconds."),
  BAD_PLUGIN_CLASS("bad-plugin-class", Diagnostic.Kind.ERROR,
      "the Atlas plugin class %s must be %s: the generated registry creates it", "Make it %2$s."),
  NO_PLUGIN_CONSTRUCTOR("no-plugin-constructor", Diagnostic.Kind.ERROR,
      "%s needs a public constructor taking %s, or a public no-argument one: the generated registry creates the "
          + "plugin object", "Add public %1$s(%2$s config) (or a public no-argument constructor and read the config "
          + "through PluginContext.config)."),
  BAD_CONFIG_TYPE("bad-config-type", Diagnostic.Kind.ERROR,
      "@Plugin(config) names %s, which is not a public record", "Declare the config as a public record."),
  UNSUPPORTED_CONFIG_TYPE("unsupported-config-type", Diagnostic.Kind.ERROR,
      "config field %s has type %s, which a config cannot hold", "Use String, boolean, an integer or decimal type "
          + "(or its box), BigInteger, BigDecimal, an enum, Secret, or Optional<> / @Nullable of one of those."),
  SECRET_NOT_SECRET_TYPE("secret-not-secret-type", Diagnostic.Kind.ERROR,
      "config field %s is marked secret but has type %s", "Declare it Secret (dev.atomemo4j.runtime.Secret), whose "
          + "toString never shows the value; a Secret field is secret without the flag."),
  OPTIONS_NOT_STRING("options-not-string", Diagnostic.Kind.ERROR,
      "config field %s has options but type %s", "Options make a select of strings: declare the field String, or "
          + "use an enum (its constants become the options) and remove options."),
  BAD_CONFIG_DEFAULT("bad-config-default", Diagnostic.Kind.ERROR,
      "defaultValue of config field %s %s", "Write the default as JSON text of the field's type, e.g. "
          + "\"\\\"normal\\\"\" for a string, \"20\" for a number, \"true\" for a boolean."),
  BAD_SHOW_WHEN("bad-show-when", Diagnostic.Kind.ERROR,
      "showWhen of config field %s %s", "Name another config field (its component name) and values it can take."),
  CONSTRAINT_NOT_APPLICABLE("constraint-not-applicable", Diagnostic.Kind.ERROR,
      "@%s does not apply to config field %s of type %s", "%4$s"),
  BAD_REGEXP("bad-regexp", Diagnostic.Kind.ERROR,
      "the regexp of @%s on config field %s does not compile: %s", "Fix the regular expression (java.util.regex "
          + "syntax; remember to double backslashes in Java strings)."),
  IMPOSSIBLE_BOUNDS("impossible-bounds", Diagnostic.Kind.ERROR,
      "@%s on config field %s %s", "Fix the bounds so some value can satisfy them."),
  UNSUPPORTED_CONSTRAINT("unsupported-constraint", Diagnostic.Kind.ERROR,
      "@%s on config field %s is not supported: the generated validator would silently ignore it",
      "Supported: NotNull, NotBlank, NotEmpty, Size, Min, Max, DecimalMin, DecimalMax, Positive, PositiveOrZero, "
          + "Negative, NegativeOrZero, Pattern, Email, AssertTrue, AssertFalse, Digits; check anything else in "
          + "@Initialize."),
  CONSTRAINT_GROUPS("constraint-groups", Diagnostic.Kind.ERROR,
      "@%s on config field %s names validation groups, which config validation does not support: every "
          + "constraint is always checked", "Remove groups = {…}."),
  // ---- actions (issue #13)
  ACTION_OUTSIDE_PLUGIN("action-outside-plugin", Diagnostic.Kind.ERROR,
      "@Action method %s is in %s, which is not a @Plugin class: actions run on the plugin object",
      "Move the method to the class annotated @Plugin."),
  BAD_ACTION_METHOD("bad-action-method", Diagnostic.Kind.ERROR,
      "@Action method %s must be a public, non-static, non-generic method", "Declare it as public Result %1$s(…)."),
  BAD_ACTION_NAME("bad-action-name", Diagnostic.Kind.ERROR,
      "action name \"%s\" must be 5 to 65 letters, digits, _ or -", "Rename it, e.g. \"create_ticket\"."),
  DUPLICATE_ACTION_NAME("duplicate-action-name", Diagnostic.Kind.ERROR,
      "action name \"%s\" is already used by %s: names are unique among a plugin's tools and actions",
      "Rename one of them."),
  UNKNOWN_ACTION_CREDENTIAL("unknown-action-credential", Diagnostic.Kind.ERROR,
      "action %s requires credential \"%s\", which the plugin does not list%s",
      "Use the name of a @Credential listed in @Plugin(credentials)."),
  UNKNOWN_SUMMARY_PLACEHOLDER("unknown-summary-placeholder", Diagnostic.Kind.ERROR,
      "the summary of action %s refers to {%s}, which is not one of its parameters%s",
      "Use {name} placeholders of the action's parameters only."),
  SECRET_IN_SUMMARY("secret-in-summary", Diagnostic.Kind.ERROR,
      "the summary of action %s shows {%s}, a Secret parameter: approval cards never show secrets",
      "Remove {%2$s} from the summary."),
  ACTION_NOT_AUTO_ON_HUB("action-not-auto-on-hub", Diagnostic.Kind.WARNING,
      "action %s needs %s approval, but the plugin also serves tools on the Hub, where only auto actions are "
          + "served: the Hub will not offer it",
      "Run it through a PluginHost, or declare approval = Approval.AUTO if it is safe without a person."),
  // ---- interaction routes (issue #16)
  BAD_ROUTES_METHOD("bad-routes-method", Diagnostic.Kind.ERROR,
      "@Routes method %s must be a public instance method returning void and taking one Router",
      "Declare it as public void %1$s(Router router) (dev.atomemo4j.runtime.routes.Router; any throws clause)."),
  DUPLICATE_ROUTES("duplicate-routes", Diagnostic.Kind.ERROR,
      "@Routes is on %s and on %s: a plugin has at most one", "Register every route in one @Routes method."),
  ROUTES_OUTSIDE_PLUGIN("routes-outside-plugin", Diagnostic.Kind.ERROR,
      "@Routes method %s is in %s, which is not a @Plugin class: the host mounts routes from the plugin object only",
      "Move the method to the class annotated @Plugin."),
  // ---- datasources (issue #14)
  DATASOURCE_OUTSIDE_PLUGIN("datasource-outside-plugin", Diagnostic.Kind.ERROR,
      "@%s on %s is in %s, which is not a @Plugin class: the host calls datasource methods only on the plugin "
          + "object", "Move it to the class annotated @Plugin."),
  BAD_DATASOURCE_METHOD("bad-datasource-method", Diagnostic.Kind.ERROR,
      "@Datasource method %s must be a public instance method taking nothing and returning QueryConnection",
      "Declare it as public QueryConnection %1$s() (any throws clause is allowed; atomemo4j-jdbc's "
          + "JdbcQueryConnection is one)."),
  BLANK_DB_TYPE("blank-db-type", Diagnostic.Kind.ERROR,
      "@Datasource(dbType) is blank: the host and the agent need to know which database this is",
      "Name it, e.g. dbType = \"postgres\", \"h2\" or \"clickhouse\"."),
  BAD_FORBIDDEN_PATTERN("bad-forbidden-pattern", Diagnostic.Kind.ERROR,
      "forbidden pattern \"%s\" does not compile: %s",
      "Fix the regular expression (java.util.regex syntax, matched case-insensitively; double backslashes in Java "
          + "strings)."),
  VALIDATE_WITH_FORBIDDEN_PATTERNS("validate-with-forbidden-patterns", Diagnostic.Kind.ERROR,
      "@Datasource(forbiddenPatterns) is set, but the plugin has a @Validate method (%s), which replaces the whole "
          + "SQL path: the patterns would never be checked",
      "Check the patterns inside %1$s, or remove @Validate to use the host's SQL path with them."),
  PARSER_DIALECT_IGNORED("parser-dialect-ignored", Diagnostic.Kind.WARNING,
      "@Datasource(parserDialect = %s) is ignored: the plugin has a @Validate method (%s), so no query is parsed "
          + "as SQL", "Remove parserDialect, or remove @Validate to have queries parsed in that dialect."),
  BAD_VALIDATE_METHOD("bad-validate-method", Diagnostic.Kind.ERROR,
      "@Validate method %s must be a public instance method taking one String and returning ValidationResult",
      "Declare it as public ValidationResult %1$s(String query)."),
  BAD_ENTITIES("bad-entities", Diagnostic.Kind.ERROR,
      "@Entities on %s must be a public instance method taking nothing and returning List<Entity>, or a public "
          + "static final List<Entity> field", "Declare public List<Entity> entities() or public static final "
          + "List<Entity> ENTITIES = List.of(…)."),
  DUPLICATE_DATASOURCE("duplicate-datasource", Diagnostic.Kind.ERROR,
      "@%s is on %s and on %s: a plugin has at most one", "Keep one @%1$s."),
  PART_WITHOUT_DATASOURCE("part-without-datasource", Diagnostic.Kind.ERROR,
      "@%s on %s belongs to a datasource, but the plugin has no @Datasource method",
      "Add a @Datasource method returning the QueryConnection, or remove @%1$s."),

  // ---- hooks (issue 14) ----
  HOOK_OUTSIDE_PLUGIN("hook-outside-plugin", Diagnostic.Kind.ERROR,
      "@Hook method %s is in %s, which is not a @Plugin class: the host calls hooks only on the plugin object",
      "Move the method to the class annotated @Plugin."),
  BAD_HOOK_SIGNATURE("bad-hook-signature", Diagnostic.Kind.ERROR,
      "@Hook(%s) method %s must be a public instance method %s, optionally with a PluginContext second parameter",
      "Declare it as %4$s (any throws clause is allowed)."),
  UNKNOWN_HOOK_MATCHER("unknown-hook-matcher", Diagnostic.Kind.ERROR,
      "the matcher of @Hook method %s names %s, which is no method of %s%s",
      "Name a public method of the plugin class declared boolean %2$s(%5$s event)."),
  BAD_HOOK_MATCHER("bad-hook-matcher", Diagnostic.Kind.ERROR,
      "the matcher %s of @Hook(%s) method %s must be a public instance method returning boolean and taking one %s",
      "Declare it as public boolean %1$s(%4$s event)."),
  // ---- sandboxes (issue #16)
  SANDBOX_OUTSIDE_PLUGIN("sandbox-outside-plugin", Diagnostic.Kind.ERROR,
      "@Sandbox method %s is in %s, which is not a @Plugin class: the host creates backends on the plugin object",
      "Move the method to the class annotated @Plugin."),
  BAD_SANDBOX_METHOD("bad-sandbox-method", Diagnostic.Kind.ERROR,
      "@Sandbox method %s must be a public instance method returning ExploreBackend and taking one Path (the "
          + "semantic root)", "Declare it as public ExploreBackend %1$s(Path semanticRoot) (any throws clause)."),
  DUPLICATE_SANDBOX("duplicate-sandbox", Diagnostic.Kind.ERROR,
      "@Sandbox is on %s and on %s: a plugin has at most one backend factory", "Keep one @Sandbox method."),
  SANDBOX_PRIORITY_OUT_OF_RANGE("sandbox-priority-out-of-range", Diagnostic.Kind.ERROR,
      "@Sandbox(priority = %d) is outside %d..%d", "Use a priority from %2$d to %3$d (the built-in bubblewrap "
          + "backend is 60, the plain process 0; highest is tried first)."),
  // ---- tables and migrations (issue #16)
  NOT_A_TABLE("not-a-table", Diagnostic.Kind.ERROR,
      "%s is listed in @Plugin(tables) but is not a record annotated @Table",
      "Annotate the record with @Table(name = \"…\"), or remove it from the list."),
  BAD_TABLE_NAME("bad-table-name", Diagnostic.Kind.ERROR,
      "%s name \"%s\" must be letters, digits and _, not starting with a digit",
      "Rename it, e.g. \"note\" or \"due_at\"."),
  TABLE_NAME_TOO_LONG("table-name-too-long", Diagnostic.Kind.ERROR,
      "table %s is stored as %s, %d characters: PostgreSQL cuts names at 63",
      "Use a shorter @Table(name)."),
  DUPLICATE_TABLE("duplicate-table", Diagnostic.Kind.ERROR,
      "table name \"%s\" is already used by %s", "Rename one of them, or list the record once."),
  DUPLICATE_COLUMN("duplicate-column", Diagnostic.Kind.ERROR,
      "column \"%s\" of table %s is already used by component %s", "Give one of them another @Column(name)."),
  RESERVED_COLUMN("reserved-column", Diagnostic.Kind.ERROR,
      "column \"%s\" of table %s is %s", "Name it differently with @Column(name = \"…\")."),
  UNSUPPORTED_COLUMN_TYPE("unsupported-column-type", Diagnostic.Kind.ERROR,
      "component %s of table %s has type %s, which no column type holds",
      "Use String, int/Integer, long/Long, double/Double, BigDecimal, boolean/Boolean, Instant, OffsetDateTime, "
          + "JsonNode or UUID (a nullable column takes the wrapper type; no Optional)."),
  COLUMN_TYPE_MISMATCH("column-type-mismatch", Diagnostic.Kind.ERROR,
      "component %s of table %s is a %s, which a %s column cannot hold",
      "Remove type = …, or use ColumnType.%s (a String may also be ColumnType.JSON)."),
  BAD_COLUMN_DEFAULT("bad-column-default", Diagnostic.Kind.ERROR,
      "default \"%s\" of column %s is not a %s value: %s",
      "Write it as the type prints: 42, 1.5, true, 2026-01-01T00:00:00Z, a UUID, JSON text."),
  REQUIRED_COLUMN_WITHOUT_DEFAULT("required-column-without-default", Diagnostic.Kind.ERROR,
      "column %s is required and added in version %d, but has no default: the rows already in table %s would "
          + "have no value for it",
      "Give it a defaultValue, or make it not required."),
  BAD_SINCE("bad-since", Diagnostic.Kind.ERROR,
      "%s has since = %d, outside %d to the schema version %d", "Raise @Plugin(schemaVersion), or fix since."),
  BAD_SCHEMA_VERSION("bad-schema-version", Diagnostic.Kind.ERROR,
      "@Plugin(schemaVersion = %d) must be at least 1", "Start at 1 and raise it with each change of the tables."),
  SCHEMA_WITHOUT_TABLES("schema-without-tables", Diagnostic.Kind.ERROR,
      "%s, but the plugin lists no tables", "List the @Table records in @Plugin(tables = {…})."),
  BAD_MIGRATION_METHOD("bad-migration-method", Diagnostic.Kind.ERROR,
      "@Migration method %s must be public static void %1$s(MigrationStep step)",
      "Declare it as public static void %1$s(MigrationStep step); it only describes the step."),
  BAD_MIGRATION_VERSION("bad-migration-version", Diagnostic.Kind.ERROR,
      "@Migration(version = %d) of %s is outside 1 to the schema version %d",
      "Raise @Plugin(schemaVersion), or fix the version."),
  DUPLICATE_MIGRATION_VERSION("duplicate-migration-version", Diagnostic.Kind.ERROR,
      "@Migration(version = %d) of %s is already the step of %s: one explicit step per version",
      "Put both changes in one method, or give this one the next version."),
  MIGRATION_OUT_OF_ORDER("migration-out-of-order", Diagnostic.Kind.ERROR,
      "@Migration(version = %d) of %s comes after version %d in the source: steps are read in order",
      "Move the method above the later versions."),
  MIGRATION_OUTSIDE_PLUGIN("migration-outside-plugin", Diagnostic.Kind.ERROR,
      "@Migration method %s is in %s, which is not a @Plugin class: nothing would run it",
      "Move it to the class annotated @Plugin.");

  private final String code;
  private final Diagnostic.Kind kind;
  private final String format;
  private final String hint;

  Message(String code, Diagnostic.Kind kind, String format, String hint) {
    this.code = code;
    this.kind = kind;
    this.format = format;
    this.hint = hint;
  }

  public String code() {
    return code;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The rule text with its arguments. */
  public String format(Object... args) {
    return String.format(java.util.Locale.ROOT, format, args);
  }

  public String hint(Object... args) {
    return String.format(java.util.Locale.ROOT, hint, args);
  }
}
