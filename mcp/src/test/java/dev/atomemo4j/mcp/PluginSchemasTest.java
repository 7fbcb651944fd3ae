package dev.atomemo4j.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomemo4j.core.tools.GeneratedSchemas;
import dev.atomemo4j.core.tools.PluginSchemas;
import dev.atomemo4j.mcp.fixture.DeskRegistry;
import dev.atomemo4j.mcp.fixture.VaultRegistry;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The front ends read a plugin's schemas from its one generated bundle; it must hold exactly the single files. */
class PluginSchemasTest {

  /** Two tools, one with a typed result, and a credential. */
  private final PluginDescriptor vault = new VaultRegistry().descriptor();

  /** Three actions and no tools. */
  private final PluginDescriptor desk = new DeskRegistry().descriptor();

  private static List<String> schemaPaths(PluginDescriptor desk) {
    List<String> paths = new ArrayList<>();
    for (ToolBinding t : desk.tools()) {
      paths.add(t.inputSchemaResource());
      paths.add(t.inputSchemaResource().replace(".input.json", ".output.json"));
    }
    for (ActionBinding a : desk.atlas().actions()) {
      paths.add(a.inputSchemaResource());
    }
    return paths;
  }

  @Test
  void theProcessorWroteABundleForPluginsWithToolsOrActions() {
    assertThat(PluginSchemas.read(vault).fromBundle()).isTrue();
    assertThat(PluginSchemas.read(desk).fromBundle()).isTrue();
    assertThat(PluginSchemas.files(vault).fromBundle()).isFalse();
  }

  @Test
  void everySchemaInTheBundleHasTheBytesOfItsOwnFileAndNoOtherIsInIt() {
    for (PluginDescriptor plugin : List.of(vault, desk)) {
      PluginSchemas bundled = PluginSchemas.read(plugin);
      PluginSchemas files = PluginSchemas.files(plugin);
      int present = 0;
      for (String path : schemaPaths(plugin)) {
        assertThat(bundled.bytes(path).isPresent()).as(path).isEqualTo(files.bytes(path).isPresent());
        if (files.bytes(path).isPresent()) {
          assertThat(bundled.bytes(path).orElseThrow()).as(path).isEqualTo(files.bytes(path).orElseThrow());
          present++;
        }
      }
      assertThat(present).as(plugin.name()).isGreaterThanOrEqualTo(plugin.tools().size()
          + plugin.atlas().actions().size());
    }
  }

  @Test
  void aSchemaThatWasNeverGeneratedIsAbsentFromBoth() {
    String missing = vault.tools().get(0).inputSchemaResource().replace(".input.json", ".nothing.json");

    assertThat(PluginSchemas.read(vault).bytes(missing)).isEmpty();
    assertThat(PluginSchemas.files(vault).bytes(missing)).isEmpty();
  }

  @Test
  void inputAndOutputSchemasReadTheSameFromTheBundleAsFromTheirFiles() {
    PluginSchemas bundled = PluginSchemas.read(vault);
    for (ToolBinding t : vault.tools()) {
      assertThat(GeneratedSchemas.input(bundled, t.inputSchemaResource(), List.of()))
          .isEqualTo(GeneratedSchemas.input(vault, t.inputSchemaResource(), List.of()));
      assertThat(GeneratedSchemas.output(bundled, t.inputSchemaResource()))
          .isEqualTo(GeneratedSchemas.output(vault, t.inputSchemaResource()));
    }
  }
}
