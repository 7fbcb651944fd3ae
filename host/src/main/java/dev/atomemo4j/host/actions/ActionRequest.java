package dev.atomemo4j.host.actions;

import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionState;
import java.time.Instant;

/**
 * One stored action request, as the store, the API and the audit show it. {@code input} is the JSON of the input
 * with every Secret parameter replaced by {@code [REDACTED]}: the values needed to run it are sealed separately and
 * never leave the store in this record.
 *
 * @param mode the effective approval mode, resolved when it was proposed
 * @param decidedBy who approved or denied it (null while pending, or for auto)
 * @param result the JSON of the result once succeeded, or null
 * @param error the structured error code and message once failed or refused, or null
 */
public record ActionRequest(
    String id,
    String pluginId,
    String action,
    String actionType,
    Approval mode,
    ActionState state,
    String requester,
    String input,
    String summary,
    boolean reversible,
    Instant createdAt,
    Instant expiresAt,
    String decidedBy,
    String result,
    String error) {}
