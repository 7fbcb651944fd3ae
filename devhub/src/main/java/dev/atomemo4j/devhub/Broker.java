package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.devhub.phoenix.LeaveReason;
import dev.atomemo4j.devhub.phoenix.PhoenixChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Hub-to-plugin requests and correlates their answers (hub-protocol.md §8).
 *
 * <ul>
 *   <li>Each request gets a fresh UUID {@code request_id}, the {@code plugin_identifier} and
 *       {@code context: {organization_id: "devhub"}}, and goes to the plugin's next ready instance in round-robin
 *       order.</li>
 *   <li>{@code <event>_response}, {@code <event>_error} and {@code unsupported_event} are matched by
 *       {@code request_id}; the first answer wins, later ones are logged and dropped.</li>
 *   <li>Each request has a deadline, counted from the first push and not restarted by a failover; at the deadline it
 *       fails with {@code devhub:timeout}.</li>
 *   <li>When the instance holding a request goes away (leave, rejoin, lost connection, crash), the request is sent
 *       once more, with the same {@code request_id}, to another ready instance; with none left, or if it was already
 *       failed over once, it fails with {@code devhub:instance_left}. After a lost connection this waits for the
 *       reconnect grace first: a plugin that reconnects delivers the answers it made meanwhile on its new
 *       connection, as the runtime keeps unsent answers for the next connection.</li>
 * </ul>
 *
 * <p>Futures are completed on the {@code completions} executor, never on a Jetty thread, so callers may chain work
 * that blocks briefly (file writes).
 */
final class Broker implements AutoCloseable {
    /** The seven Hub-to-plugin requests (hub-protocol.md §8.2–§8.8). */
    static final Set<String> REQUEST_EVENTS = Set.of("invoke_tool", "credential_auth_spec",
            "oauth2_build_authorize_url", "oauth2_get_token", "oauth2_refresh_token", "locator_list",
            "resource_mapping");

    static final String ORGANIZATION_ID = "devhub";

    private static final Logger log = LoggerFactory.getLogger(Broker.class);

    /** Default time a plugin whose connection dropped has to reconnect and answer before its requests move on. */
    static final Duration DEFAULT_RECONNECT_GRACE = Duration.ofSeconds(3);

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Executor completions;
    private final Duration reconnectGrace;

    Broker(ScheduledExecutorService timer, Executor completions) {
        this(timer, completions, DEFAULT_RECONNECT_GRACE);
    }

    Broker(ScheduledExecutorService timer, Executor completions, Duration reconnectGrace) {
        this.timer = timer;
        this.completions = completions;
        this.reconnectGrace = reconnectGrace;
    }

    /** True for {@code <request>_response}, {@code <request>_error} and {@code unsupported_event}. */
    static boolean isAnswerEvent(String event) {
        if ("unsupported_event".equals(event)) {
            return true;
        }
        return REQUEST_EVENTS.contains(stripSuffix(event, "_response"))
                || REQUEST_EVENTS.contains(stripSuffix(event, "_error"));
    }

