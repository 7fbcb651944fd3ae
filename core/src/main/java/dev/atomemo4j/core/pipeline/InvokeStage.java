package dev.atomemo4j.core.pipeline;

import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.concurrent.CompletionStage;

/**
 * {@link RequestPipeline.Phase#INVOKE}: calls the plugin's code through the generated bindings (tool invoker,
 * credential callback, locator-list or resource-mapping handler) with what {@link ValidateStage} prepared, and
 * stores the Java result. A {@link CompletionStage} result (an asynchronous tool) is awaited without blocking a
 * thread.
 */
public final class InvokeStage implements Stage {

  /** Attribute under which {@link ValidateStage} leaves the locator-list or resource-mapping handler. */
  static final String HANDLER = "atomemo4j.handler";
  /** Attribute under which {@link ValidateStage} leaves the addressed {@code ActionBinding}. */
  static final String ACTION = "atomemo4j.action";
  /** Attribute under which {@link ApprovalStage} leaves the {@link ApprovalTicket} of an action execution. */
  static final String TICKET = "atomemo4j.approval-ticket";
  /** Attribute under which the front end leaves the plugin object an action runs on. */
  public static final String PLUGIN_OBJECT = "atomemo4j.plugin-object";

  @Override
  public CompletionStage<?> apply(Exchange ex) throws Exception {
    Object result = switch (ex.kind()) {
      case INVOKE_TOOL -> ex.tool().invoker().invoke(ex.input(), ex.toolContext());
      case CREDENTIAL_AUTHENTICATE -> call(ex.credential().authenticate(), ex);
      case OAUTH2_AUTHORIZE_URL -> call(ex.credential().oauth2AuthorizeUrl(), ex);
      case OAUTH2_GET_TOKEN -> call(ex.credential().oauth2GetToken(), ex);
      case OAUTH2_REFRESH_TOKEN -> call(ex.credential().oauth2RefreshToken(), ex);
      case LOCATOR_LIST, RESOURCE_MAPPING -> ((ToolBinding.Handler) ex.attributes().get(HANDLER)).handle(ex.input());
      case EXECUTE_ACTION -> executeAction(ex);
    };
    if (result instanceof CompletionStage) {
      CompletionStage<?> pending = (CompletionStage<?>) result;
      ex.pendingResult(pending);
      return pending.thenAccept(ex::result);
    }
    ex.result(result);
    return null;
  }

  private static Object executeAction(Exchange ex) throws Exception {
    ActionBinding action = (ActionBinding) ex.attributes().get(ACTION);
    ApprovalTicket ticket = (ApprovalTicket) ex.attributes().get(TICKET);
    if (ticket == null) {
      // Defence in depth: a pipeline without an approval stage (the Hub's) never runs an action body.
      throw new RequestFailure(ErrorCodes.APPROVAL_REQUIRED, "action `" + action.name() + "` runs only after "
          + "its approval; this request carries none");
    }
    return action.executor().execute(ex.attributes().get(PLUGIN_OBJECT), ex.input(), ex.toolContext(), ticket);
  }

  private static Object call(CredentialBinding.Callback callback, Exchange ex) throws Exception {
    return callback.call(ex.credentialRecord(), ex.input());
  }
}
