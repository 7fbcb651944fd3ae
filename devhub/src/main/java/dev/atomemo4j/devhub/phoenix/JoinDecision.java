package dev.atomemo4j.devhub.phoenix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A {@link JoinAuthorizer}'s verdict: the join reply's status and response object. */
public final class JoinDecision {
    private final boolean accepted;
    private final ObjectNode response;

    private JoinDecision(boolean accepted, ObjectNode response) {
        this.accepted = accepted;
        this.response = Objects.requireNonNull(response, "response");
    }

    /** Join, replying {@code {"status":"ok","response":{}}} (what the dev hub answers, hub-protocol.md §3.2). */
    public static JoinDecision accept() {
        return new JoinDecision(true, JsonNodeFactory.instance.objectNode());
    }

    /** Join, replying {@code {"status":"ok","response":<response>}}. */
    public static JoinDecision accept(ObjectNode response) {
        return new JoinDecision(true, response);
    }

    /** Refuse, replying {@code {"status":"error","response":{"reason":<reason>}}}. */
    public static JoinDecision refuse(String reason) {
        return refuse(JsonNodeFactory.instance.objectNode().put("reason", Objects.requireNonNull(reason, "reason")));
    }

    /** Refuse with a custom response object; it should carry a {@code reason}, which clients print. */
    public static JoinDecision refuse(ObjectNode response) {
        return new JoinDecision(false, response);
    }

    public boolean accepted() {
        return accepted;
    }

    public ObjectNode response() {
        return response;
    }

    @Override
    public String toString() {
        return "JoinDecision[" + (accepted ? "accept " : "refuse ") + response + "]";
    }
}
