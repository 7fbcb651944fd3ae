package dev.atomemo4j.host.actions;

import dev.atomemo4j.core.actions.ActionState;
import java.time.Instant;

/** One transition of an action request: who moved it, when, from which state to which ({@code from} null: created). */
public record AuditEntry(String requestId, ActionState from, ActionState to, String actor, Instant at) {}
