package dev.atomemo4j.core.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.runtime.spi.ActionBinding;
import java.time.Duration;

/**
 * What a front end may do with one hosted plugin's {@code @Action}s without knowing the host that stores and runs
 * them: the seam between peers (an MCP server takes one; the PluginHost implements it over its approval store). A
 * front end proposes requests, decides them as the user it speaks for, and waits; the host keeps every rule (the
 * effective mode, roles, once-only execution, the audit, secret masking).
 *
 * <p>A decision made through a gateway counts as a user with the approver role: enough for {@code manual}, never
 * for {@code admin-only}, which only the host's own API (an admin) decides.
 */
public interface ActionGateway {

  /** The id of the hosted plugin whose actions this gateway reaches. */
  String pluginId();

  /** The mode {@code action} runs under on this host: the install's override, else its declared default. */
  Approval mode(ActionBinding action);

  /**
   * Stores a request for {@code action} with {@code input}, made by {@code requester}; an {@code auto} action runs
   * at once and the outcome is already final.
   *
   * @throws ActionRefusal unknown action, invalid input, a missing credential, the plugin not running
   */
  ActionOutcome propose(String action, JsonNode input, String requester);

  /**
   * Approves a pending request as {@code approver} (an identity such as {@code mcp:<client name>}, with the
   * approver role) and runs it once; returns the request as it ended.
   *
   * @throws ActionRefusal not pending, or a mode this approver may not decide ({@code admin-only})
   */
  ActionOutcome approve(String requestId, String approver);

  /**
   * Denies a pending request as {@code approver}, storing {@code reason} with it; the body never runs.
   *
   * @throws ActionRefusal not pending, or a mode this approver may not decide
   */
  ActionOutcome deny(String requestId, String approver, String reason);

  /**
   * Waits at most {@code wait} until the request is final (decided elsewhere and run, denied, expired) and returns
   * it as it is then: still pending when nobody decided in time.
   */
  ActionOutcome await(String requestId, Duration wait) throws InterruptedException;
}
