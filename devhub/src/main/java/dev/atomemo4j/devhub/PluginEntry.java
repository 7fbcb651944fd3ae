package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.ToolDefinition;
import dev.atomemo4j.model.validate.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugin the dev hub knows, under its plugin identifier: the plugin name for a debug plugin, the version slug
 * {@code <name>__release__<version>} for a release. It keeps the last accepted definition and the instances joined
 * on its topic. An entry outlives its instances, so credentials and the inspector still see a plugin that stopped.
 */
final class PluginEntry {
    /**
     * An accepted definition.
     *
     * @param restored true when it was read back from the data directory at start, not accepted in this run
     */
    record Registration(PluginDefinition definition, ObjectNode json, List<Violation> warnings, Instant at,
            boolean restored) {
        Registration(PluginDefinition definition, ObjectNode json, List<Violation> warnings, Instant at) {
            this(definition, json, warnings, at, false);
        }
    }

    /** The warning code of a debug instance served with a definition it did not register itself. */
    static final String INHERITED_DEFINITION = "devhub:definition_not_registered";

    private final String identifier;
    private final Mode mode;
    private volatile Registration registration;
    /** The last register_plugin error response, cleared by a successful registration. */
    private volatile ObjectNode registrationError;
    private final List<Instance> instances = new CopyOnWriteArrayList<>();
    private final AtomicInteger cursor = new AtomicInteger();

    enum Mode {
        DEBUG,
        RELEASE
    }

    PluginEntry(String identifier, Mode mode) {
        this.identifier = identifier;
        this.mode = mode;
    }

    String identifier() {
        return identifier;
    }

    Mode mode() {
        return mode;
    }

    Registration registration() {
        return registration;
    }

    /** The accepted definition, or null while none has been registered. */
    PluginDefinition definition() {
        Registration current = registration;
        return current == null ? null : current.definition();
    }

    void register(Registration accepted) {
        registration = accepted;
        registrationError = null;
    }

    void registrationFailed(ObjectNode error) {
        registrationError = error;
    }

    void add(Instance instance) {
        instances.add(instance);
    }

    void remove(Instance instance) {
        instances.remove(instance);
    }

    List<Instance> instances() {
        return List.copyOf(instances);
    }

    boolean connected() {
        return instances.stream().anyMatch(Instance::isReady);
    }

    /**
     * The next ready instance in round-robin order, skipping {@code exclude}; null when there is none.
     */
    Instance nextInstance(Instance exclude) {
        List<Instance> live = new ArrayList<>();
        for (Instance instance : instances) {
            if (instance != exclude && instance.isReady()) {
                live.add(instance);
            }
        }
        if (live.isEmpty()) {
            return null;
        }
        return live.get(Math.floorMod(cursor.getAndIncrement(), live.size()));
    }

    ToolDefinition tool(String name) {
        PluginDefinition definition = definition();
        if (definition != null) {
            for (ToolDefinition tool : definition.tools()) {
                if (name.equals(tool.name())) {
                    return tool;
                }
            }
        }
        return null;
    }

    CredentialDefinition credential(String name) {
        PluginDefinition definition = definition();
        if (definition != null) {
            for (CredentialDefinition credential : definition.credentials()) {
                if (name.equals(credential.name())) {
                    return credential;
                }
            }
        }
        return null;
    }

    /** The catalogue listing: identity, status, instances, and the names of tools and credentials. */
    ObjectNode toSummaryJson() {
        Registration current = registration;
        PluginDefinition definition = current == null ? null : current.definition();
        ObjectNode json = Json.object();
        json.put("identifier", identifier);
        json.put("name", definition == null ? nameFromIdentifier() : definition.name());
        json.put("mode", mode == Mode.DEBUG ? "debug" : "release");
        json.put("version", definition == null ? null : definition.version());
        json.put("display_name", definition == null ? null : english(definition.displayName()));
        json.put("description", definition == null ? null : english(definition.description()));
        json.put("icon", definition == null ? null : definition.icon());
        json.put("registered_at", current == null ? null : current.at().toString());
        json.put("connected", connected());
        ArrayNode instanceList = json.putArray("instances");
        instances.forEach(instance -> instanceList.add(instance.toJson()));
        ArrayNode tools = json.putArray("tools");
        ArrayNode credentials = json.putArray("credentials");
        if (definition != null) {
            for (ToolDefinition tool : definition.tools()) {
                tools.addObject().put("name", tool.name())
                        .put("display_name", english(tool.displayName()))
                        .put("description", english(tool.description()))
                        .put("icon", tool.icon());
            }
            for (CredentialDefinition credential : definition.credentials()) {
                credentials.addObject().put("name", credential.name())
                        .put("display_name", english(credential.displayName()))
                        .put("oauth2", credential.isOAuth2());
            }
        }
        ArrayNode warnings = json.putArray("warnings");
        if (current != null) {
            current.warnings().forEach(w -> warnings.add(HubChannel.violationJson(w)));
            for (Instance instance : instances) {
                if (instance.servedInherited()) {
                    warnings.add(inheritedWarning(instance, current));
                }
            }
        }
        json.set("registration_error", registrationError);
        return json;
    }

    /** The summary plus the full definition as registered. */
    ObjectNode toDetailJson() {
        ObjectNode json = toSummaryJson();
        Registration current = registration;
        json.set("definition", current == null ? null : current.json().deepCopy());
        return json;
    }

    /**
     * Says why an instance that never registered is served, and with what: the official JS SDK registers once per
     * process, so after a reconnect (or a dev hub restart) it only rejoins.
     */
    static ObjectNode inheritedWarning(Instance instance, Registration served) {
        return Json.object()
                .put("pointer", "")
                .put("code", INHERITED_DEFINITION)
                .put("message", "instance " + instance.id() + " joined without sending register_plugin (as the"
                        + " official JS SDK does after a reconnect); it is served with the definition last accepted"
                        + " at " + served.at() + (served.restored() ? ", kept in the dev hub's data directory" : "")
                        + ". Restart the plugin if its tools have changed since.");
    }

    private String nameFromIdentifier() {
        int release = identifier.indexOf(Catalogue.RELEASE_SEPARATOR);
        return release < 0 ? identifier : identifier.substring(0, release);
    }

    private static String english(I18nText text) {
        return text == null ? null : text.english();
    }
}
