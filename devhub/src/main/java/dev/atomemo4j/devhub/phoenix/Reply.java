package dev.atomemo4j.devhub.phoenix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a {@link ChannelHandler} answers to a client push: a {@code phx_reply} with status {@code ok} or
 * {@code error} and a response object, or nothing at all.
 *
 * <p>"Nothing" is a real answer in this protocol: the Hub never replies to {@code *_response}, {@code *_error},
 * {@code unsupported_event} or {@code hub_call:*} pushes (hub-protocol.md §5, §9.2), and the client lets those
 * pushes time out locally.
 *
 * <p>The response object is serialized when the reply is sent; do not mutate it afterwards from another thread.
 */
public final class Reply {
    private static final Reply NO_REPLY = new Reply(null, null);

    private final String status;
    private final ObjectNode response;

    private Reply(String status, ObjectNode response) {
        this.status = status;
        this.response = response;
    }

    /** {@code {"status":"ok","response":{}}}. */
    public static Reply ok() {
        return ok(JsonNodeFactory.instance.objectNode());
    }

    /** {@code {"status":"ok","response":<response>}}. */
    public static Reply ok(ObjectNode response) {
        return new Reply("ok", Objects.requireNonNull(response, "response"));
    }

    /** {@code {"status":"error","response":<response>}}. */
    public static Reply error(ObjectNode response) {
        return new Reply("error", Objects.requireNonNull(response, "response"));
    }

    /** {@code {"status":"error","response":{"reason":<reason>}}}, the shape Phoenix clients print. */
    public static Reply error(String reason) {
        return error(JsonNodeFactory.instance.objectNode().put("reason", Objects.requireNonNull(reason, "reason")));
    }

    /** Send no {@code phx_reply} at all. */
    public static Reply noReply() {
        return NO_REPLY;
    }

    /** {@code true} for {@link #noReply()}. */
    public boolean isNoReply() {
        return status == null;
    }

    /** {@code "ok"}, {@code "error"}, or {@code null} for {@link #noReply()}. */
    public String status() {
        return status;
    }

    /** The response object, or {@code null} for {@link #noReply()}. */
    public ObjectNode response() {
        return response;
    }

    @Override
    public String toString() {
        return isNoReply() ? "Reply[noreply]" : "Reply[" + status + " " + response + "]";
    }
}
