package dev.atomemo4j.core.actions;

import dev.atomemo4j.annotations.Approval;
import java.util.Objects;

/**
 * A stored action request as a front end sees it through an {@link ActionGateway}: no secret in it (the input is
 * the stored, masked one), so a front end may show all of it to the user or the agent.
 *
 * @param requestId the stored request's id, which an admin decides on through the host's API
 * @param action the action's name
 * @param mode the effective approval mode the request was proposed under
 * @param state where the request is
 * @param summary the approval card's line, secrets masked
 * @param maskedInput the JSON of the input with every Secret as {@code [REDACTED]}
 * @param result the JSON of the result once {@link ActionState#SUCCEEDED}, else null
 * @param error the stored {@code code: message} once failed, denied with a reason, or interrupted, else null
 */
public record ActionOutcome(
    String requestId,
    String action,
    Approval mode,
    ActionState state,
    String summary,
    String maskedInput,
    String result,
    String error) {

  public ActionOutcome {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(state, "state");
  }

  /**
   * The stable code of an outcome that is not a result: {@link ActionCodes}' code for the state, or, for a failed
   * request, the code stored with its error ({@code host:action_timeout}, the plugin's own, …); null once succeeded.
   */
  public String errorCode() {
    return switch (state) {
      case SUCCEEDED -> null;
      case DENIED -> ActionCodes.DENIED;
      case EXPIRED -> ActionCodes.EXPIRED;
      case INTERRUPTED -> ActionCodes.INTERRUPTED;
      case FAILED -> {
        int colon = error == null ? -1 : error.indexOf(": ");
        yield colon > 0 && !error.substring(0, colon).contains(" ") ? error.substring(0, colon) : ActionCodes.FAILED;
      }
      case PENDING, APPROVED, EXECUTING -> ActionCodes.PENDING;
    };
  }

  /** The stored error without its code, or a sentence for the state when none was stored. */
  public String errorMessage() {
    if (error != null) {
      int colon = error.indexOf(": ");
      return colon > 0 && !error.substring(0, colon).contains(" ") ? error.substring(colon + 2) : error;
    }
    return "action request " + requestId + " of `" + action + "` is " + state.wireName();
  }
}
