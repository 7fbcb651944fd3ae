package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer of the dev hub's handlers: status, content type, body bytes and extra headers. */
record HttpResult(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";

    static HttpResult json(int status, JsonNode body) {
        return new HttpResult(status, JSON, Json.bytes(body), new LinkedHashMap<>());
    }

    static HttpResult ok(JsonNode body) {
        return json(200, body);
    }

    static HttpResult error(DevHubException e) {
        ObjectNode error = Json.object().put("code", e.code()).put("message", e.getMessage());
        if (e.details() != null) {
            error.set("details", e.details());
        }
        ObjectNode body = Json.object();
        body.set("error", error);
        return json(e.status(), body);
    }

    static HttpResult error(int status, String code, String message) {
        return error(new DevHubException(status, code, message));
    }

    static HttpResult html(int status, String html) {
        return new HttpResult(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    static HttpResult bytes(int status, String contentType, byte[] body) {
        return new HttpResult(status, contentType, body, new LinkedHashMap<>());
    }

    static HttpResult redirect(String location) {
        HttpResult result = new HttpResult(302, null, new byte[0], new LinkedHashMap<>());
        result.headers().put("Location", location);
        return result;
    }

    HttpResult header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
