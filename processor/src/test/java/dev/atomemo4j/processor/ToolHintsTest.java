package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Tool(readOnly, destructive, idempotent, openWorld)}: read by the processor, carried by the registry's
 * {@link ToolBinding.Hints} and the Atlas manifest, never written to {@code definition.json}; unset hints stay unknown.
 */
class ToolHintsTest {

  static Compilation compilation;
  static PluginDescriptor descriptor;

  @BeforeAll
  static void compile() {
    compilation = Sources.compile(
        Sources.source("hints.Hints",
            "package hints;",
            "import dev.atomemo4j.annotations.Plugin;",
            "@Plugin(name = \"hinted\", displayName = \"Hinted\", description = \"d\", icon = \"x\",",
            "    required = true, tools = HintTools.class)",
            "public final class Hints {}"),
        Sources.source("hints.HintTools",
            "package hints;",
            "import dev.atomemo4j.annotations.Tool;",
            "public final class HintTools {",
            "  @Tool(name = \"look-up\", displayName = \"L\", description = \"d\", readOnly = true, openWorld = false)",
            "  public String lookUp() { return \"\"; }",
            "  @Tool(name = \"wipe-all\", displayName = \"W\", description = \"d\", destructive = true,",
            "      idempotent = true)",
            "  public String wipe() { return \"\"; }",
            "  @Tool(name = \"plain-tool\", displayName = \"P\", description = \"d\")",
            "  public String plain() { return \"\"; }",
            "}"));
    assertThat(compilation).succeeded();
    descriptor = GeneratedClasses.descriptor(compilation, "hints.HintsRegistry");
  }

  @Test
  void theRegistryCarriesTheHintsTheAuthorSet() {
    assertThat(descriptor.tool("look-up").orElseThrow().hints())
        .isEqualTo(new ToolBinding.Hints(true, null, null, false));
    assertThat(descriptor.tool("wipe-all").orElseThrow().hints())
        .isEqualTo(new ToolBinding.Hints(null, true, true, null));
  }

  @Test
  void aToolWithoutHintsHasNone() {
    assertThat(descriptor.tool("plain-tool").orElseThrow().hints()).isEqualTo(ToolBinding.Hints.NONE);
  }

  @Test
  void theManifestListsTheSetHintsPerTool() {
    String manifest = Sources.resource(compilation, "META-INF/atomemo4j/hinted/manifest.json");
    assertThat(manifest).contains("\"toolHints\"").contains("\"look-up\"").contains("\"readOnly\": true")
        .contains("\"openWorld\": false").contains("\"idempotent\": true").doesNotContain("\"plain-tool\": {");
  }

  @Test
  void definitionJsonNeverCarriesHints() {
    String definition = Sources.resource(compilation, "META-INF/atomemo4j/hinted/definition.json");
    assertThat(definition).doesNotContain("readOnly").doesNotContain("idempotent").doesNotContain("openWorld")
        .doesNotContain("destructive");
  }
}
