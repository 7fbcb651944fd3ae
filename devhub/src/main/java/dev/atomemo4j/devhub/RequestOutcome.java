package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * How one Hub-to-plugin request ended: the plugin's {@code <event>_response} data, its {@code <event>_error} (or
 * {@code unsupported_event}) error, or an error the dev hub produced itself, whose {@code code} starts with
 * {@code devhub:} ({@code devhub:timeout}, {@code devhub:instance_left}, {@code devhub:shutdown},
 * {@code devhub:unexpected_response}).
 *
 * @param ok true for a {@code *_response}
 * @param data the response's {@code data} (any JSON value) when ok, else null
 * @param error the error value when not ok (an object with {@code code} and {@code message} for the dev hub's own
 *     errors; whatever the plugin sent otherwise), else null
 * @param elapsedMs milliseconds from the first push to the answer
 * @param requestId the {@code request_id} the request travelled with
 * @param event the request event, e.g. {@code invoke_tool}
 * @param instance the id of the plugin instance that answered (or was last asked), e.g. {@code c3/1}; null if none
 */
public record RequestOutcome(
        boolean ok, JsonNode data, JsonNode error, long elapsedMs, String requestId, String event, String instance) {

    public RequestOutcome {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(event, "event");
    }

    /** The {@code code} member of the error, or null (also when the plugin's error has none). */
    public String errorCode() {
        return error == null ? null : Json.text(error, "code");
    }

    /** The JSON API's shape: {@code {ok, data | error, elapsed_ms, request_id, instance}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("ok", ok);
        if (ok) {
            json.set("data", data);
        } else {
            json.set("error", error);
        }
        json.put("elapsed_ms", elapsedMs);
        json.put("request_id", requestId);
        json.put("instance", instance);
        return json;
    }

    static ObjectNode hubError(String code, String message) {
        return Json.object().put("code", code).put("message", message);
    }
}
