package dev.atomemo4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.runtime.ToolContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standard pipeline run by a front end that is not the Hub: a {@link PipelineRequest} built by hand, the
 * descriptor of {@link DemoPlugin}, the front end's own {@link ToolContext}. Everything the Hub tests check over a
 * socket is reachable here without one.
 */
class StandardPipelineTest {

  static final ObjectMapper JSON = new ObjectMapper();

  final RequestPipeline pipeline = RequestPipeline.standard(ex -> new FrontEndContext(ex.requestId()), Runnable::run);

  /** The front end's context: request id only; no files, no models. */
  record FrontEndContext(String requestId) implements ToolContext {
    @Override
    public Optional<String> organizationId() {
      return Optional.empty();
    }

    @Override
    public Files files() {
      throw new UnsupportedOperationException("no files in this front end");
    }
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  Exchange run(PipelineRequest request) throws Exception {
    Exchange ex = new Exchange(request, DemoPlugin.descriptor(), Secrets.NONE);
    pipeline.run(ex).get(5, TimeUnit.SECONDS);
    return ex;
  }

  RequestFailure failureOf(PipelineRequest request, Secrets secrets) throws Exception {
    CompletableFuture<Void> run = pipeline.run(new Exchange(request, DemoPlugin.descriptor(), secrets));
    try {
      run.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(RequestFailure.class);
      return (RequestFailure) e.getCause();
    }
    throw new AssertionError("the request succeeded");
  }

  @Test
  void aToolCallRunsTheToolWithDecodedInputAndTheFrontEndsContext() throws Exception {
    Exchange ex = run(PipelineRequest.invokeTool("req-1", "greet", json("{'name': 'Ada'}"), null, Optional.empty()));

    assertThat(ex.toolContext()).isEqualTo(new FrontEndContext("req-1"));
    assertThat(ex.result()).isEqualTo(new DemoPlugin.Greeting("hello Ada", "req-1"));
    assertThat(ResultEncoder.encode(ex)).isEqualTo(json("{'text': 'hello Ada', 'request_id': 'req-1'}"));
  }

  @Test
  void anUnknownToolIsAnsweredToolNotFoundNamingTheToolsThereAre() throws Exception {
    RequestFailure f = failureOf(PipelineRequest.invokeTool("r", "shout", json("{}"), null, Optional.empty()),
        Secrets.NONE);

    assertThat(f.code()).isEqualTo(ErrorCodes.TOOL_NOT_FOUND);
    assertThat(f.getMessage()).isEqualTo("plugin `demo` has no tool `shout`; it has: greet");
  }

  @Test
  void invalidParametersAreAnsweredWithEveryProblemAndItsPointer() throws Exception {
    RequestFailure f = failureOf(PipelineRequest.invokeTool("r", "greet", json("{'name': ''}"), null,
        Optional.empty()), Secrets.NONE);

    assertThat(f.code()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    assertThat(f.members().get("problems").get(0).get("pointer").asText()).isEqualTo("/name");
    assertThat(f.getMessage()).startsWith("invalid parameters for tool `greet`: /name: ");
  }

  @Test
  void problemMessagesAreScrubbedOfTheRequestsSecrets() throws Exception {
    Secrets secrets = Secrets.builder().value("hunter22-is-long-enough-to-fail").build();
    RequestFailure f = failureOf(PipelineRequest.invokeTool("r", "greet",
        json("{'name': 'Ada', 'hunter22-is-long-enough-to-fail': 1}"), null, Optional.empty()), secrets);

    assertThat(f.members().get("problems").get(0).get("message").asText())
        .isEqualTo("unknown parameter `[REDACTED]`; expected one of: name, token");
  }

  @Test
  void aLocatorListCallsTheNamedMethodWithTheRequestsFilter() throws Exception {
    Exchange ex = run(PipelineRequest.locatorList("r", "greet", "names", Optional.of("Gr"), Optional.empty(), null,
        null, Optional.empty()));

    assertThat(ResultEncoder.encode(ex)).isEqualTo(json("{'results': [{'label': 'Ada', 'value': 'ada', 'url': null},"
        + " {'label': 'Gr', 'value': 'filter', 'url': null}], 'pagination_token': null}"));
  }

  @Test
  void aLocatorMethodTheToolDoesNotHaveIsAnsweredMethodNotSupported() throws Exception {
    RequestFailure f = failureOf(PipelineRequest.locatorList("r", "greet", "cities", Optional.empty(),
        Optional.empty(), null, null, Optional.empty()), Secrets.NONE);

    assertThat(f.code()).isEqualTo(ErrorCodes.METHOD_NOT_SUPPORTED);
    assertThat(f.getMessage()).isEqualTo("tool `greet` has no locator list method `cities`; it has: names");
  }

  @Test
  void authenticateIsCalledOnTheDecodedCredentialWithTheExtraInput() throws Exception {
    Exchange ex = run(PipelineRequest.credentialAuthenticate("r", "api", json("{'api_key': 'sk-123456'}"),
        json("{'model': 'gpt-x'}"), Optional.of("org-1")));

    assertThat(ResultEncoder.encode(ex))
        .isEqualTo(json("{'adapter': 'openai', 'api_key': 'sk-123456', 'model': 'gpt-x'}"));
  }

  @Test
  void authenticateOnACredentialWithoutItIsAnsweredInvalidCredentialAuthenticate() throws Exception {
    RequestFailure f = failureOf(PipelineRequest.credentialAuthenticate("r", "plain", json("{'api_key': 'k'}"),
        null, Optional.empty()), Secrets.NONE);

    assertThat(f.code()).isEqualTo(ErrorCodes.INVALID_CREDENTIAL_AUTHENTICATE);
  }

  @Test
  void invalidCredentialValuesPointUnderCredential() throws Exception {
    RequestFailure f = failureOf(PipelineRequest.credentialAuthenticate("r", "api", null, null, Optional.empty()),
        Secrets.NONE);

    assertThat(f.code()).isEqualTo(ErrorCodes.INVALID_PARAMETER);
    assertThat(f.members().get("problems").get(0).get("pointer").asText()).isEqualTo("/credential/api_key");
  }

  @Test
  void anUnknownCredentialIsAnsweredCredentialNotFound() throws Exception {
    RequestFailure f = failureOf(PipelineRequest.oauth2RefreshToken("r", "github", null, Optional.empty()),
        Secrets.NONE);

    assertThat(f.code()).isEqualTo(ErrorCodes.CREDENTIAL_NOT_FOUND);
    assertThat(f.getMessage()).isEqualTo("plugin `demo` has no credential `github`; it has: api, plain");
  }
}
