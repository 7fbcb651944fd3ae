package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** invoke_llm with an OpenAI-compatible endpoint configured (a local fake one). */
class InvokeLlmTest extends HubTest {
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer llm;

    @Override
    DevHub.Builder configure(DevHub.Builder builder) {
        try {
            llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        llm.createContext("/v1/chat/completions", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean fail = received.get().contains("please fail");
            byte[] body = (fail ? "{\"error\":{\"message\":\"model overloaded\"}}"
                    : "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hello back\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        llm.start();
        return builder.llmEndpoint(URI.create("http://127.0.0.1:" + llm.getAddress().getPort() + "/v1"))
                .llmApiKey("sk-test");
    }

    @AfterEach
    void stopLlm() {
        llm.stop(0);
    }

    @Test
    void invokeLlmForwardsTheMessagesAndAnswersTheCompletion() {
        FakePlugin plugin = startPlugin();

        FakePlugin.Frame answer = plugin.hubCall("invoke_llm", json("{'llm_config':{'__type__':'llm_config',"
                + "'model':'gpt-test','model_params':{'structured_outputs':false,'temperature':0.2}},"
                + "'messages':[{'role':'user','content':'hi'}],'organization_id':'devhub'}"));

        assertThat(answer.event()).isEqualTo("hub_call_response");
        assertThat(answer.payload().get("data").get("choices").get(0).get("message").get("content").asText())
                .isEqualTo("hello back");
        assertThat(json(received.get().replace('"', '\''))).isEqualTo(json(
                "{'model':'gpt-test','messages':[{'role':'user','content':'hi'}],'temperature':0.2}"));
        assertThat(authorization.get()).isEqualTo("Bearer sk-test");
    }

    @Test
    void llmEndpointFailureIsAHubCallErrorWithTheStatusAndBody() {
        FakePlugin plugin = startPlugin();

        FakePlugin.Frame answer = plugin.hubCall("invoke_llm", json("{'llm_config':{'model':'gpt-test'},"
                + "'messages':[{'role':'user','content':'please fail'}]}"));

        assertThat(answer.event()).isEqualTo("hub_call_error");
        assertThat(answer.payload().get("error").get("code").asText()).isEqualTo("devhub:llm_failed");
        assertThat(answer.payload().get("error").get("status").asInt()).isEqualTo(503);
        assertThat(answer.payload().get("error").get("body").asText()).contains("model overloaded");
    }
}
