package dev.atomemo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.model.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OfficialCorpusRoundTripTest {

  static List<Path> officialDefinitions() {
    List<Path> files = Corpus.files();
    assertThat(files).as("official definitions").hasSize(12);
    return files;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialDefinitions")
  void readingThenWritingReproducesTheFileByteForByte(Path file) {
    String original = Corpus.text(file);

    ReadResult result = DefinitionReader.read(original);

    assertThat(result.problems()).as("reader problems").isEmpty();
    assertThat(result.lossless()).isTrue();
    String written = DefinitionWriter.toJson(result.definition().orElseThrow());
    assertThat(written).isEqualTo(original);
  }
}
