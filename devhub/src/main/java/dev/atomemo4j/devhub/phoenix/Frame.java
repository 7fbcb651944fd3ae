package dev.atomemo4j.devhub.phoenix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One V2-serializer text frame, {@code [join_ref, ref, topic, event, payload]} (hub-protocol.md §2.3). Public so that a
 * {@link FrameListener} can see frames; parsing and encoding stay internal.
 *
 * <p>Parsing is stricter than Phoenix's own decoder on purpose: the dev hub exists to catch runtime bugs, so refs must
 * be strings or null and the payload must be an object, exactly as the official clients send them.
 */
public record Frame(String joinRef, String ref, String topic, String event, ObjectNode payload) {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Why a text frame is not a V2 frame; the message is written for a log line. */
    static final class MalformedFrameException extends Exception {
        MalformedFrameException(String message) {
            super(message);
        }
    }

    static Frame parse(String text) throws MalformedFrameException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedFrameException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (tree == null || !tree.isArray()) {
            throw new MalformedFrameException("not a JSON array");
        }
        if (tree.size() != 5) {
            throw new MalformedFrameException("expected 5 elements [join_ref, ref, topic, event, payload], got " + tree.size());
        }
        String joinRef = refAt(tree, 0, "join_ref");
        String ref = refAt(tree, 1, "ref");
        String topic = stringAt(tree, 2, "topic");
        String event = stringAt(tree, 3, "event");
        JsonNode payload = tree.get(4);
        if (!payload.isObject()) {
            throw new MalformedFrameException("payload must be a JSON object, got " + payload.getNodeType());
        }
        return new Frame(joinRef, ref, topic, event, (ObjectNode) payload);
    }

    private static String refAt(JsonNode tree, int index, String name) throws MalformedFrameException {
        JsonNode node = tree.get(index);
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedFrameException(name + " must be a string or null, got " + node.getNodeType());
        }
        return node.textValue();
    }

    private static String stringAt(JsonNode tree, int index, String name) throws MalformedFrameException {
        JsonNode node = tree.get(index);
        if (!node.isTextual()) {
            throw new MalformedFrameException(name + " must be a string, got " + node.getNodeType());
        }
        return node.textValue();
    }

    /** A {@code phx_reply} frame: {@code [joinRef, ref, topic, "phx_reply", {"status":…,"response":…}]}. */
    static Frame reply(String joinRef, String ref, String topic, Reply reply) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("status", reply.status());
        payload.set("response", reply.response());
        return new Frame(joinRef, ref, topic, "phx_reply", payload);
    }

    String encode() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(5);
        array.add(joinRef).add(ref).add(topic).add(event).add(payload);
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            // A tree of plain JSON nodes always serializes; anything else is a bug worth a loud failure.
            throw new IllegalStateException("cannot encode frame", e);
        }
    }
}
