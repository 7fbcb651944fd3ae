package dev.atomemo4j.host.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionGateway;
import dev.atomemo4j.core.actions.ActionOutcome;
import dev.atomemo4j.core.actions.ActionRefusal;
import dev.atomemo4j.runtime.spi.ActionBinding;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The host's side of the core {@link ActionGateway}: one hosted plugin's actions, proposed and decided through
 * {@link HostActions} with all its rules. A decider through it holds the {@link Approver#APPROVER} role only, so an
 * {@code admin-only} request is never decided here; it waits for an admin on the host's API.
 */
final class HostActionGateway implements ActionGateway {
  private final HostActions actions;
  private final String pluginId;

  HostActionGateway(HostActions actions, String pluginId) {
    this.actions = Objects.requireNonNull(actions, "actions");
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  @Override
  public Approval mode(ActionBinding action) {
    return actions.effectiveMode(pluginId, action);
  }

  @Override
  public ActionOutcome propose(String action, JsonNode input, String requester) {
    return refusing(() -> outcome(actions.propose(pluginId, action, input, requester)));
  }

  @Override
  public ActionOutcome approve(String requestId, String approver) {
    return refusing(() -> outcome(actions.approve(own(requestId), Approver.of(approver, Approver.APPROVER))));
  }

  @Override
  public ActionOutcome deny(String requestId, String approver, String reason) {
    return refusing(() -> outcome(actions.deny(own(requestId), Approver.of(approver, Approver.APPROVER), reason)));
  }

  @Override
  public ActionOutcome await(String requestId, Duration wait) throws InterruptedException {
    try {
      return outcome(actions.awaitFinal(own(requestId), wait));
    } catch (ActionException e) {
      throw new ActionRefusal(e.code(), e.getMessage());
    }
  }

  /** The gateway reaches this plugin's requests only. */
  private String own(String requestId) {
    ActionRequest r = actions.request(requestId).orElseThrow(() -> new ActionException(ActionException.NOT_FOUND,
        "no action request " + requestId));
    if (!r.pluginId().equals(pluginId)) {
      throw new ActionException(ActionException.NOT_FOUND, "no action request " + requestId + " of plugin `"
          + pluginId + "`");
    }
    return requestId;
  }

  private static ActionOutcome refusing(Supplier<ActionOutcome> call) {
    try {
      return call.get();
    } catch (ActionException e) {
      throw new ActionRefusal(e.code(), e.getMessage());
    }
  }

  static ActionOutcome outcome(ActionRequest r) {
    return new ActionOutcome(r.id(), r.action(), r.mode(), r.state(),
        r.summary(), r.input(), r.result(), r.error());
  }
}
