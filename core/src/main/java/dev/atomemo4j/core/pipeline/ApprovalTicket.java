package dev.atomemo4j.core.pipeline;

import java.util.Objects;

/**
 * Proof that one stored action request was approved (or runs in {@code auto} mode) and was claimed for execution.
 * Only {@link ApprovalStage} creates one, so the generated action invoker — which demands a ticket for its own
 * action before it calls the author's method — cannot be reached around the approval stage.
 */
public final class ApprovalTicket {
  private final String actionName;
  private final String requestId;

  ApprovalTicket(String actionName, String requestId) {
    this.actionName = Objects.requireNonNull(actionName, "actionName");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
  }

  /** The stored request this ticket executes. */
  public String requestId() {
    return requestId;
  }

  /**
   * Called by the generated invoker before the action body: a ticket of another action is refused.
   *
   * @throws IllegalStateException when the ticket was issued for another action
   */
  public void requireFor(String action) {
    if (!actionName.equals(action)) {
      throw new IllegalStateException("approval ticket of action `" + actionName + "` (request " + requestId
          + ") cannot run action `" + action + "`");
    }
  }

  /** Used by the generated invoker when no ticket was passed at all. */
  public static void requirePresent(ApprovalTicket ticket, String action) {
    if (ticket == null) {
      throw new IllegalStateException("action `" + action + "` runs only through the host's approval stage");
    }
    ticket.requireFor(action);
  }

  @Override
  public String toString() {
    return "ApprovalTicket[" + actionName + " " + requestId + "]";
  }
}
