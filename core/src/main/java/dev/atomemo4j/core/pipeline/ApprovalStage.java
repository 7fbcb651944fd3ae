package dev.atomemo4j.core.pipeline;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * {@link RequestPipeline.Phase#APPROVAL}: lets an action execution through only when its stored request is claimed
 * for execution, exactly once, by this caller. The {@link Gate} (a host's approval store) does the claim — a
 * compare-and-set from {@code approved} to {@code executing} — and only then does this stage issue the {@link
 * ApprovalTicket} the generated action invoker demands. Other request kinds pass untouched.
 */
public final class ApprovalStage implements Stage {

  /** Claims a stored action request for execution. */
  @FunctionalInterface
  public interface Gate {
    /**
     * @return true when this caller won the request (it was approved, or auto, and nobody claimed it yet); false
     *     when it is not approved or another caller already claimed it
     */
    boolean claim(Exchange exchange) throws Exception;
  }

  private final Gate gate;

  public ApprovalStage(Gate gate) {
    this.gate = Objects.requireNonNull(gate, "gate");
  }

  @Override
  public CompletionStage<?> apply(Exchange ex) throws Exception {
    if (ex.kind() != PipelineRequest.Kind.EXECUTE_ACTION) {
      return null;
    }
    String action = ex.request().toolName();
    if (!gate.claim(ex)) {
      throw new RequestFailure(ErrorCodes.APPROVAL_REQUIRED, "action request " + ex.requestId() + " of `" + action
          + "` is not approved, or is already being executed");
    }
    ex.attributes().put(InvokeStage.TICKET, new ApprovalTicket(action, ex.requestId()));
    return null;
  }
}
