package dev.atomemo4j.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.ErrorObjects;
import dev.atomemo4j.core.pipeline.Exchange;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.core.pipeline.RequestPipeline;
import dev.atomemo4j.core.pipeline.ResultEncoder;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.core.tools.CredentialParameter;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code tools/call} through the core's {@link RequestPipeline}, as the Hub front end does, with MCP's own
 * intake and encoding: arguments become the neutral request's parameters, configured credentials fill the credential
 * parameters, the encoded result becomes structured content plus its JSON text; a failure becomes a tool error
 * ({@code isError}) whose text is the JSON error object with our stable {@code code}. Runs on the SDK's worker
 * thread, which it blocks until the tool ends, is cancelled, or passes its timeout.
 */
final class ToolCalls {

  private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String CONTEXT = ToolCalls.class.getName() + ".context";

  private final PluginDescriptor plugin;
  private final McpCredentials credentials;
  private final CallRegistry calls;
  private final boolean withStack;
  private final RequestPipeline pipeline;
  private final AtomicLong sequence = new AtomicLong();
  /** The calls running now, for {@link #cancelAll}. */
  private final Set<Running> active = ConcurrentHashMap.newKeySet();

  ToolCalls(PluginDescriptor plugin, McpCredentials credentials, CallRegistry calls, boolean withStack,
      Executor continuations) {
    this.plugin = plugin;
    this.credentials = credentials;
    this.calls = calls;
    this.withStack = withStack;
    this.pipeline = RequestPipeline.standard(ex -> (ToolContext) ex.attributes().get(CONTEXT), continuations);
  }

