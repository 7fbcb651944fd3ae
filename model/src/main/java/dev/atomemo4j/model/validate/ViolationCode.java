package dev.atomemo4j.model.validate;

/**
 * Stable codes for every problem the reader and the validator report. A code's slug never changes meaning and is
 * never reused: build logs, the CLI and the processor's diagnostics ({@code [atomemo4j:<slug>]}) all print it.
 */
public enum ViolationCode {
  INVALID_JSON("invalid-json", "The file is not valid JSON."),
  NOT_AN_OBJECT("not-an-object", "The root of a definition must be a JSON object."),
  WRONG_TYPE("wrong-type", "A member has the wrong JSON type."),
  UNKNOWN_TYPE("unknown-type", "A property has a `type` the format does not know."),
  MISSING_MEMBER("missing-member", "A required member is absent."),
  UNKNOWN_MEMBER("unknown-member", "A member the format does not define; the official SDK strips it.", Severity.WARNING),
  BAD_NAME("bad-name", "Plugin, credential and tool names: 5–65 letters, digits, `_` or `-`, starting with a letter, "
      + "ending with a letter or digit, never two of `_`/`-` in a row."),
  BAD_MODEL_NAME("bad-model-name", "Model names: letters, digits, `_ . - /`, starting with a letter, ending with a "
      + "letter or digit, never two of `_ . -` in a row."),
  BAD_PROPERTY_NAME("bad-property-name", "Property names (and `depends_on`, `search_list_method`): 1–64 letters, "
      + "digits and single underscores, starting with a letter, not ending with `_`."),
  MISSING_EN_US("missing-en-us", "Localized text must contain `en_US`."),
  BAD_LOCALE_KEY("bad-locale-key", "Locale keys look like `en_US` or `zh_Hans`."),
  DUPLICATE_NAME("duplicate-name", "Names must be unique among siblings."),
  BAD_VALUE_TYPE("bad-value-type", "A constant, default or enum value does not match the property type."),
  LABEL_IN_ENUM("label-in-enum", "`enum` lists plain values; labels belong in `ui.options`."),
  NOT_IN_ENUM("not-in-enum", "A `default` or `constant` is not one of the property's `enum` values."),
  VALUE_NOT_ALLOWED("value-not-allowed", "`encrypted_string` and `credential_id` take no constant, default or enum."),
  MIN_GREATER_THAN_MAX("min-greater-than-max", "A lower bound is greater than its upper bound."),
  BAD_COMPONENT("bad-component", "The UI component is not allowed for the property type."),
  BAD_CHOICE("bad-choice", "A value outside a fixed set (`lang`, `model_type`, `width`, `language`, …)."),
  CREDENTIAL_PARAMETER_NOT_SCALAR("credential-parameter-not-scalar",
      "Credential parameters are string, number, integer, boolean or encrypted_string."),
  OAUTH2_PARAMETER("oauth2-parameter", "An OAuth2 credential lacks a required parameter, or declares it wrongly."),
  UNKNOWN_CREDENTIAL("unknown-credential", "`credential_name` does not name a credential of the plugin (with a \"did you mean\")."),
  UNION_POSITION("union-position", "`discriminated_union` is allowed only as array items or `additional_properties`."),
  UNION_VARIANTS("union-variants", "A `discriminated_union` needs at least two object variants with distinct names."),
  UNION_DISCRIMINATOR("union-discriminator",
      "Each union variant needs a property named like the discriminator with a distinct string, number or boolean "
          + "constant."),
  UNSAFE_NUMBER("unsafe-number", "Numbers must be finite, and integers within ±2^53."),
  NOT_INTEGRAL("not-integral", "A count or an integer value has a fraction."),
  BAD_URL("bad-url", "Not an http(s) URL."),
  BAD_EMAIL("bad-email", "Not an e-mail address."),
  BAD_VERSION("bad-version", "Versions are SemVer without underscores."),
  EMPTY_VALUE("empty-value", "A member that must not be empty is empty."),
  CONSTANT_WITH_PROPERTIES("constant-with-properties", "An object with a constant must have no properties."),
  BAD_DEPENDS_ON("bad-depends-on", "`depends_on` names a sibling that does not exist or has a type it cannot use.");

  private final String slug;
  private final String summary;
  private final Severity severity;

  ViolationCode(String slug, String summary) {
    this(slug, summary, Severity.ERROR);
  }

  ViolationCode(String slug, String summary, Severity severity) {
    this.slug = slug;
    this.summary = summary;
    this.severity = severity;
  }

  /** The stable kebab-case code, e.g. {@code bad-name}. */
  public String slug() {
    return slug;
  }

  /** One sentence on the rule, for documentation tables. */
  public String summary() {
    return summary;
  }

  public Severity severity() {
    return severity;
  }
}
