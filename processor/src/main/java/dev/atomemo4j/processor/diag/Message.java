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
  MISSING_PARAM_NAME("missing-param-name", Diagnostic.Kind.ERROR,
      "parameter %s of tool method %s needs @Param(name = \"…\"): parameter names do not survive compilation",
      "Add @Param(name = \"snake_case_name\"), or take a single record whose components are the parameters."),
  BYTECODE_NAME("bytecode-name", Diagnostic.Kind.ERROR,
      "parameter name \"%s\" looks like a compiler-made name", "Name it with @Param(name = \"…\")."),
  NOT_OWNED("not-owned", Diagnostic.Kind.ERROR,
      "%s is annotated @%s but no @Plugin lists its class", "Add %s.class to the %s of your @Plugin."),
  NOT_A_TOOL_CLASS("not-a-tool-class", Diagnostic.Kind.ERROR,
      "%s is listed in @Plugin(tools) but has no @Tool methods and is not annotated @Tool",
      "Annotate methods of %s with @Tool, or remove it from the list."),
  NOT_A_CREDENTIAL("not-a-credential", Diagnostic.Kind.ERROR,
      "%s is listed in @Plugin(credentials) but is not a record annotated @Credential",
      "Annotate the record with @Credential, or remove it from the list."),
  NOT_ACCESSIBLE("not-accessible", Diagnostic.Kind.ERROR,
      "%s must be public (and its enclosing classes too): the generated registry calls it directly",
      "Make it public."),
  NO_CONSTRUCTOR("no-constructor", Diagnostic.Kind.ERROR,
      "%s needs a public no-argument constructor: the generated registry creates one instance of it",
      "Add a public no-argument constructor, or make the tool methods static."),
  BAD_TOOL_CLASS("bad-tool-class", Diagnostic.Kind.ERROR,
      "a class annotated @Tool needs exactly one public method named invoke; %s has %d",
      "Declare one public invoke(...) method."),
  BAD_JSON_ATTRIBUTE("bad-json-attribute", Diagnostic.Kind.ERROR,
      "%s is not valid JSON: %s", "Write JSON text, e.g. \"20\", \"\\\"story\\\"\", \"[\\\"a\\\"]\"."),
  BAD_METHOD_SHAPE("bad-method-shape", Diagnostic.Kind.ERROR,
      "%s", "See the README for the shape of this method."),
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
      "If a type is generated by another processor, check above for its errors.");

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
