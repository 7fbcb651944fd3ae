package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.devhub.phoenix.PhoenixChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code hub_call:<name>} pushes (hub-protocol.md §9) with {@code hub_call_response} /
 * {@code hub_call_error} pushes only, never a {@code phx_reply}:
 * <ul>
 *   <li>{@code get_file_url {res_key}} → {@code {url}}: the file store's presigned download URL (the file must exist);</li>
 *   <li>{@code get_upload_url {extension, key_prefix | prefixKey}} → {@code {presigned_url, res_key}}: a presigned
 *       {@code PUT} URL for a fresh key;</li>
 *   <li>{@code invoke_llm {llm_config, messages}} → the OpenAI-compatible endpoint's chat completion, when one is
 *       configured; otherwise {@code devhub:llm_not_configured};</li>
 *   <li>{@code demo_hub_call} → its own data, echoed;</li>
 *   <li>anything else → {@code devhub:unknown_hub_call}.</li>
 * </ul>
 */
final class HubCalls {
    /** §9.5: invoke_llm may take up to 15 minutes. */
    static final Duration LLM_TIMEOUT = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(HubCalls.class);

    /** An OpenAI-compatible endpoint such as {@code https://api.openai.com/v1}. */
    record LlmEndpoint(URI baseUrl, String apiKey, String defaultModel) {}

    private final FileStore files;
    private final LlmEndpoint llm;
    private final HttpClient http;

    HubCalls(FileStore files, LlmEndpoint llm, Executor executor) {
        this.files = files;
        this.llm = llm;
        this.http = llm == null ? null : HttpClient.newBuilder()
                .executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
    }

    void handle(PhoenixChannel channel, String name, ObjectNode payload) {
        String requestId = Json.text(payload, "request_id");
        if (requestId == null || requestId.isEmpty()) {
            log.warn("hub_call:{} on {} has no request_id, so it cannot be answered; ignored", name, channel.topic());
            return;
        }
        JsonNode data = payload.get("data") instanceof ObjectNode ? payload.get("data") : Json.object();
        try {
            switch (name) {
                case "get_file_url":
                    getFileUrl(channel, requestId, data);
                    break;
                case "get_upload_url":
                    getUploadUrl(channel, requestId, data);
                    break;
                case "invoke_llm":
                    invokeLlm(channel, requestId, data);
                    break;
                case "demo_hub_call":
                    respond(channel, requestId, data.deepCopy());
                    break;
                default:
                    fail(channel, requestId, "devhub:unknown_hub_call", "the dev hub does not implement hub_call:"
                            + name + "; it answers get_file_url, get_upload_url, invoke_llm and demo_hub_call");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("hub_call:{} on {} failed", name, channel.topic(), e);
            fail(channel, requestId, "devhub:internal_error", "hub_call:" + name + " failed in the dev hub: " + e);
        }
    }

    private void getFileUrl(PhoenixChannel channel, String requestId, JsonNode data) throws IOException {
        String key = Json.text(data, "res_key");
        if (key == null || key.isEmpty()) {
            fail(channel, requestId, "devhub:invalid_hub_call", "get_file_url needs data.res_key (a string)");
        } else if (files.get(key) == null) {
            fail(channel, requestId, "devhub:file_not_found", "the dev hub's file store has no file with res_key \""
                    + key + "\"");
        } else {
            respond(channel, requestId, Json.object().put("url", files.downloadUrl(key).toString()));
        }
    }

    private void getUploadUrl(PhoenixChannel channel, String requestId, JsonNode data) {
        // §16 D8: [EX] sends key_prefix, [JS] sends prefixKey.
        String prefix = Json.text(data, "key_prefix") != null ? Json.text(data, "key_prefix") : Json.text(data, "prefixKey");
        String key;
        try {
            key = FileStore.newKey(prefix, Json.text(data, "extension"));
        } catch (IllegalArgumentException e) {
            fail(channel, requestId, "devhub:invalid_hub_call", e.getMessage());
            return;
        }
        respond(channel, requestId, Json.object()
                .put("presigned_url", files.uploadUrl(key).toString())
                .put("res_key", key));
    }

    private void invokeLlm(PhoenixChannel channel, String requestId, JsonNode data) {
        if (llm == null) {
            fail(channel, requestId, "devhub:llm_not_configured",
                    "no LLM endpoint is configured; start the dev hub with --llm-endpoint <OpenAI-compatible base URL>"
                            + " (and --llm-api-key, or the ATOMEMO4J_LLM_API_KEY environment variable)");
            return;
        }
        JsonNode config = data.path("llm_config");
        String model = Json.text(config, "model") != null ? Json.text(config, "model") : llm.defaultModel();
        JsonNode messages = data.get("messages");
        if (messages == null || !messages.isArray()) {
            fail(channel, requestId, "devhub:invalid_hub_call", "invoke_llm needs data.messages (an array)");
            return;
        }
        if (model == null) {
            fail(channel, requestId, "devhub:invalid_hub_call",
                    "invoke_llm needs data.llm_config.model, or start the dev hub with --llm-model");
            return;
        }
        ObjectNode body = Json.object();
        body.put("model", model);
        body.set("messages", messages);
        JsonNode params = config.path("model_params");
        for (String member : new String[] {"temperature", "frequency_penalty"}) {
            if (params.path(member).isNumber()) {
                body.set(member, params.get(member));
            }
        }
        if (params.path("structured_outputs").asBoolean(false) && params.path("json_schema").isObject()) {
            body.putObject("response_format").put("type", "json_schema")
                    .putObject("json_schema").put("name", "output").set("schema", params.get("json_schema"));
        }
        String base = llm.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                .timeout(LLM_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (llm.apiKey() != null && !llm.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + llm.apiKey());
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                fail(channel, requestId, "devhub:llm_failed", "calling " + base + "/chat/completions failed: "
                        + failure);
                return;
            }
            if (response.statusCode() / 100 != 2) {
                ObjectNode error = RequestOutcome.hubError("devhub:llm_failed", "the LLM endpoint answered HTTP "
                        + response.statusCode());
                error.put("status", response.statusCode());
                error.put("body", abbreviate(response.body()));
                push(channel, "hub_call_error", Json.object().put("request_id", requestId).set("error", error));
                return;
            }
            try {
                respond(channel, requestId, Json.parse(response.body()));
            } catch (IOException e) {
                fail(channel, requestId, "devhub:llm_failed", "the LLM endpoint did not answer JSON: "
                        + abbreviate(response.body()));
            }
        });
    }

    private static void respond(PhoenixChannel channel, String requestId, JsonNode data) {
        ObjectNode payload = Json.object().put("request_id", requestId);
        payload.set("data", data);
        push(channel, "hub_call_response", payload);
    }

    private static void fail(PhoenixChannel channel, String requestId, String code, String message) {
        ObjectNode payload = Json.object().put("request_id", requestId);
        payload.set("error", RequestOutcome.hubError(code, message));
        push(channel, "hub_call_error", payload);
    }

    private static void push(PhoenixChannel channel, String event, ObjectNode payload) {
        if (!channel.push(event, payload)) {
            log.info("Could not send {} for request {}: {} has ended", event, Json.text(payload, "request_id"),
                    channel.topic());
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