  CallToolResult call(ToolSpecs.Spec spec, McpSyncServerExchange mcp, CallToolRequest request) {
    String requestId = "mcp-" + sequence.incrementAndGet();
    Map<String, Object> meta = request.meta() == null ? Map.of() : request.meta();
    Object key = meta.get(CallRegistry.META_KEY);
    Object token = meta.get("progressToken");

    ObjectNode parameters = request.arguments() == null ? JSON.createObjectNode()
        : JSON.valueToTree(request.arguments());
    ObjectNode credentialValues = JSON.createObjectNode();
    for (CredentialParameter c : spec.credentials()) {
      Optional<ObjectNode> values = credentials.valuesOf(c.credential());
      if (values.isPresent()) {
        parameters.put(c.parameter(), c.credential()); // the instance id: one configured instance per credential
        credentialValues.set(c.credential(), values.get());
      } else {
        parameters.remove(c.parameter()); // a client must not pick an instance the server does not hold
        if (c.required()) {
          return error(ErrorObjects.error(McpErrorCodes.CREDENTIAL_MISSING, "tool `" + spec.binding().name()
              + "` needs credential `" + c.credential() + "`, and this server has none; set the environment "
              + "variable " + McpCredentials.environmentVariable(c.credential()) + " to a JSON object of its values, "
              + "or give it in the credentials file"));
        }
      }
    }
    Secrets.Builder secretsBuilder = Secrets.builder().allStringsOf(credentialValues);
    for (String name : Secrets.secretParameters(spec.binding())) {
      secretsBuilder.allStringsOf(parameters.get(name));
    }
    Secrets secrets = secretsBuilder.build();

    McpToolContext context = new McpToolContext(requestId, token == null ? p -> { }
        : p -> mcp.progressNotification(new McpSchema.ProgressNotification(token, p.progress(), p.total(),
            p.message())));
    Exchange exchange = new Exchange(PipelineRequest.invokeTool(requestId, spec.binding().name(), parameters,
        credentialValues, Optional.empty()), plugin, secrets);
    exchange.attributes().put(CONTEXT, context);

    Running running = new Running(Thread.currentThread(), context, exchange);
    String callKey = key instanceof String ? (String) key : null;
    if (callKey != null) {
      calls.register(callKey, running::cancel);
    }
    active.add(running);
    try {
      CompletableFuture<Void> run = pipeline.run(exchange);
      running.run = run;
      Duration timeout = spec.binding().timeout();
      if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
        run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        run.get();
      }
      if (context.isCancelled()) {
        return cancelled(spec);
      }
      return success(spec, ResultEncoder.encode(exchange));
    } catch (InterruptedException e) {
      running.stopWork();
      return context.isCancelled() ? cancelled(spec) : error(ErrorObjects.error(ErrorCodes.SHUTTING_DOWN,
          "the server is shutting down"));
    } catch (TimeoutException e) {
      running.stopWork();
      return error(ErrorObjects.error(ErrorCodes.TIMEOUT, "tool `" + spec.binding().name() + "` timed out after "
          + spec.binding().timeout()));
    } catch (ExecutionException e) {
      if (context.isCancelled()) {
        return cancelled(spec);
      }
      return failure(spec, requestId, e.getCause(), secrets);
    } catch (Throwable t) {
      return failure(spec, requestId, t, secrets);
    } finally {
      active.remove(running);
      if (callKey != null) {
        calls.unregister(callKey);
      }
      running.finished();
    }
  }

  /** Cancels every running call (the server is closing): their tools see the cancellation and are interrupted. */
  void cancelAll() {
    for (Running r : active) {
      r.cancel("the server is closing");
    }
  }

  private CallToolResult failure(ToolSpecs.Spec spec, String requestId, Throwable failure, Secrets secrets) {
    ObjectNode error = ErrorObjects.of(failure, secrets, withStack);
    String code = error.path("code").asText();
    if (ErrorCodes.EXCEPTION.equals(code)) {
      log.warn("tools/call {} ({}) failed: the plugin threw {}: {}", requestId, spec.binding().name(),
          ErrorObjects.unwrap(failure).getClass().getName(), error.path("message").asText());
    } else {
      log.info("tools/call {} ({}) answered {}", requestId, spec.binding().name(), code);
    }
    return error(error);
  }

  private CallToolResult cancelled(ToolSpecs.Spec spec) {
    log.info("tools/call of {} cancelled by the client", spec.binding().name());
    return error(ErrorObjects.error(McpErrorCodes.CANCELLED, "the client cancelled the call of tool `"
        + spec.binding().name() + "`"));
  }

  private static CallToolResult success(ToolSpecs.Spec spec, JsonNode result) {
    CallToolResult.Builder answer = CallToolResult.builder().isError(false);
    answer.addTextContent(result.isTextual() ? result.textValue() : result.toString());
    if (spec.hasOutputSchema()) {
      JsonNode structured = result;
      if (spec.wrapsResult()) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set(ToolSpecs.WRAP_MEMBER, result);
        structured = wrapper;
      }
      answer.structuredContent(JSON.convertValue(structured, MAP));
    }
    return answer.build();
  }

  private static CallToolResult error(ObjectNode error) {
    return CallToolResult.builder().isError(true).addTextContent(error.toString()).build();
  }

  /** One call's thread and work, for cancellation; interrupts only while the call is still running. */
  private static final class Running {
    private final Thread thread;
    private final McpToolContext context;
    private final Exchange exchange;
    private volatile CompletableFuture<Void> run;
    private boolean done;

    Running(Thread thread, McpToolContext context, Exchange exchange) {
      this.thread = thread;
      this.context = context;
      this.exchange = exchange;
    }

    void cancel(String reason) {
      context.cancel();
      synchronized (this) {
        if (!done) {
          thread.interrupt();
        }
      }
      stopWork();
    }

    /** Cancels an asynchronous tool's pending result and the pipeline run. */
    void stopWork() {
      CompletionStage<?> pending = exchange.pendingResult();
      if (pending != null) {
        try {
          pending.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException e) {
          // a CompletionStage that cannot be cancelled from outside: the run below still ends
        }
      }
      CompletableFuture<Void> r = run;
      if (r != null) {
        r.cancel(true);
      }
    }

    void finished() {
      synchronized (this) {
        done = true;
      }
      Thread.interrupted(); // a cancellation that raced the end must not hit the SDK's next task on this thread
    }
  }
}
