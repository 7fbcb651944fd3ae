package dev.atomemo4j.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Each test breaks one official definition in one way and expects exactly that rule, at exactly that pointer.
 */
class MutationTest {

  @Test
  void toolDisplayNameWithoutEnUsIsRejected() {
    Mutant m = Mutant.of("get-current-time.json").remove("/tools/0/display_name/en_US");

    assertThat(m.found()).containsExactly("/tools/0/display_name [missing-en-us]");
  }

  @Test
  void doubleUnderscoreInPluginNameIsRejected() {
    Mutant m = Mutant.of("get-current-time.json").set("/name", "\"get__time\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/name");
      assertThat(v.code()).isEqualTo(ViolationCode.BAD_NAME);
      assertThat(v.message()).contains("get__time").contains("two of `_`/`-` in a row");
    });
  }

  @Test
  void fourCharacterToolNameIsTooShort() {
    Mutant m = Mutant.of("get-current-time.json").set("/tools/0/name", "\"time\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/tools/0/name");
      assertThat(v.message()).contains("5 to 65");
    });
  }

  @Test
  void hyphenInPropertyNameIsRejected() {
    Mutant m = Mutant.of("get-current-time.json").set("/tools/0/parameters/0/name", "\"time-zone\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/tools/0/parameters/0/name");
      assertThat(v.code()).isEqualTo(ViolationCode.BAD_PROPERTY_NAME);
      assertThat(v.message()).contains("hyphens are not allowed").contains("time_zone");
    });
  }

  @Test
  void aDefaultOutsideTheEnumIsRejectedWithTheClosestValue() {
    Mutant m = Mutant.of("get-current-time.json")
        .set("/tools/0/parameters/1/enum", "[\"iso\", \"unix\"]").set("/tools/0/parameters/1/default", "\"unx\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/tools/0/parameters/1/default");
      assertThat(v.code()).isEqualTo(ViolationCode.NOT_IN_ENUM);
      assertThat(v.message()).contains("\"unx\" is not one of the `enum` values \"iso\", \"unix\"")
          .contains("did you mean \"unix\"");
    });
  }

  @Test
  void aConstantOutsideTheEnumIsRejected() {
    Mutant m = Mutant.of("get-current-time.json")
        .set("/tools/0/parameters/1/enum", "[\"iso\", \"unix\"]").set("/tools/0/parameters/1/constant", "\"rfc\"");

    assertThat(m.found()).containsExactly("/tools/0/parameters/1/constant [not-in-enum]");
  }

  @Test
  void aDefaultInTheEnumIsAccepted() {
    Mutant m = Mutant.of("get-current-time.json")
        .set("/tools/0/parameters/1/enum", "[\"iso\", \"unix\"]").set("/tools/0/parameters/1/default", "\"unix\"");

    assertThat(m.violations()).isEmpty();
  }

  @Test
  void anInvalidPluginNameComesWithAValidSuggestion() {
    Mutant m = Mutant.of("get-current-time.json").set("/name", "\"my plugin!\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(ViolationCode.BAD_NAME);
      assertThat(v.message()).contains("e.g. \"my-plugin\"");
    });
  }

  @Test
  void labelObjectsInEnumAreRejected() {
    Mutant m = Mutant.of("get-current-time.json")
        .set("/tools/0/parameters/1/enum", "[{\"label\": \"ISO\", \"value\": \"iso\"}, \"unix\"]");

    assertThat(m.found()).containsExactly("/tools/0/parameters/1/enum/0 [label-in-enum]");
  }

  @Test
  void oauth2CredentialWithoutClientSecretIsRejected() {
    Mutant m = Mutant.of("gmail.json").remove("/credentials/0/parameters/1");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/credentials/0/parameters");
      assertThat(v.code()).isEqualTo(ViolationCode.OAUTH2_PARAMETER);
      assertThat(v.message()).contains("client_secret").contains("encrypted_string");
    });
  }

  @Test
  void oauth2ClientIdMustBeRequired() {
    Mutant m = Mutant.of("gmail.json").set("/credentials/0/parameters/0/required", "false");

    assertThat(m.found()).containsExactly("/credentials/0/parameters/0 [oauth2-parameter]");
  }

  @Test
  void unknownCredentialNameSuggestsTheClosestDeclaredOne() {
    Mutant m = Mutant.of("gmail.json").set("/tools/0/parameters/0/credential_name", "\"gmail-oath\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/tools/0/parameters/0/credential_name");
      assertThat(v.code()).isEqualTo(ViolationCode.UNKNOWN_CREDENTIAL);
      assertThat(v.message()).contains("did you mean \"gmail-oauth\"?");
    });
  }

  @Test
  void duplicateParameterNamesAreRejected() {
    Mutant m = Mutant.of("hacker-news.json").set("/tools/0/parameters/1/name", "\"keyword\"");

    assertThat(m.found()).containsExactly("/tools/0/parameters/1/name [duplicate-name]");
  }

  @Test
  void duplicateToolNamesAreRejected() {
    Mutant m = Mutant.of("hacker-news.json").set("/tools/2/name", "\"search-hacker-news\"");

    assertThat(m.found()).containsExactly("/tools/2/name [duplicate-name]");
  }

  @Test
  void minimumGreaterThanMaximumIsRejected() {
    Mutant m = Mutant.of("hacker-news.json")
        .set("/tools/0/parameters/1/minimum", "100")
        .set("/tools/0/parameters/1/maximum", "1")
        .set("/tools/0/parameters/1/default", "50");

    assertThat(m.found()).containsExactly("/tools/0/parameters/1/minimum [min-greater-than-max]");
  }

  @Test
  void switchOnAStringIsRejected() {
    Mutant m = Mutant.of("hacker-news.json").set("/tools/0/parameters/0/ui/component", "\"switch\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/tools/0/parameters/0/ui/component");
      assertThat(v.code()).isEqualTo(ViolationCode.BAD_COMPONENT);
      assertThat(v.message()).contains("input, textarea");
    });
  }

  @Test
  void discriminatedUnionDirectlyInToolParametersIsRejected() {
    Mutant m = Mutant.of("firecrawl.json");
    JsonNode union = m.node("/tools/12/parameters/2/properties/2/items");
    ObjectNode copy = union.deepCopy();
    m.append("/tools/12/parameters", copy);

    assertThat(m.found()).containsExactly("/tools/12/parameters/3/type [union-position]");
  }

  @Test
  void unionWithOneVariantIsRejected() {
    Mutant m = Mutant.of("firecrawl.json")
        .remove("/tools/12/parameters/2/properties/2/items/any_of/2")
        .remove("/tools/12/parameters/2/properties/2/items/any_of/1");

    assertThat(m.found()).containsExactly("/tools/12/parameters/2/properties/2/items/any_of [union-variants]");
  }

  @Test
  void badModelTypeIsRejected() {
    Mutant m = Mutant.of("deepseek.json").set("/models/0/model_type", "\"chat\"");

    assertThat(m.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEqualTo("/models/0/model_type");
      assertThat(v.code()).isEqualTo(ViolationCode.BAD_CHOICE);
      assertThat(v.message()).contains("\"chat\"").contains("llm");
    });
  }

  @Test
  void objectParameterOnACredentialIsRejected() {
    Mutant m = Mutant.of("deepseek.json").set("/credentials/0/parameters/0/type", "\"object\"")
        .set("/credentials/0/parameters/0/properties", "[]")
        .remove("/credentials/0/parameters/0/ui");

    assertThat(m.found()).containsExactly("/credentials/0/parameters/0/type [credential-parameter-not-scalar]");
  }

  @Test
  void defaultOfTheWrongTypeIsRejected() {
    Mutant m = Mutant.of("hacker-news.json").set("/tools/0/parameters/1/default", "\"0\"");

    assertThat(m.found()).containsExactly("/tools/0/parameters/1/default [bad-value-type]");
  }

  @Test
  void fractionalDefaultOfAnIntegerIsRejected() {
    Mutant m = Mutant.of("hacker-news.json").set("/tools/0/parameters/1/default", "1.5");

    assertThat(m.found()).containsExactly("/tools/0/parameters/1/default [not-integral]");
  }

  @Test
  void integerBeyondTwoToTheFiftyThirdIsRejected() {
    Mutant m = Mutant.of("hacker-news.json").set("/tools/0/parameters/1/default", "9007199254740993");

    assertThat(m.found()).containsExactly("/tools/0/parameters/1/default [unsafe-number]");
  }

  @Test
  void encryptedStringWithDefaultIsRejected() {
    Mutant m = Mutant.of("deepseek.json").set("/credentials/0/parameters/0/default", "\"sk-123\"");

    assertThat(m.found()).containsExactly("/credentials/0/parameters/0/default [value-not-allowed]");
  }

  @Test
  void localeKeyWithHyphenIsRejected() {
    Mutant m = Mutant.of("get-current-time.json").set("/description/zh-Hans", "\"x\"");

    assertThat(m.found()).containsExactly("/description/zh-Hans [bad-locale-key]");
  }

  @Test
  void versionThatIsNotSemVerIsRejected() {
    Mutant m = Mutant.of("get-current-time.json").set("/version", "\"1.0\"");

    assertThat(m.found()).containsExactly("/version [bad-version]");
  }

  @Test
  void duplicateDiscriminatorConstantsAreRejected() {
    Mutant m = Mutant.of("firecrawl.json");
    String union = "/tools/12/parameters/2/properties/2/items";
    String discriminator = m.node(union + "/discriminator").asText();
    JsonNode first = m.node(union + "/any_of/0/properties");
    JsonNode constant = null;
    for (JsonNode p : first) {
      if (p.get("name").asText().equals(discriminator)) {
        constant = p.get("constant");
      }
    }
    JsonNode second = m.node(union + "/any_of/1/properties");
    for (int i = 0; i < second.size(); i++) {
      if (second.get(i).get("name").asText().equals(discriminator)) {
        ((ObjectNode) second.get(i)).set("constant", constant);
        assertThat(m.found()).containsExactly(union + "/any_of/1/properties/" + i + "/constant [union-discriminator]");
        return;
      }
    }
    throw new AssertionError("fixture has no discriminator property in variant 1");
  }

  @Test
  void aFileWithManyViolationsReportsAllOfThem() {
    Mutant m = Mutant.of("gmail.json")
        .set("/name", "\"g\"")
        .remove("/description/en_US")
        .remove("/credentials/0/parameters/1")
        .set("/tools/0/parameters/0/credential_name", "\"nope-credential\"")
        .set("/tools/0/parameters/1/name", "\"user-id\"")
        .set("/tools/1/name", "\"gmail-get-profile\"")
        .set("/version", "\"one\"");

    assertThat(m.found()).containsExactlyInAnyOrder(
        "/name [bad-name]",
        "/description [missing-en-us]",
        "/credentials/0/parameters [oauth2-parameter]",
        "/tools/0/parameters/0/credential_name [unknown-credential]",
        "/tools/0/parameters/1/name [bad-property-name]",
        "/tools/1/name [duplicate-name]",
        "/version [bad-version]");
  }
}
