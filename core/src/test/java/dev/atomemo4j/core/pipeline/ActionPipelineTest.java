package dev.atomemo4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Actions in the core pipeline: only the APPROVAL stage's ticket lets a body run. */
class ActionPipelineTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final List<String> ran = new ArrayList<>();
  final AtomicInteger gateCalls = new AtomicInteger();

  ActionBinding action(String name, List<String> credentials) {
    Shape.Field title = new Shape.Field("title", new Shape.Str(null, null, null), true, false, null);
    return new ActionBinding(name, "d", "t.c", false, Approval.MANUAL, credentials, "",
        new Shape.Obj(name, List.of(title), v -> v, null), null, (plugin, in, ctx, ticket) -> {
          ApprovalTicket.requirePresent(ticket, name);
          ran.add(ticket.requestId());
          return "done " + ((Object[]) in)[0];
        }, "x");
  }

  PluginDescriptor descriptor() {
    return new PluginDescriptor("demo", "1.0.0", "none", ActionPipelineTest.class, List.of(), List.of(),
        new AtlasBinding(null, Set.of(PluginType.ACTION), false, null, c -> new Object(), null, null, null, null,
            null, null, List.of(action("open_ticket", List.of()), action("with_key", List.of("api")))));
  }

  static ToolContext context(Exchange ex) {
    return new ToolContext() {
      public String requestId() {
        return ex.requestId();
      }

      public Optional<String> organizationId() {
        return Optional.empty();
      }

      public Files files() {
        throw new UnsupportedOperationException();
      }
    };
  }

  RequestPipeline gated(boolean grant) {
    return RequestPipeline.builder()
        .add(RequestPipeline.Phase.VALIDATE, new ValidateStage(ActionPipelineTest::context))
        .add(RequestPipeline.Phase.APPROVAL, new ApprovalStage(ex -> {
          gateCalls.incrementAndGet();
          return grant;
        }))
        .add(RequestPipeline.Phase.INVOKE, new InvokeStage())
        .build(Runnable::run);
  }

  static JsonNode title() {
    return JSON.createObjectNode().put("title", "printer");
  }

  static RequestFailure failure(RequestPipeline pipeline, Exchange ex) {
    try {
      pipeline.run(ex).join();
    } catch (CompletionException e) {
      return (RequestFailure) e.getCause();
    }
    throw new AssertionError("the request succeeded");
  }

  @Test
  void aToolCallNamingAnActionIsRefusedAsNeedingApproval() {
    RequestPipeline standard = RequestPipeline.standard(ActionPipelineTest::context, Runnable::run);
    Exchange ex = new Exchange(PipelineRequest.invokeTool("r1", "open_ticket", title(), null, Optional.empty()),
        descriptor(), Secrets.NONE);

    assertThat(failure(standard, ex).code()).isEqualTo(ErrorCodes.APPROVAL_REQUIRED);
    assertThat(ran).isEmpty();
  }

  @Test
  void theStandardPipelineHasNoApprovalStageAndSoNeverRunsAnAction() {
    RequestPipeline standard = RequestPipeline.standard(ActionPipelineTest::context, Runnable::run);
    Exchange ex = new Exchange(PipelineRequest.executeAction("r1", "open_ticket", title(), null, Optional.empty()),
        descriptor(), Secrets.NONE);

    assertThat(failure(standard, ex).code()).isEqualTo(ErrorCodes.APPROVAL_REQUIRED);
    assertThat(ran).isEmpty();
  }

  @Test
  void aGateThatDoesNotGrantTheClaimStopsTheRequestBeforeTheBody() {
    Exchange ex = new Exchange(PipelineRequest.executeAction("r1", "open_ticket", title(), null, Optional.empty()),
        descriptor(), Secrets.NONE);

    assertThat(failure(gated(false), ex).code()).isEqualTo(ErrorCodes.APPROVAL_REQUIRED);
    assertThat(ran).isEmpty();
  }

  @Test
  void aGrantedClaimRunsTheBodyOnceWithTheTicketOfItsRequest() throws Exception {
    Exchange ex = new Exchange(PipelineRequest.executeAction("r7", "open_ticket", title(), null, Optional.empty()),
        descriptor(), Secrets.NONE);

    gated(true).run(ex).join();

    assertThat(ran).containsExactly("r7");
    assertThat(ResultEncoder.encode(ex).asText()).isEqualTo("done printer");
  }

  @Test
  void aMissingRequiredCredentialIsRefusedBeforeTheGateIsAsked() {
    Exchange ex = new Exchange(PipelineRequest.executeAction("r1", "with_key", title(), null, Optional.empty()),
        descriptor(), Secrets.NONE);

    RequestFailure f = failure(gated(true), ex);

    assertThat(f.code()).isEqualTo(ErrorCodes.CREDENTIAL_MISSING);
    assertThat(f.members().get("missing").toString()).isEqualTo("[\"api\"]");
    assertThat(gateCalls).hasValue(0);
    assertThat(ran).isEmpty();
  }

  @Test
  void anUnknownActionIsActionNotFoundNamingTheActionsThereAre() {
    Exchange ex = new Exchange(PipelineRequest.executeAction("r1", "nope", title(), null, Optional.empty()),
        descriptor(), Secrets.NONE);

    RequestFailure f = failure(gated(true), ex);

    assertThat(f.code()).isEqualTo(ErrorCodes.ACTION_NOT_FOUND);
    assertThat(f.getMessage()).endsWith("it has: open_ticket, with_key");
  }

  @Test
  void aTicketOfOneActionCannotRunAnother() {
    ApprovalTicket ticket = new ApprovalTicket("open_ticket", "r1");

    assertThatThrownBy(() -> descriptor().atlas().action("with_key").orElseThrow().executor()
        .execute(new Object(), new Object[] {"x"}, null, ticket))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot run action `with_key`");
    assertThat(ran).isEmpty();
  }
}
