package dev.atomemo4j.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.Corpus;
import dev.atomemo4j.model.io.DefinitionReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OfficialCorpusValidityTest {

  static List<Path> officialDefinitions() {
    return Corpus.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialDefinitions")
  void everyOfficialDefinitionIsValid(Path file) {
    var definition = DefinitionReader.read(Corpus.text(file)).definition().orElseThrow();

    assertThat(DefinitionValidator.validate(definition)).isEmpty();
  }
}
