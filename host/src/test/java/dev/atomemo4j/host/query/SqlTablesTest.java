package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SqlTables.referenced names every table a statement of any kind touches, for checks that are not about reads. */
class SqlTablesTest {
  private static Set<String> tables(String sql) {
    return SqlTables.referenced(sql, ParserDialect.POSTGRESQL);
  }

  @Test
  void aSelectNamesTheTablesItReads() {
    assertThat(tables("SELECT * FROM a JOIN b ON a.id = b.id WHERE a.x IN (SELECT x FROM c)"))
        .containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aCteNameIsNotATable() {
    assertThat(tables("WITH t AS (SELECT * FROM a) SELECT * FROM t")).containsExactly("a");
  }

  @Test
  void anInsertNamesItsTargetAndItsSource() {
    assertThat(tables("INSERT INTO plugin_x_log (id) SELECT id FROM plugin_x_events"))
        .containsExactlyInAnyOrder("plugin_x_log", "plugin_x_events");
  }

  @Test
  void anInsertWithValuesNamesItsTarget() {
    assertThat(tables("INSERT INTO plugin_x_log (id, note) VALUES (1, 'a')")).containsExactly("plugin_x_log");
  }

  @Test
  void anUpdateNamesItsTargetAndTheTablesItReads() {
    assertThat(tables("UPDATE a SET x = b.x FROM b WHERE a.id = b.id AND a.y IN (SELECT y FROM c)"))
        .containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aDeleteNamesItsTargetAndItsUsingTables() {
    assertThat(tables("DELETE FROM a USING b WHERE a.id = b.id")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aDeleteWithASubqueryNamesBoth() {
    assertThat(tables("DELETE FROM a WHERE id IN (SELECT id FROM b)")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aWriteInACteNamesItsTable() {
    assertThat(tables("WITH gone AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM gone"))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void createTableNamesTheTableAndTheTablesItsForeignKeysReference() {
    assertThat(tables("CREATE TABLE plugin_x_items (id INT PRIMARY KEY, owner INT REFERENCES plugin_x_owners (id),"
        + " cat INT, FOREIGN KEY (cat) REFERENCES plugin_x_cats (id))"))
        .containsExactlyInAnyOrder("plugin_x_items", "plugin_x_owners", "plugin_x_cats");
  }

  @Test
  void alterTableNamesTheTableAndAReferencedOne() {
    assertThat(tables("ALTER TABLE plugin_x_items ADD CONSTRAINT fk FOREIGN KEY (o) REFERENCES other (id)"))
        .containsExactlyInAnyOrder("plugin_x_items", "other");
  }

  @Test
  void alterTableAddColumnNamesTheTable() {
    assertThat(tables("ALTER TABLE plugin_x_items ADD COLUMN note TEXT")).containsExactly("plugin_x_items");
  }

  @Test
  void dropTableNamesTheTable() {
    assertThat(tables("DROP TABLE IF EXISTS plugin_x_items")).containsExactly("plugin_x_items");
  }

  @Test
  void dropIndexNamesNoTable() {
    assertThat(tables("DROP INDEX plugin_x_items_idx")).isEmpty();
  }

  @Test
  void createIndexNamesTheIndexedTable() {
    assertThat(tables("CREATE INDEX plugin_x_items_idx ON plugin_x_items (owner)")).containsExactly("plugin_x_items");
  }

  @Test
  void truncateNamesEveryTable() {
    assertThat(tables("TRUNCATE a, b")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void mergeNamesTargetAndSource() {
    assertThat(tables("MERGE INTO a USING b ON (a.id = b.id) WHEN MATCHED THEN UPDATE SET x = b.x"))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void qualifiedNamesKeepTheirSchemaAndQuotedNamesTheirCase() {
    assertThat(tables("INSERT INTO app.\"Audit\" SELECT * FROM Public.Events"))
        .containsExactlyInAnyOrder("app.Audit", "public.events");
  }

  @Test
  void everyStatementOfAScriptCounts() {
    assertThat(tables("CREATE TABLE a (id INT); INSERT INTO b VALUES (1)")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void unreadableSqlIsAParseError() {
    assertThatThrownBy(() -> tables("CREATE TABEL x"))
        .isInstanceOfSatisfying(QueryRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(QueryRejectedException.PARSE_ERROR));
  }
}
