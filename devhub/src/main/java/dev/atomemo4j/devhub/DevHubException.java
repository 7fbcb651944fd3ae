package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request to the dev hub that cannot be carried out, with a stable {@code devhub:*} code and the HTTP status the
 * JSON API answers it with, e.g. {@code 404 devhub:unknown_tool} or {@code 503 devhub:plugin_not_connected}.
 *
 * <p>Thrown by the {@link DevHub} Java API before anything is sent to a plugin. Once a request has reached a plugin,
 * failures are reported in its {@link RequestOutcome} instead.
 */
public final class DevHubException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient JsonNode details;

    public DevHubException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public DevHubException(int status, String code, String message, JsonNode details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    /** The HTTP status the JSON API answers with (400, 403, 404, 409, 413, 503, …). */
    public int status() {
        return status;
    }

    /** The stable error code, e.g. {@code devhub:unknown_plugin}. */
    public String code() {
        return code;
    }

    /** Extra structured information (e.g. the list of invalid credential values), or null. */
    public JsonNode details() {
        return details;
    }

    static DevHubException badRequest(String message) {
        return new DevHubException(400, "devhub:invalid_request", message);
    }

    static DevHubException notFound(String code, String message) {
        return new DevHubException(404, code, message);
    }
}
