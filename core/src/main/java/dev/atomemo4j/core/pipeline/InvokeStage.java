package dev.atomemo4j.core.pipeline;

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

  @Override
  public CompletionStage<?> apply(Exchange ex) throws Exception {
    Object result = switch (ex.kind()) {
      case INVOKE_TOOL -> ex.tool().invoker().invoke(ex.input(), ex.toolContext());
      case CREDENTIAL_AUTHENTICATE -> call(ex.credential().authenticate(), ex);
      case OAUTH2_AUTHORIZE_URL -> call(ex.credential().oauth2AuthorizeUrl(), ex);
      case OAUTH2_GET_TOKEN -> call(ex.credential().oauth2GetToken(), ex);
      case OAUTH2_REFRESH_TOKEN -> call(ex.credential().oauth2RefreshToken(), ex);
      case LOCATOR_LIST, RESOURCE_MAPPING -> ((ToolBinding.Handler) ex.attributes().get(HANDLER)).handle(ex.input());
    };
    if (result instanceof CompletionStage) {
      CompletionStage<?> pending = (CompletionStage<?>) result;
      ex.pendingResult(pending);
      return pending.thenAccept(ex::result);
    }
    ex.result(result);
    return null;
  }

  private static Object call(CredentialBinding.Callback callback, Exchange ex) throws Exception {
    return callback.call(ex.credentialRecord(), ex.input());
  }
}
