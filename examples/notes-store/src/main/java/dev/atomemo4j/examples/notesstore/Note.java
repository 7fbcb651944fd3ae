package dev.atomemo4j.examples.notesstore;

import dev.atomemo4j.annotations.Column;
import dev.atomemo4j.annotations.Table;

/**
 * One note, stored as table {@code plugin_notes_store_note} (the host adds {@code id}, {@code created_at} and
 * {@code updated_at}). {@code pinned} came with version 2: the notes saved before it get {@code false}.
 */
@Table(name = "note")
public record Note(
    @Column(required = true) String title,
    String body,
    @Column(since = 2, required = true, defaultValue = "false") boolean pinned) {}
