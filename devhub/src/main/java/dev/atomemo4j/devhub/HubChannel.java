package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.devhub.phoenix.ChannelHandler;
import dev.atomemo4j.devhub.phoenix.JoinAuthorizer;
import dev.atomemo4j.devhub.phoenix.JoinDecision;
import dev.atomemo4j.devhub.phoenix.JoinRequest;
import dev.atomemo4j.devhub.phoenix.LeaveReason;
import dev.atomemo4j.devhub.phoenix.PhoenixChannel;
import dev.atomemo4j.devhub.phoenix.Reply;
import dev.atomemo4j.devhub.phoenix.SocketKind;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.ReadResult;
import dev.atomemo4j.model.validate.DefinitionValidator;
import dev.atomemo4j.model.validate.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hub's side of the plugin channels: who may join, {@code register_plugin}, answers to requests, hub calls.
 * Runs on Jetty threads and never blocks: validation is CPU-only, everything slow (LLM calls) is asynchronous.
 */
final class HubChannel implements ChannelHandler, JoinAuthorizer {
    private static final Logger log = LoggerFactory.getLogger(HubChannel.class);
    private static final String HUB_CALL_PREFIX = "hub_call:";

    /** A definition after the same reading and validation as {@code atomemo4j validate}. */
    record Checked(PluginDefinition definition, List<Violation> errors, List<Violation> warnings) {
        boolean valid() {
            return definition != null && errors.isEmpty();
        }
    }

    private final Catalogue catalogue;
    private final Broker broker;
    private final HubCalls hubCalls;

    HubChannel(Catalogue catalogue, Broker broker, HubCalls hubCalls) {
        this.catalogue = catalogue;
        this.broker = broker;
        this.hubCalls = hubCalls;
    }

    // ---- joins and leaves ---------------------------------------------------------------------------------------

    @Override
    public JoinDecision authorize(JoinRequest request) {
        if (request.socketKind() == SocketKind.RELEASE && !catalogue.releaseKnown(request.subtopic())) {
            return JoinDecision.refuse("no release definition is registered for " + request.subtopic()
                    + "; register it first with POST /api/v1/release/plugins or PUT /api/plugins/<name>/release");
        }
        return JoinDecision.accept();
    }

    @Override
    public void onJoin(PhoenixChannel channel) {
        catalogue.join(channel);
    }

    @Override
    public void onLeave(PhoenixChannel channel, LeaveReason reason) {
        Instance instance = catalogue.leave(channel);
        PluginEntry entry = catalogue.get(channel.subtopic());
        if (instance != null && entry != null) {
            broker.onInstanceGone(entry, instance, reason);
        }
    }

    // ---- events -------------------------------------------------------------------------------------------------

    @Override
    public Reply onEvent(PhoenixChannel channel, String event, ObjectNode payload, String ref) {
        if ("register_plugin".equals(event)) {
            return register(channel, payload);
        }
        if (event.startsWith(HUB_CALL_PREFIX)) {
            hubCalls.handle(channel, event.substring(HUB_CALL_PREFIX.length()), payload);
            return Reply.noReply();
        }
        if (Broker.isAnswerEvent(event)) {
            broker.onAnswer(channel, event, payload);
            return Reply.noReply();
        }
        log.warn("Unknown event \"{}\" on {}; answered with an error", event, channel.topic());
        return Reply.error(error("devhub:unknown_event", "the dev hub does not handle the event \"" + event
                + "\"; plugins send register_plugin, <request>_response, <request>_error, unsupported_event and"
                + " hub_call:<name>", null));
    }

    private Reply register(PhoenixChannel channel, ObjectNode payload) {
        Instance instance = catalogue.instance(channel);
        PluginEntry entry = catalogue.get(channel.subtopic());
        if (channel.socketKind() != SocketKind.DEBUG || instance == null || entry == null) {
            return Reply.error(error("devhub:not_debug", "register_plugin is only accepted on the debug socket;"
                    + " a release plugin's definition comes from the release API", null));
        }
        Checked checked = check(payload);
        ObjectNode failure = null;
        if (!checked.valid()) {
            failure = invalidDefinition(checked.errors());
        } else if (!checked.definition().name().equals(channel.subtopic())) {
            failure = error("devhub:name_mismatch", "the definition's name \"" + checked.definition().name()
                    + "\" does not match the topic " + channel.topic(), null);
        }
        if (failure != null) {
            log.warn("register_plugin on {} refused: {}", channel.topic(), Json.text(failure, "message"));
            entry.registrationFailed(failure);
            catalogue.refused(instance);
            return Reply.error(failure);
        }
        catalogue.registered(instance, new PluginEntry.Registration(
                checked.definition(), payload.deepCopy(), checked.warnings(), Instant.now()));
        log.info("Registered plugin {} {} from instance {} ({})", checked.definition().name(),
                checked.definition().version(), instance.id(), contents(checked.definition(), checked.warnings()));
        return Reply.ok(Json.object().put("success", true));
    }

    /** {@code 3 tools, 1 credential, 2 warnings}: what a registration brought, for the log. */
    static String contents(PluginDefinition definition, List<Violation> warnings) {
        String text = count(definition.tools().size(), "tool") + ", "
                + count(definition.credentials().size(), "credential");
        return warnings.isEmpty() ? text : text + ", " + count(warnings.size(), "warning");
    }

    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    // ---- definition checks, shared with the release API ---------------------------------------------------------

    /** Reads and validates a definition exactly as {@code atomemo4j validate} does. */
    static Checked check(JsonNode json) {
        // Through text, so that numbers are read exactly by the model's own parser.
        ReadResult read = DefinitionReader.read(Json.write(json));
        List<Violation> all = new ArrayList<>(read.problems());
        if (read.definitionOrNull() != null && read.lossless()) {
            all.addAll(DefinitionValidator.validate(read.definitionOrNull()));
        }
        List<Violation> errors = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        for (Violation violation : all) {
            (violation.isError() ? errors : warnings).add(violation);
        }
        return new Checked(read.definitionOrNull(), errors, warnings);
    }

    /** {@code {code, message, reason, suberrors:[{pointer, code, message}]}} (hub-protocol.md §7). */
    static ObjectNode invalidDefinition(List<Violation> errors) {
        String message = errors.isEmpty()
                ? "the plugin definition is invalid"
                : "the plugin definition is invalid (" + errors.size() + (errors.size() == 1 ? " error" : " errors")
                        + "): " + errors.get(0) + (errors.size() > 1 ? "; …" : "");
        return error("devhub:invalid_definition", message, errors);
    }

    static ObjectNode error(String code, String message, List<Violation> suberrors) {
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message);
        error.put("reason", message);
        if (suberrors != null) {
            ArrayNode list = error.putArray("suberrors");
            suberrors.forEach(v -> list.add(violationJson(v)));
        }
        return error;
    }

    static ObjectNode violationJson(Violation violation) {
        return Json.object()
                .put("pointer", violation.pointer())
                .put("code", violation.code().slug())
                .put("message", violation.message());
    }
}