    /**
     * Sends a request to the entry's next ready instance.
     *
     * @param body the event-specific members; {@code request_id}, {@code plugin_identifier} and {@code context} are
     *     added here
     * @throws DevHubException {@code 503 devhub:plugin_not_connected} when no instance is ready
     */
    CompletableFuture<RequestOutcome> send(PluginEntry entry, String event, ObjectNode body, Duration timeout) {
        Instance first = entry.nextInstance(null);
        if (first == null) {
            throw notConnected(entry);
        }
        String requestId = UUID.randomUUID().toString();
        ObjectNode payload = Json.object();
        payload.put("request_id", requestId);
        payload.put("plugin_identifier", entry.identifier());
        payload.setAll(body);
        payload.set("context", Json.object().put("organization_id", ORGANIZATION_ID));

        Pending request = new Pending(requestId, entry, event, payload, timeout);
        pending.put(requestId, request);
        request.timeoutTask = timer.schedule(() -> expire(request), timeout.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (request) {
            dispatch(request, first);
        }
        return request.future;
    }

    /** An answer pushed by a plugin: matched by request_id, never replied to. */
    void onAnswer(PhoenixChannel channel, String event, ObjectNode payload) {
        String requestId = Json.text(payload, "request_id");
        if (requestId == null) {
            log.warn("{} on {} has no request_id; ignored", event, channel.topic());
            return;
        }
        Pending request = pending.get(requestId);
        if (request == null) {
            log.warn("{} on {} answers unknown request {} (late, timed out or already answered); ignored",
                    event, channel.topic(), requestId);
            return;
        }
        if (!request.entry.identifier().equals(channel.subtopic())) {
            log.warn("{} on {} answers request {}, which was sent to plugin {}; ignored",
                    event, channel.topic(), requestId, request.entry.identifier());
            return;
        }
        RequestOutcome outcome;
        String instanceId = channel.connectionId() + "/" + channel.joinRef();
        if (event.equals(request.event + "_response")) {
            outcome = outcome(request, true, payload.get("data"), null, instanceId);
        } else if (event.equals(request.event + "_error") || "unsupported_event".equals(event)) {
            JsonNode error = payload.get("error");
            outcome = outcome(request, false, null, error == null ? RequestOutcome.hubError("devhub:missing_error",
                    "the plugin answered " + event + " without an error member") : error, instanceId);
        } else {
            outcome = outcome(request, false, null, RequestOutcome.hubError("devhub:unexpected_response",
                    "request " + requestId + " was " + request.event + ", but the plugin answered " + event),
                    instanceId);
        }
        finish(request, outcome, true);
    }

    /**
     * An instance's channel ended. After a leave, a lost connection or a server-side close, its unanswered requests
     * fail over to another instance once, or fail. After a rejoin or a channel crash the plugin process is still
     * connected and answers on its new channel (hub-protocol.md §5 buffers answers across a rejoin), so its requests
     * keep waiting, up to their deadline.
     */
    void onInstanceGone(PluginEntry entry, Instance gone, LeaveReason reason) {
        if (reason == LeaveReason.REJOINED || reason == LeaveReason.CRASHED) {
            return;
        }
        String connection = gone.channel().connectionId();
        List<Pending> affected = new ArrayList<>();
        for (Pending request : pending.values()) {
            Instance holder = request.instance;
            if (request.entry == entry && holder != null && holder.channel().connectionId().equals(connection)) {
                affected.add(request);
            }
        }
        if (reason == LeaveReason.CONNECTION_CLOSED && !reconnectGrace.isZero() && !affected.isEmpty()) {
            log.info("Instance {} of {} lost its connection with {} request(s) unanswered; waiting {} ms for it to "
                    + "reconnect and answer", gone.id(), entry.identifier(), affected.size(),
                    reconnectGrace.toMillis());
            timer.schedule(() -> moveOn(entry, gone, reason, connection, affected), reconnectGrace.toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        moveOn(entry, gone, reason, connection, affected);
    }

    /** Fails the requests still held by the gone connection over to another instance once, or fails them. */
    private void moveOn(PluginEntry entry, Instance gone, LeaveReason reason, String connection,
            List<Pending> affected) {
        for (Pending request : affected) {
            synchronized (request) {
                Instance holder = request.instance;
                if (holder == null || !holder.channel().connectionId().equals(connection)
                        || pending.get(request.requestId) != request) {
                    continue;
                }
                holder.requestDone(false);
                Instance next = request.failovers == 0 ? entry.nextInstance(gone) : null;
                if (next != null) {
                    request.failovers++;
                    log.info("Instance {} of {} ended ({}) before answering {} {}; failing over to instance {}",
                            holder.id(), entry.identifier(), describe(reason), request.event, request.requestId,
                            next.id());
                    dispatch(request, next);
                } else {
                    String why = request.failovers > 0
                            ? "the request had already been failed over once"
                            : "no other instance is connected";
                    String message = "instance " + gone.id() + " of plugin " + entry.identifier() + " "
                            + describe(reason) + " before answering " + request.event + " (request "
                            + request.requestId + "); " + why;
                    log.info(message);
                    request.instance = null;
                    finish(request, outcome(request, false, null,
                            RequestOutcome.hubError("devhub:instance_left", message), holder.id()), false);
                }
            }
        }
    }

    /** Fails every pending request with {@code devhub:shutdown}. */
    @Override
    public void close() {
        for (Pending request : new ArrayList<>(pending.values())) {
            finish(request, outcome(request, false, null, RequestOutcome.hubError("devhub:shutdown",
                    "the dev hub stopped before " + request.event + " was answered"), instanceId(request)), false);
        }
    }

    int pendingCount() {
        return pending.size();
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    /** Pushes the request to {@code target}, moving on to other instances if the push cannot be queued. */
    private void dispatch(Pending request, Instance target) {
        Set<Instance> tried = new HashSet<>();
        Instance current = target;
        while (current != null && tried.add(current)) {
            request.instance = current;
            current.requestSent();
            if (current.channel().push(request.event, request.payload)) {
                return;
            }
            // The channel ended between choosing it and pushing; its onLeave may not have run yet.
            current.requestDone(false);
            current = request.entry.nextInstance(current);
        }
        request.instance = null;
        DevHubException error = notConnected(request.entry);
        finish(request, outcome(request, false, null, RequestOutcome.hubError(error.code(), error.getMessage()), null),
                false);
    }

    private void expire(Pending request) {
        String message = "plugin " + request.entry.identifier() + " did not answer " + request.event
                + " (request " + request.requestId + ") within " + request.timeout.toMillis() + " ms";
        if (pending.get(request.requestId) == request) {
            log.info(message);
        }
        Instance instance = request.instance;
        finish(request, outcome(request, false, null, RequestOutcome.hubError("devhub:timeout", message),
                instance == null ? null : instance.id()), false);
    }

    /** Completes the request once: the caller that removes it from the table wins. */
    private void finish(Pending request, RequestOutcome outcome, boolean answered) {
        if (!pending.remove(request.requestId, request)) {
            return;
        }
        ScheduledFuture<?> task = request.timeoutTask;
        if (task != null) {
            task.cancel(false);
        }
        Instance instance = request.instance;
        if (instance != null) {
            instance.requestDone(answered);
        }
        completions.execute(() -> request.future.complete(outcome));
    }

    private static RequestOutcome outcome(Pending request, boolean ok, JsonNode data, JsonNode error, String instance) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.startNanos);
        return new RequestOutcome(ok, data, error, elapsed, request.requestId, request.event, instance);
    }

    private static String instanceId(Pending request) {
        Instance instance = request.instance;
        return instance == null ? null : instance.id();
    }

    static DevHubException notConnected(PluginEntry entry) {
        return new DevHubException(503, "devhub:plugin_not_connected", "plugin " + entry.identifier()
                + " has no connected instance" + (entry.mode() == PluginEntry.Mode.DEBUG
                ? " that has registered its definition" : "") + "; start it against this dev hub");
    }

    private static String describe(LeaveReason reason) {
        switch (reason) {
            case LEFT:
                return "left the channel";
            case REJOINED:
                return "rejoined the channel";
            case CONNECTION_CLOSED:
                return "lost its connection";
            case SERVER_CLOSED:
                return "was closed by the dev hub";
            case CRASHED:
                return "crashed";
            default:
                return reason.name().toLowerCase(Locale.ROOT);
        }
    }

    private static String stripSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : "";
    }

    private static final class Pending {
        final String requestId;
        final PluginEntry entry;
        final String event;
        final ObjectNode payload;
        final Duration timeout;
        final long startNanos = System.nanoTime();
        final CompletableFuture<RequestOutcome> future = new CompletableFuture<>();
        /** Guarded by this (written by dispatch and failover; read without the lock by finish and the scans). */
        volatile Instance instance;
        /** Guarded by this. */
        int failovers;
        volatile ScheduledFuture<?> timeoutTask;

        Pending(String requestId, PluginEntry entry, String event, ObjectNode payload, Duration timeout) {
            this.requestId = requestId;
            this.entry = entry;
            this.event = event;
            this.payload = payload;
            this.timeout = timeout;
        }
    }
}
