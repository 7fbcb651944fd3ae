package dev.atomemo4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaBundleTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> entries() {
    Map<String, byte[]> in = new LinkedHashMap<>();
    in.put("schemas/get-time.input.json", utf8("{\n  \"type\": \"object\"\n}"));
    in.put("schemas/zoë.output.json", utf8("{\"title\": \"李 \\n two lines\"}"));
    in.put("schemas/empty.json", new byte[0]);
    return in;
  }

  @Test
  void whatIsWrittenReadsBackWithTheSameBytesInTheSameOrder() {
    Map<String, byte[]> in = entries();

    Map<String, byte[]> out = SchemaBundle.read(SchemaBundle.write(in));

    assertThat(out.keySet()).containsExactlyElementsOf(in.keySet());
    in.forEach((path, bytes) -> assertThat(out.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void anEmptyBundleReadsAsNoEntries() {
    assertThat(SchemaBundle.read(SchemaBundle.write(Map.of()))).isEmpty();
  }

  @Test
  void bytesWithAnotherHeaderAreRefused() {
    byte[] other = utf8("atomemo4j-schemas 2\n\n");

    assertThatThrownBy(() -> SchemaBundle.read(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("atomemo4j-schemas 1");
  }

  @Test
  void aBundleCutShortIsRefused() {
    byte[] whole = SchemaBundle.write(entries());
    byte[] cut = Arrays.copyOf(whole, whole.length - 3);

    assertThatThrownBy(() -> SchemaBundle.read(cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short");
  }

  @Test
  void bytesAfterTheLastEntryAreRefused() {
    byte[] whole = SchemaBundle.write(entries());
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);

    assertThatThrownBy(() -> SchemaBundle.read(longer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after its last entry");
  }

  @Test
  void aPathWithALineBreakCannotBeWritten() {
    assertThatThrownBy(() -> SchemaBundle.write(Map.of("a\nb", new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
