package dev.atomemo4j.host.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.ParserDialect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table whitelist: which names count as the datasource's entities, and which references are tables at all. */
class SqlGuardWhitelistTest {
  private static SqlGuard guard(ParserDialect dialect, String... tables) {
    return SqlGuard.of(dialect, List.of(), Set.of(tables));
  }

  private static SqlGuard postgres(String... tables) {
    return guard(ParserDialect.POSTGRESQL, tables);
  }

  private static void assertRefused(SqlGuard guard, String sql, String table) {
    assertThatThrownBy(() -> guard.check(sql))
        .isInstanceOfSatisfying(QueryRejectedException.class, e -> {
          assertThat(e.code()).isEqualTo(QueryRejectedException.TABLE_NOT_ALLOWED);
          assertThat(e.reason()).contains("the table " + table + " ");
        });
  }

  @Test
  void theCheckedQueryListsEveryTableItReads() {
    CheckedQuery checked = postgres("orders", "customers", "order_items").check(
        "SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id"
            + " WHERE EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)");
    assertThat(checked.tables()).containsExactlyInAnyOrder("orders", "customers", "order_items");
  }

  @Test
  void anEmptyWhitelistAllowsEveryTable() {
    assertThat(postgres().check("SELECT * FROM anything_at_all").tables()).containsExactly("anything_at_all");
  }

  @Test
  void namesCompareWithoutRegardToCaseWhenUnquoted() {
    assertThat(postgres("orders").check("SELECT * FROM ORDERS").tables()).containsExactly("orders");
  }

  @Test
  void aQualifiedNameInTheDefaultSchemaIsTheBareEntity() {
    assertThat(postgres("orders").check("SELECT * FROM public.orders").tables()).containsExactly("public.orders");
  }

  @Test
  void aBareNameIsAnEntityListedInTheDefaultSchema() {
    assertThat(postgres("public.orders").check("SELECT * FROM orders").tables()).containsExactly("orders");
  }

  @Test
  void anEntitysNameInAnotherSchemaIsRefused() {
    assertRefused(postgres("orders"), "SELECT * FROM archive.orders", "archive.orders");
  }

  @Test
  void aQualifiedEntityDoesNotAllowTheSameNameInAnotherSchema() {
    assertRefused(postgres("sales.orders"), "SELECT * FROM archive.orders", "archive.orders");
  }

  @Test
  void aQuotedMixedCaseNameInPostgresIsNotTheLowerCaseEntity() {
    assertRefused(postgres("orders"), "SELECT * FROM \"Orders\"", "Orders");
  }

  @Test
  void aQuotedLowerCaseNameInPostgresIsTheEntity() {
    assertThat(postgres("orders").check("SELECT * FROM \"orders\"").tables()).containsExactly("orders");
  }

  @Test
  void aQuotedUpperCaseNameInH2IsTheEntity() {
    assertThat(guard(ParserDialect.H2, "orders").check("SELECT * FROM \"ORDERS\"").tables())
        .containsExactly("orders");
  }

  @Test
  void aQuotedEntityInTheWhitelistKeepsItsCase() {
    SqlGuard guard = postgres("\"OrderNotes\"");
    assertThat(guard.check("SELECT * FROM \"OrderNotes\"").tables()).containsExactly("OrderNotes");
    assertRefused(guard, "SELECT * FROM ordernotes", "ordernotes");
  }

  @Test
  void aCteNameIsNotATable() {
    CheckedQuery checked = postgres("orders").check("WITH big AS (SELECT * FROM orders) SELECT * FROM big");
    assertThat(checked.tables()).containsExactly("orders");
  }

  @Test
  void aRecursiveCteReadsItselfWithoutBeingATable() {
    CheckedQuery checked = postgres().check(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT * FROM n");
    assertThat(checked.tables()).isEmpty();
  }

  @Test
  void aNonRecursiveCteNamedAfterATableReadsTheTable() {
    assertRefused(postgres("orders"), "WITH secrets AS (SELECT * FROM secrets) SELECT * FROM secrets", "secrets");
  }

  @Test
  void aCteNameDoesNotCoverTheSameNameOutsideItsQuery() {
    assertRefused(postgres("orders"),
        "SELECT (WITH secrets AS (SELECT 1 AS x) SELECT x FROM secrets) FROM secrets", "secrets");
  }

  @Test
  void aCteNameIsVisibleInTheQueriesNestedInItsQuery() {
    CheckedQuery checked = postgres("orders").check(
        "WITH o AS (SELECT * FROM orders) SELECT * FROM o WHERE id IN (SELECT id FROM o)");
    assertThat(checked.tables()).containsExactly("orders");
  }

  @Test
  void aTableInASubqueryIsChecked() {
    assertRefused(postgres("orders"), "SELECT * FROM orders WHERE id IN (SELECT id FROM secrets)", "secrets");
  }

  @Test
  void aTableInADerivedTableIsChecked() {
    assertRefused(postgres("orders"), "SELECT * FROM (SELECT * FROM secrets) s", "secrets");
  }

  @Test
  void aTableInACteBodyIsChecked() {
    assertRefused(postgres("orders"), "WITH s AS (SELECT * FROM secrets) SELECT * FROM orders", "secrets");
  }

  @Test
  void aTableInsideAParenthesizedJoinIsChecked() {
    assertRefused(postgres("orders", "customers"),
        "SELECT * FROM customers c LEFT JOIN (orders o JOIN secrets s ON s.id = o.id) ON o.customer_id = c.id",
        "secrets");
  }

  @Test
  void aTableUnderIsDistinctFromIsChecked() {
    assertRefused(postgres("orders"),
        "SELECT * FROM orders WHERE id IS DISTINCT FROM (SELECT max(id) FROM secrets)", "secrets");
  }

  @Test
  void aColumnsQualifierIsNotATable() {
    CheckedQuery checked = postgres("orders").check("SELECT o.*, o.id FROM orders o");
    assertThat(checked.tables()).containsExactly("orders");
  }
}
