package dev.atomemo4j.host.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's schema steps and its compare-and-set, on an H2 file. */
class JdbcActionStoreTest {
  @TempDir
  Path dir;

  static ActionRequest pending(String id) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new ActionRequest(id, "p", "a", "t.c", Approval.MANUAL, ActionState.PENDING, "bob", "{}", "s", false, t,
        t.plusSeconds(60), null, null, null);
  }

  @Test
  void reopeningAStoreKeepsItsRequestsAndSchemaVersion() {
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("db"))) {
      store.insert(pending("r1"), null, "bob");
    }
    try (JdbcActionStore again = JdbcActionStore.h2File(dir.resolve("db"))) {
      assertThat(again.find("r1")).map(ActionRequest::state).hasValue(ActionState.PENDING);
    }
  }

  @Test
  void aSchemaNewerThanThisHostStopsItAtOpen() throws Exception {
    JdbcActionStore.h2File(dir.resolve("db")).close();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE atomemo4j_schema SET version = 99 WHERE component = 'actions'");
    }

    assertThatThrownBy(() -> JdbcActionStore.h2File(dir.resolve("db"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 99, newer than this host's 1");
  }

  @Test
  void aTransitionFromAStateTheRequestIsNotInChangesNothingAndIsNotAudited() {
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("db"))) {
      store.insert(pending("r1"), null, "bob");
      Instant at = Instant.parse("2026-01-01T00:00:01Z");

      assertThat(store.transition("r1", ActionState.APPROVED, ActionState.EXECUTING, "h", at, null, null, null))
          .isFalse();
      assertThat(store.transition("r1", ActionState.PENDING, ActionState.DENIED, "alice", at, "alice", null, null))
          .isTrue();
      assertThat(store.transition("r1", ActionState.PENDING, ActionState.APPROVED, "eve", at, "eve", null, null))
          .isFalse();
      assertThat(store.audit("r1")).extracting(AuditEntry::to).containsExactly(ActionState.PENDING,
          ActionState.DENIED);
      assertThat(store.find("r1").orElseThrow().decidedBy()).isEqualTo("alice");
    }
  }

  @Test
  void aTransitionTheStateMachineDoesNotAllowIsABug() {
    try (JdbcActionStore store = JdbcActionStore.h2File(dir.resolve("db"))) {
      assertThatThrownBy(() -> store.transition("r1", ActionState.DENIED, ActionState.EXECUTING, "h", Instant.EPOCH,
          null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
