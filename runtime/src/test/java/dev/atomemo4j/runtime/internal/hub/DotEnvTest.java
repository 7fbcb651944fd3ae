package dev.atomemo4j.runtime.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .env} files as the Atomemo CLI writes them, and as people edit them (hub-protocol §12). */
class DotEnvTest {

  @Test
  void readsTheFileTheCliWrites() {
    DotEnv.Result r = DotEnv.parse("HUB_WS_URL=wss://plugin-hub.atomemo.ai\nHUB_DEBUG_API_KEY=\n");
    assertThat(r.values()).containsExactly(Map.entry("HUB_WS_URL", "wss://plugin-hub.atomemo.ai"),
        Map.entry("HUB_DEBUG_API_KEY", ""));
    assertThat(r.badLines()).isEmpty();
  }

  @Test
  void skipsBlankAndCommentLines() {
    assertThat(DotEnv.parse("# comment\n\n   # indented comment\nA=1\n").values()).containsExactly(Map.entry("A", "1"));
  }

  @Test
  void stripsAnInlineCommentFromAnUnquotedValue() {
    assertThat(DotEnv.parse("A=value # note\nB=a#b\n").values())
        .containsExactly(Map.entry("A", "value"), Map.entry("B", "a#b"));
  }

  @Test
  void doubleQuotedValuesKeepHashesAndUnderstandEscapes() {
    assertThat(DotEnv.parse("A=\"x # y\\n\\\"z\\\"\" # comment\n").values())
        .containsExactly(Map.entry("A", "x # y\n\"z\""));
  }

  @Test
  void singleQuotedValuesAreLiteral() {
    assertThat(DotEnv.parse("A='x\\n $y'\n").values()).containsExactly(Map.entry("A", "x\\n $y"));
  }

  @Test
  void quotedValuesMaySpanLines() {
    assertThat(DotEnv.parse("KEY=\"-----BEGIN\nabc\n-----END\"\nB=2\n").values())
        .containsExactly(Map.entry("KEY", "-----BEGIN\nabc\n-----END"), Map.entry("B", "2"));
  }

  @Test
  void acceptsExportPrefixSpacesAroundTheEqualsSignAndCrLf() {
    assertThat(DotEnv.parse("export A = 1\r\nB=2\r\n").values())
        .containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
  }

  @Test
  void laterLinesWin() {
    assertThat(DotEnv.parse("A=1\nA=2\n").values()).containsExactly(Map.entry("A", "2"));
  }

  @Test
  void reportsUnreadableLinesByNumberOnly() {
    DotEnv.Result r = DotEnv.parse("A=1\nnot a pair\n=nokey\nB=\"unterminated\n");
    assertThat(r.values()).containsExactly(Map.entry("A", "1"));
    assertThat(r.badLines()).containsExactly(2, 3, 4);
  }

  @Test
  void missingFileHasNoValues(@TempDir Path dir) throws Exception {
    assertThat(DotEnv.read(dir.resolve(".env")).values()).isEmpty();
  }

  @Test
  void readsAFileWithAByteOrderMark(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".env"), "\uFEFFA=1\n");
    assertThat(DotEnv.read(dir.resolve(".env")).values()).containsExactly(Map.entry("A", "1"));
  }
}
