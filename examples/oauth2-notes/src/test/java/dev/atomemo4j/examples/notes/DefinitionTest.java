package dev.atomemo4j.examples.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.validate.DefinitionValidator;
import dev.atomemo4j.testing.Definitions;
import org.junit.jupiter.api.Test;

/**
 * The generated definition is valid (the processor already refuses an OAuth2 credential that breaks the
 * {@code oauth2-parameter} rule at compile time; this pins what the credential declares).
 */
class DefinitionTest {
  private static PluginDefinition generated() {
    return DefinitionReader.read(Definitions.generated(Notes.class)).definition().orElseThrow();
  }

  @Test
  void theDefinitionHasNoViolationsNotEvenWarnings() {
    assertThat(DefinitionValidator.validate(generated())).isEmpty();
  }

  @Test
  void theCredentialIsAnAuthorizationCodeOAuth2CredentialWithTheParametersTheHubFillsIn() {
    CredentialDefinition c = generated().credentials().get(0);

    assertThat(c.name()).isEqualTo("notes-oauth2");
    assertThat(c.isOAuth2()).isTrue();
    assertThat(c.oauth2GrantType()).isEqualTo("authorization_code");
    assertThat(c.parameters()).extracting(p -> p.name() + ":" + p.type() + ":" + p.common().isRequired())
        .containsExactly(
            "client_id:string:true",
            "client_secret:encrypted_string:true",
            "access_token:encrypted_string:false",
            "refresh_token:encrypted_string:false",
            "expires_at:integer:false",
            "service_url:string:false");
  }

  @Test
  void theToolTakesTheCredentialAsACredentialId() {
    var tool = generated().tools().get(0);

    assertThat(tool.name()).isEqualTo("list-notes");
    assertThat(tool.parameters().get(0).name()).isEqualTo("notes_account");
    assertThat(tool.parameters().get(0).type()).isEqualTo("credential_id");
  }
}
