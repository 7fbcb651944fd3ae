package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.devhub.phoenix.Frame;
import dev.atomemo4j.devhub.phoenix.FrameListener;
import dev.atomemo4j.model.ToolDefinition;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent frames in both directions, redacted when recorded, for {@code GET /api/frames} and the inspector's live
 * log. Heartbeats (topic {@code phoenix}) are not kept. Redaction masks:
 * <ul>
 *   <li>every value inside {@code credentials} (the instance-id → values map) and {@code credential};</li>
 *   <li>{@code data.parameters_patch} of the OAuth2 token answers;</li>
 *   <li>members named like secrets anywhere ({@code api_key}, {@code access_token}, {@code client_secret}, …);</li>
 *   <li>{@code encrypted_string} parameters of {@code invoke_tool}, {@code locator_list} and
 *       {@code resource_mapping}, per the tool's definition.</li>
 * </ul>
 * With the logger {@code dev.atomemo4j.devhub.frames} at DEBUG, each recorded frame is also logged, redacted.
 */
final class FrameLog implements FrameListener {
    private static final Logger frameLog = LoggerFactory.getLogger("dev.atomemo4j.devhub.frames");
    private static final Set<String> PARAMETER_EVENTS = Set.of("invoke_tool", "locator_list", "resource_mapping");

    /** One recorded frame; the payload is already redacted. */
    record Entry(long seq, Instant at, String connection, Direction direction, Frame frame) {
        ObjectNode toJson() {
            ObjectNode json = Json.object();
            json.put("seq", seq);
            json.put("at", at.toString());
            json.put("direction", direction == Direction.IN ? "in" : "out");
            json.put("connection", connection);
            json.put("join_ref", frame.joinRef());
            json.put("ref", frame.ref());
            json.put("topic", frame.topic());
            json.put("event", frame.event());
            json.set("payload", frame.payload());
            return json;
        }
    }

    private final int capacity;
    private final Catalogue catalogue;
    /** Guarded by this. */
    private final Deque<Entry> entries = new ArrayDeque<>();
    /** Guarded by this. */
    private long seq;

    FrameLog(int capacity, Catalogue catalogue) {
        this.capacity = capacity;
        this.catalogue = catalogue;
    }

    @Override
    public void onFrame(String connectionId, Direction direction, Frame frame) {
        if ("phoenix".equals(frame.topic())) {
            return;
        }
        ObjectNode payload = redact(frame.topic(), frame.event(), frame.payload());
        Frame redacted = new Frame(frame.joinRef(), frame.ref(), frame.topic(), frame.event(), payload);
        if (frameLog.isDebugEnabled()) {
            frameLog.debug("{} {} [{}, {}, {}, {}, {}]", connectionId, direction == Direction.IN ? "<-" : "->",
                    quote(frame.joinRef()), quote(frame.ref()), quote(frame.topic()), quote(frame.event()),
                    Json.write(payload));
        }
        synchronized (this) {
            entries.addLast(new Entry(++seq, Instant.now(), connectionId, direction, redacted));
            while (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
    }

    /** At most {@code limit} most recent entries with {@code seq > after}, oldest first. */
    synchronized List<Entry> recent(int limit, long after) {
        List<Entry> result = new ArrayList<>();
        var iterator = entries.descendingIterator();
        while (iterator.hasNext() && result.size() < limit) {
            Entry entry = iterator.next();
            if (entry.seq() <= after) {
                break;
            }
            result.add(0, entry);
        }
        return result;
    }

    synchronized long lastSeq() {
        return seq;
    }

    ObjectNode redact(String topic, String event, ObjectNode original) {
        ObjectNode payload = original.deepCopy();
        Secrets.maskSecretMembers(payload);
        for (String member : new String[] {"credentials", "credential"}) {
            JsonNode value = payload.get(member);
            if (value instanceof ObjectNode) {
                payload.set(member, Secrets.maskLeaves(value));
            }
        }
        JsonNode data = payload.get("data");
        if (data instanceof ObjectNode && data.get("parameters_patch") != null) {
            ((ObjectNode) data).set("parameters_patch", Secrets.maskLeaves(data.get("parameters_patch")));
        }
        JsonNode parameters = payload.get("parameters");
        if (PARAMETER_EVENTS.contains(event) && parameters instanceof ObjectNode) {
            PluginEntry entry = catalogue.forTopic(topic);
            String toolName = Json.text(payload, "tool_name");
            ToolDefinition tool = entry == null || toolName == null ? null : entry.tool(toolName);
            if (tool != null) {
                Secrets.maskParameters(tool.parameters(), (ObjectNode) parameters);
            }
        }
        return payload;
    }

    static ArrayNode toJson(List<Entry> entries) {
        ArrayNode array = Json.array();
        entries.forEach(entry -> array.add(entry.toJson()));
        return array;
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
