package dev.atomemo4j.host.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ColumnType;
import dev.atomemo4j.runtime.spi.SchemaBinding;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a plugin's SchemaBinding becomes versioned steps: which changes each version holds, and its checksum. */
class SchemaPlanTest {
  private static final SchemaBinding.Column BODY = new SchemaBinding.Column("body", ColumnType.TEXT, false, false,
      null, 1);
  private static final SchemaBinding.Column TEXT = new SchemaBinding.Column("text", ColumnType.TEXT, false, false,
      null, 1);

  private static SchemaBinding notes(int version, SchemaBinding.Column column, SchemaBinding.Migration... steps) {
    return new SchemaBinding(version, List.of(new SchemaBinding.Table("note", 1, TablePlugins.NoteV3.class,
        List.of(TablePlugins.TITLE, TablePlugins.STARS, column), row -> Arrays.asList())), List.of(steps));
  }

  @Test
  void versionOneCreatesTheTableWithItsFirstColumnsAndVersionTwoAddsTheLaterOne() {
    SchemaPlan plan = SchemaPlan.of("notes", TablePlugins.v2());

    assertThat(plan.steps()).extracting(s -> s.ops().stream().map(SchemaOp::canonical).toList()).containsExactly(
        List.of("create table plugin_notes_note (title text required)"),
        List.of("add column plugin_notes_note stars integer required default 0"));
  }

  @Test
  void aLaterRenameIsTakenBackSoTheEarlierStepAndItsChecksumStayAsApplied() {
    SchemaPlan before = SchemaPlan.of("notes", notes(2, BODY));
    SchemaPlan after = SchemaPlan.of("notes", notes(3, TEXT, new SchemaBinding.Migration(3, "rename",
        step -> step.renameColumn("note", "body", "text"))));

    assertThat(after.steps().get(0).ops().get(0).canonical()).contains("body text");
    assertThat(after.steps().get(0).checksum()).isEqualTo(before.steps().get(0).checksum());
    assertThat(after.steps().get(1).checksum()).isEqualTo(before.steps().get(1).checksum());
    assertThat(after.steps().get(2).ops()).containsExactly(new SchemaOp.RenameColumn("plugin_notes_note", "body",
        "text"));
  }

  @Test
  void aChangedColumnChangesTheChecksumOfItsStepOnly() {
    SchemaPlan plan = SchemaPlan.of("notes", TablePlugins.v2());
    SchemaBinding uniqueTitle = new SchemaBinding(2, List.of(new SchemaBinding.Table("note", 1,
        TablePlugins.NoteV2.class, List.of(new SchemaBinding.Column("title", ColumnType.TEXT, true, true, null, 1),
        TablePlugins.STARS), row -> List.of())), List.of());
    SchemaPlan changed = SchemaPlan.of("notes", uniqueTitle);

    assertThat(changed.steps().get(0).checksum()).isNotEqualTo(plan.steps().get(0).checksum());
    assertThat(changed.steps().get(1).checksum()).isEqualTo(plan.steps().get(1).checksum());
  }

  @Test
  void aStepThatNamesATableThePluginDoesNotHaveIsRefused() {
    SchemaBinding schema = notes(2, BODY, new SchemaBinding.Migration(2, "bad",
        step -> step.execute("DELETE FROM " + step.table("invoices"))));

    assertThatThrownBy(() -> SchemaPlan.of("notes", schema)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names table `invoices`, which is not one of its tables");
  }
}
