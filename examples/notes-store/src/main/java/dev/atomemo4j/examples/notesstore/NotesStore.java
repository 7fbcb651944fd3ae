package dev.atomemo4j.examples.notesstore;

import dev.atomemo4j.annotations.Action;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.annotations.ContextProvider;
import dev.atomemo4j.annotations.Initialize;
import dev.atomemo4j.annotations.Migration;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.PluginContext;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.storage.MigrationStep;
import dev.atomemo4j.runtime.storage.PluginDatabase;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps the team's notes in the host's storage database. Saving a note is an action the agent may take on its
 * own; pinning one puts it into every system prompt, so a person approves that. The pinned notes are the plugin's
 * context. Its one table is migrated by the host before {@link #initialize}: version 1 created it, version 2 added
 * {@code pinned} and an index.
 */
@Plugin(
    name = "notes-store",
    displayName = "Team notes",
    description = "Saves short notes and offers the pinned ones as context.",
    icon = "🗒️",
    types = {PluginType.ACTION, PluginType.CONTEXT},
    tables = Note.class,
    schemaVersion = 2)
public final class NotesStore {
  private PluginDatabase db;

  /** What {@code save_note} answers. */
  public record Saved(String id) {}

  @Initialize
  public void initialize(PluginContext context) {
    db = context.db();
  }

  /** The handle, for this example's tests. */
  PluginDatabase db() {
    return db;
  }

  @Migration(version = 2, description = "index the pinned notes")
  public static void indexPinned(MigrationStep step) {
    step.execute("CREATE INDEX " + step.table("note") + "_pinned ON " + step.table("note") + " (pinned)");
  }

  @Action(
      name = "save_note",
      description = "Saves a note.",
      actionType = "note.create",
      approval = Approval.AUTO,
      summary = "Save a note: {title}")
  public Saved saveNote(@Param(name = "title") String title, @Param(name = "body") Optional<String> body) {
    return new Saved(db.insert(new Note(title, body.orElse(null), false)).toString());
  }

  @Action(
      name = "pin_note",
      description = "Pins a note: it goes into every system prompt.",
      actionType = "note.pin",
      reversible = true,
      approval = Approval.MANUAL,
      summary = "Pin the note {title}")
  public String pinNote(@Param(name = "title") String title) {
    int n = db.update("UPDATE " + db.table(Note.class) + " SET pinned = TRUE WHERE title = ?", title);
    return n == 0 ? "no note titled " + title : "pinned " + title;
  }

  @ContextProvider
  public String pinnedNotes() {
    QueryResult r = db.query("SELECT title, body FROM " + db.table(Note.class)
        + " WHERE pinned ORDER BY created_at, title");
    List<String> lines = r.rows().stream()
        .map(row -> "- " + row.get(0) + (row.get(1) == null ? "" : ": " + row.get(1)))
        .collect(Collectors.toList());
    return lines.isEmpty() ? "" : "Pinned team notes:\n" + String.join("\n", lines);
  }
}
