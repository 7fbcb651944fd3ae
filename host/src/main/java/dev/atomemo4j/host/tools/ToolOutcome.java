package dev.atomemo4j.host.tools;

import java.util.Objects;
import java.util.Optional;

/**
 * How a call of a {@link HostTool} ended, with the text a model reads.
 *
 * @param status succeeded, failed, or waiting for a person's approval
 * @param text for a success the encoded result (a string result as it is, anything else as JSON); for a failure the
 *     JSON error object {@code {"code", "message", …}} with our stable code; for a pending action a JSON object
 *     saying it waits for approval, with its request id. Never holds a secret.
 * @param errorCode the stable code of a failure ({@code sdk:invalid_parameter}, {@code host:…}, the plugin's own)
 * @param requestId the stored action request of an action call
 */
public record ToolOutcome(Status status, String text, Optional<String> errorCode, Optional<String> requestId) {

  /** How the call ended. */
  public enum Status {
    SUCCEEDED,
    FAILED,
    PENDING_APPROVAL
  }

  public ToolOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(requestId, "requestId");
    if ((status == Status.FAILED) != errorCode.isPresent()) {
      throw new IllegalArgumentException("a failure, and only a failure, has an error code");
    }
  }

  static ToolOutcome succeeded(String text, Optional<String> requestId) {
    return new ToolOutcome(Status.SUCCEEDED, text, Optional.empty(), requestId);
  }

  static ToolOutcome failed(String code, String errorJson, Optional<String> requestId) {
    return new ToolOutcome(Status.FAILED, errorJson, Optional.of(code), requestId);
  }

  static ToolOutcome pending(String text, String requestId) {
    return new ToolOutcome(Status.PENDING_APPROVAL, text, Optional.empty(), Optional.of(requestId));
  }
}
