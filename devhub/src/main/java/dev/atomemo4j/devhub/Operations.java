package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.ToolDefinition;
import dev.atomemo4j.model.property.ArrayProperty;
import dev.atomemo4j.model.property.CredentialIdProperty;
import dev.atomemo4j.model.property.ObjectProperty;
import dev.atomemo4j.model.property.Property;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dev hub can be asked to do, shared by the HTTP API and the {@link DevHub} Java API: look-ups that fail
 * early with a {@link DevHubException}, then requests to plugins through the {@link Broker}.
 */
final class Operations {
    /** How long an OAuth2 {@code state} waits for its callback. */
    static final Duration OAUTH2_STATE_LIFETIME = Duration.ofMinutes(15);
    static final String OAUTH2_CALLBACK_PATH = "/oauth2/callback";

    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private final Catalogue catalogue;
    private final Broker broker;
    private final CredentialStore credentials;
    private final Supplier<URI> baseUrl;
    private final Duration defaultTimeout;
    private final Map<String, PendingAuthorization> authorizations = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private record PendingAuthorization(String instanceId, String redirectUri, Instant expires) {}

    /** What the OAuth2 callback did: an HTTP status, a sentence for the browser, and the updated instance. */
    record CallbackResult(int status, boolean ok, String message, ObjectNode instance, JsonNode error) {}

    Operations(Catalogue catalogue, Broker broker, CredentialStore credentials, Supplier<URI> baseUrl,
            Duration defaultTimeout) {
        this.catalogue = catalogue;
        this.broker = broker;
        this.credentials = credentials;
        this.baseUrl = baseUrl;
        this.defaultTimeout = defaultTimeout;
    }

    Duration defaultTimeout() {
        return defaultTimeout;
    }

    // ---- catalogue ----------------------------------------------------------------------------------------------

    PluginEntry requireEntry(String identifier) {
        PluginEntry entry = catalogue.get(identifier);
        if (entry == null) {
            List<String> known = catalogue.all().stream().map(PluginEntry::identifier).collect(Collectors.toList());
            throw DevHubException.notFound("devhub:unknown_plugin", "no plugin \"" + identifier
                    + "\" is known to this dev hub" + (known.isEmpty() ? " (none has connected yet)"
                    : "; known: " + String.join(", ", known)));
        }
        return entry;
    }

    private static PluginDefinition requireDefinition(PluginEntry entry) {
        PluginDefinition definition = entry.definition();
        if (definition == null) {
            throw new DevHubException(409, "devhub:plugin_not_registered", "plugin " + entry.identifier()
                    + " has joined but has not registered a valid definition yet");
        }
        return definition;
    }

    private static ToolDefinition requireTool(PluginEntry entry, String toolName) {
        PluginDefinition definition = requireDefinition(entry);
        ToolDefinition tool = entry.tool(toolName);
        if (tool == null) {
            List<String> tools = definition.tools().stream().map(ToolDefinition::name).collect(Collectors.toList());
            throw DevHubException.notFound("devhub:unknown_tool", "plugin " + entry.identifier()
                    + " has no tool \"" + toolName + "\"" + (tools.isEmpty() ? "" : "; its tools: "
                    + String.join(", ", tools)));
        }
        return tool;
    }

    private static CredentialDefinition requireCredential(PluginEntry entry, String credentialName) {
        PluginDefinition definition = requireDefinition(entry);
        CredentialDefinition credential = entry.credential(credentialName);
        if (credential == null) {
            List<String> names = definition.credentials().stream().map(CredentialDefinition::name)
                    .collect(Collectors.toList());
            throw DevHubException.notFound("devhub:unknown_credential", "plugin " + definition.name()
                    + " declares no credential \"" + credentialName + "\"" + (names.isEmpty() ? ""
                    : "; its credentials: " + String.join(", ", names)));
        }
        return credential;
    }

    /** Registers a release definition (the release API); returns the entry's details. */
    ObjectNode registerRelease(JsonNode json, String expectedName) {
        if (!(json instanceof ObjectNode)) {
            throw DevHubException.badRequest("the body must be a plugin definition (a JSON object)");
        }
        HubChannel.Checked checked = HubChannel.check(json);
        if (!checked.valid()) {
            ObjectNode error = HubChannel.invalidDefinition(checked.errors());
            throw new DevHubException(400, "devhub:invalid_definition", Json.text(error, "message"),
                    error.get("suberrors"));
        }
        if (expectedName != null && !expectedName.equals(checked.definition().name())) {
            throw DevHubException.badRequest("the definition's name \"" + checked.definition().name()
                    + "\" does not match the path's plugin name \"" + expectedName + "\"");
        }
        PluginEntry entry = catalogue.registerRelease(new PluginEntry.Registration(
                checked.definition(), ((ObjectNode) json).deepCopy(), checked.warnings(), Instant.now()));
        log.info("Registered release definition {}; release_plugin:{} may now join", entry.identifier(),
                entry.identifier());
        return entry.toDetailJson();
    }

    // ---- requests -----------------------------------------------------------------------------------------------

    CompletableFuture<RequestOutcome> invokeTool(String identifier, String toolName, ObjectNode parameters,
            Map<String, String> bindings, Duration timeout) {
        PluginEntry entry = requireEntry(identifier);
        ToolDefinition tool = requireTool(entry, toolName);
        ObjectNode params = prepareParameters(tool, parameters, bindings);
        ObjectNode body = Json.object();
        body.put("tool_name", tool.name());
        body.set("parameters", params);
        body.set("credentials", resolveCredentials(entry, tool, params));
        return broker.send(entry, "invoke_tool", body, timeoutOr(timeout));
    }

    CompletableFuture<RequestOutcome> locatorList(String identifier, String toolName, String method, String filter,
            String paginationToken, ObjectNode parameters, Map<String, String> bindings, Duration timeout) {
        PluginEntry entry = requireEntry(identifier);
        ToolDefinition tool = requireTool(entry, toolName);
        requireText(method, "method");
        ObjectNode params = prepareParameters(tool, parameters, bindings);
        ObjectNode body = Json.object();
        body.put("tool_name", tool.name());
        body.put("method", method);
        body.put("filter", filter);
        body.put("pagination_token", paginationToken);
        body.set("parameters", params);
        body.set("credentials", resolveCredentials(entry, tool, params));
        return broker.send(entry, "locator_list", body, timeoutOr(timeout));
    }

    CompletableFuture<RequestOutcome> resourceMapping(String identifier, String toolName, String method,
            ObjectNode parameters, Map<String, String> bindings, Duration timeout) {
        PluginEntry entry = requireEntry(identifier);
        ToolDefinition tool = requireTool(entry, toolName);
        requireText(method, "method");
        ObjectNode params = prepareParameters(tool, parameters, bindings);
        ObjectNode body = Json.object();
        body.put("tool_name", tool.name());
        body.put("method", method);
        body.set("parameters", params);
        body.set("credentials", resolveCredentials(entry, tool, params));
        return broker.send(entry, "resource_mapping", body, timeoutOr(timeout));
    }

    /**
     * {@code credential_auth_spec} with the values of a stored instance ({@code instanceId}) or given inline
     * ({@code values}, sent as they are).
     */
    CompletableFuture<RequestOutcome> authSpec(String identifier, String credentialName, String instanceId,
            ObjectNode values, ObjectNode extra, Duration timeout) {
        PluginEntry entry = requireEntry(identifier);
        CredentialDefinition credential = requireCredential(entry, credentialName);
        ObjectNode credentialValues;
        if (instanceId != null) {
            CredentialInstance instance = requireInstance(instanceId);
            checkBelongs(instance, entry.definition().name(), credential.name(), "instance_id");
            credentialValues = instance.values();
        } else if (values != null) {
            credentialValues = values.deepCopy();
        } else {
            throw DevHubException.badRequest("give either instance_id (a stored credential instance) or credential"
                    + " (the values, as an object)");
        }
        ObjectNode body = Json.object();
        body.put("credential_name", credential.name());
        body.set("credential", credentialValues);
        body.set("extra", extra == null ? Json.object() : extra.deepCopy());
        return broker.send(entry, "credential_auth_spec", body, timeoutOr(timeout));
    }

    /** Applies {@code param → instance id} bindings to a copy of the parameters. */
    private static ObjectNode prepareParameters(ToolDefinition tool, ObjectNode parameters,
            Map<String, String> bindings) {
        ObjectNode params = parameters == null ? Json.object() : parameters.deepCopy();
        if (bindings != null) {
            for (Map.Entry<String, String> binding : bindings.entrySet()) {
                Property property = find(tool.parameters(), binding.getKey());
                if (!(property instanceof CredentialIdProperty)) {
                    throw DevHubException.badRequest("credentials." + binding.getKey() + ": tool " + tool.name()
                            + " has no credential_id parameter \"" + binding.getKey() + "\"");
                }
                params.put(binding.getKey(), binding.getValue());
            }
        }
        return params;
    }

    /**
     * The request's {@code credentials} map: every instance id found in a {@code credential_id} parameter (at any
     * depth, per the tool's definition) → that instance's decrypted values.
     */
    private ObjectNode resolveCredentials(PluginEntry entry, ToolDefinition tool, ObjectNode parameters) {
        List<String[]> references = new ArrayList<>();
        collectCredentialIds(tool.parameters(), parameters, "", references);
        ObjectNode map = Json.object();
        for (String[] reference : references) {
            String path = reference[0];
            String id = reference[1];
            String credentialName = reference[2];
            CredentialInstance instance = credentials.get(id);
            if (instance == null) {
                throw DevHubException.notFound("devhub:unknown_credential_instance", "parameter " + path
                        + " refers to credential instance \"" + id + "\", which does not exist");
            }
            checkBelongs(instance, entry.definition().name(), credentialName, "parameter " + path);
            map.set(id, instance.values());
        }
        return map;
    }

    private static void collectCredentialIds(List<Property> properties, JsonNode values, String prefix,
            List<String[]> out) {
        if (!(values instanceof ObjectNode)) {
            return;
        }
        for (Property property : properties) {
            String name = property.name();
            JsonNode value = name == null ? null : values.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            collect(property, value, path, out);
        }
    }

    private static void collect(Property property, JsonNode value, String path, List<String[]> out) {
        if (property instanceof CredentialIdProperty) {
            if (value.isTextual() && !value.textValue().isEmpty()) {
                out.add(new String[] {path, value.textValue(), ((CredentialIdProperty) property).credentialName()});
            }
        } else if (property instanceof ObjectProperty) {
            List<Property> nested = ((ObjectProperty) property).properties();
            if (nested != null) {
                collectCredentialIds(nested, value, path, out);
            }
        } else if (property instanceof ArrayProperty && value.isArray()) {
            Property items = ((ArrayProperty) property).items();
            if (items != null) {
                for (int i = 0; i < value.size(); i++) {
                    collect(items, value.get(i), path + "[" + i + "]", out);
                }
            }
        }
    }

    private static void checkBelongs(CredentialInstance instance, String plugin, String credentialName, String where) {
        if (!instance.plugin().equals(plugin)
                || (credentialName != null && !instance.credential().equals(credentialName))) {
            throw new DevHubException(400, "devhub:credential_mismatch", where + ": credential instance "
                    + instance.id() + " holds " + instance.plugin() + "/" + instance.credential() + ", but "
                    + plugin + "/" + credentialName + " is expected");
        }
    }

    // ---- credential instances -----------------------------------------------------------------------------------

    ObjectNode createCredential(String plugin, String credentialName, String name, ObjectNode values) {
        requireText(plugin, "plugin");
        requireText(credentialName, "credential");
        PluginEntry entry = catalogue.forPluginName(plugin);
        if (entry == null) {
            throw DevHubException.notFound("devhub:unknown_plugin", "no definition of plugin \"" + plugin
                    + "\" is known; start the plugin (or register its release) first, so its credentials are known");
        }
        CredentialDefinition credential = requireCredential(entry, credentialName);
        ObjectNode checked = CredentialValues.validate(credential, values == null ? Json.object() : values);
        CredentialInstance instance = credentials.create(plugin, credential.name(), name, checked);
        log.info("Created credential instance {} ({}/{})", instance.id(), plugin, credential.name());
        return credentialJson(instance);
    }

    /**
     * Updates the name and/or values. In {@code values}, {@value Secrets#MASK} keeps the stored value (so a form can
     * send back what it was shown), {@code null} removes the value, anything else replaces it.
     */
    ObjectNode updateCredential(String id, String name, ObjectNode values) {
        CredentialInstance instance = requireInstance(id);
        ObjectNode merged = instance.values().deepCopy();
        if (values != null) {
            for (Map.Entry<String, JsonNode> field : values.properties()) {
                if (field.getValue().isNull()) {
                    merged.remove(field.getKey());
                } else if (!Secrets.MASK.equals(field.getValue().asText(null))) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
        }
        CredentialDefinition definition = credentialDefinition(instance);
        ObjectNode checked = definition == null ? merged : CredentialValues.validate(definition, merged);
        return credentialJson(credentials.replace(id, name, checked));
    }

    List<ObjectNode> listCredentials(String plugin, String credentialName) {
        List<ObjectNode> list = new ArrayList<>();
        credentials.list(plugin, credentialName).forEach(instance -> list.add(credentialJson(instance)));
        return list;
    }

    ObjectNode credential(String id) {
        return credentialJson(requireInstance(id));
    }

    void deleteCredential(String id) {
        if (!credentials.delete(id)) {
            throw unknownInstance(id);
        }
        log.info("Deleted credential instance {}", id);
    }

    private CredentialInstance requireInstance(String id) {
        CredentialInstance instance = credentials.get(id);
        if (instance == null) {
            throw unknownInstance(id);
        }
        return instance;
    }

    private static DevHubException unknownInstance(String id) {
        return DevHubException.notFound("devhub:unknown_credential_instance", "no credential instance \"" + id + "\"");
    }

    private CredentialDefinition credentialDefinition(CredentialInstance instance) {
        PluginEntry entry = catalogue.forPluginName(instance.plugin());
        return entry == null ? null : entry.credential(instance.credential());
    }

    /** An instance as every API shows it: values masked. */
    ObjectNode credentialJson(CredentialInstance instance) {
        CredentialDefinition definition = credentialDefinition(instance);
        ObjectNode json = Json.object();
        json.put("id", instance.id());
        json.put("plugin", instance.plugin());
        json.put("credential", instance.credential());
        json.put("name", instance.name());
        json.put("oauth2", definition != null && definition.isOAuth2());
        json.set("values", Secrets.maskCredentialValues(definition, instance.values()));
        if (definition != null && definition.isOAuth2()) {
            JsonNode token = instance.values().get("access_token");
            json.put("authorized", token != null && !token.isNull() && !token.asText().isEmpty());
            JsonNode expires = instance.values().get("expires_at");
            json.set("expires_at", expires == null ? null : expires.deepCopy());
        }
        json.put("created_at", instance.createdAt().toString());
        json.put("updated_at", instance.updatedAt().toString());
        return json;
    }

    static ArrayNode toArray(List<ObjectNode> nodes) {
        ArrayNode array = Json.array();
        nodes.forEach(array::add);
        return array;
    }

    // ---- OAuth2 authorization code flow -------------------------------------------------------------------------

    /** Step 1: the plugin builds the authorization URL; outcome data is {@code {url, state, redirect_uri}}. */
    CompletableFuture<RequestOutcome> oauth2Authorize(String instanceId, Duration timeout) {
        CredentialInstance instance = requireInstance(instanceId);
        PluginEntry entry = oauth2Entry(instance);
        String state = randomState();
        String redirectUri = baseUrl.get() + OAUTH2_CALLBACK_PATH;
        ObjectNode body = Json.object();
        body.put("credential_name", instance.credential());
        body.set("credential", instance.values());
        body.put("redirect_uri", redirectUri);
        body.put("state", state);
        return broker.send(entry, "oauth2_build_authorize_url", body, timeoutOr(timeout)).thenApply(outcome -> {
            if (!outcome.ok()) {
                return outcome;
            }
            String url = Json.text(outcome.data(), "url");
            if (url == null) {
                return failed(outcome, "devhub:invalid_plugin_response",
                        "oauth2_build_authorize_url_response must carry data.url (a string)");
            }
            purgeExpiredAuthorizations();
            authorizations.put(state, new PendingAuthorization(instance.id(), redirectUri,
                    Instant.now().plus(OAUTH2_STATE_LIFETIME)));
            ObjectNode data = Json.object().put("url", url).put("state", state).put("redirect_uri", redirectUri);
            return new RequestOutcome(true, data, null, outcome.elapsedMs(), outcome.requestId(), outcome.event(),
                    outcome.instance());
        });
    }

    /** Step 2, {@code GET /oauth2/callback}: exchange the code through the plugin and store its patch. */
    CompletableFuture<CallbackResult> oauth2Callback(String code, String state, String providerError,
            String providerErrorDescription) {
        PendingAuthorization pending = state == null ? null : authorizations.remove(state);
        if (pending == null || pending.expires().isBefore(Instant.now())) {
            return CompletableFuture.completedFuture(new CallbackResult(400, false,
                    "Unknown or expired OAuth2 state. Start the authorization again from the dev hub.", null,
                    RequestOutcome.hubError("devhub:unknown_oauth2_state", "unknown or expired state")));
        }
        if (providerError != null) {
            String message = "The provider refused the authorization: " + providerError
                    + (providerErrorDescription == null ? "" : " (" + providerErrorDescription + ")");
            return CompletableFuture.completedFuture(new CallbackResult(400, false, message, null,
                    RequestOutcome.hubError("devhub:oauth2_denied", message)));
        }
        if (code == null || code.isEmpty()) {
            return CompletableFuture.completedFuture(new CallbackResult(400, false,
                    "The callback has no code parameter.", null,
                    RequestOutcome.hubError("devhub:invalid_request", "the callback has no code parameter")));
        }
        CredentialInstance instance;
        PluginEntry entry;
        try {
            instance = requireInstance(pending.instanceId());
            entry = oauth2Entry(instance);
        } catch (DevHubException e) {
            return CompletableFuture.completedFuture(new CallbackResult(e.status(), false, e.getMessage(), null,
                    RequestOutcome.hubError(e.code(), e.getMessage())));
        }
        ObjectNode body = Json.object();
        body.put("credential_name", instance.credential());
        body.set("credential", instance.values());
        body.put("code", code);
        body.put("redirect_uri", pending.redirectUri());
        CompletableFuture<RequestOutcome> sent;
        try {
            sent = broker.send(entry, "oauth2_get_token", body, defaultTimeout);
        } catch (DevHubException e) {
            return CompletableFuture.completedFuture(new CallbackResult(e.status(), false, e.getMessage(), null,
                    RequestOutcome.hubError(e.code(), e.getMessage())));
        }
        return sent.thenApply(outcome -> {
            RequestOutcome stored = storePatch(instance.id(), outcome);
            if (!stored.ok()) {
                return new CallbackResult(502, false, "The plugin could not exchange the code: "
                        + describe(stored.error()), null, stored.error());
            }
            return new CallbackResult(200, true, "Credential \"" + instance.name() + "\" (" + instance.plugin() + "/"
                    + instance.credential() + ") is authorized. You can close this window.",
                    (ObjectNode) stored.data().get("instance"), null);
        });
    }

    /** {@code oauth2_refresh_token} with the stored values; the patch is stored. Data: {@code {instance, patched}}. */
    CompletableFuture<RequestOutcome> oauth2Refresh(String instanceId, Duration timeout) {
        CredentialInstance instance = requireInstance(instanceId);
        PluginEntry entry = oauth2Entry(instance);
        ObjectNode body = Json.object();
        body.put("credential_name", instance.credential());
        body.set("credential", instance.values());
        return broker.send(entry, "oauth2_refresh_token", body, timeoutOr(timeout))
                .thenApply(outcome -> storePatch(instance.id(), outcome));
    }

    /** Merges {@code data.parameters_patch} into the instance; the outcome's data becomes the masked instance. */
    private RequestOutcome storePatch(String instanceId, RequestOutcome outcome) {
        if (!outcome.ok()) {
            return outcome;
        }
        JsonNode patch = outcome.data() == null ? null : outcome.data().get("parameters_patch");
        if (!(patch instanceof ObjectNode)) {
            return failed(outcome, "devhub:invalid_plugin_response",
                    outcome.event() + "_response must carry data.parameters_patch (an object)");
        }
        CredentialInstance updated = credentials.merge(instanceId, (ObjectNode) patch);
        if (updated == null) {
            return failed(outcome, "devhub:unknown_credential_instance",
                    "credential instance " + instanceId + " was deleted before the token arrived");
        }
        log.info("Stored {} from {} into credential instance {}", fieldNames(patch), outcome.event(), instanceId);
        ObjectNode data = Json.object();
        data.set("instance", credentialJson(updated));
        ArrayNode patched = data.putArray("patched");
        patch.fieldNames().forEachRemaining(patched::add);
        return new RequestOutcome(true, data, null, outcome.elapsedMs(), outcome.requestId(), outcome.event(),
                outcome.instance());
    }

    private PluginEntry oauth2Entry(CredentialInstance instance) {
        PluginEntry entry = catalogue.forPluginName(instance.plugin());
        if (entry == null) {
            throw DevHubException.notFound("devhub:unknown_plugin", "plugin " + instance.plugin()
                    + " of credential instance " + instance.id() + " is not known; start it first");
        }
        CredentialDefinition credential = requireCredential(entry, instance.credential());
        if (!credential.isOAuth2()) {
            throw DevHubException.badRequest("credential " + instance.plugin() + "/" + credential.name()
                    + " is not an OAuth2 credential (no \"oauth2\": true)");
        }
        return entry;
    }

    private void purgeExpiredAuthorizations() {
        Instant now = Instant.now();
        authorizations.values().removeIf(pending -> pending.expires().isBefore(now));
    }

    private String randomState() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Duration timeoutOr(Duration timeout) {
        return timeout == null ? defaultTimeout : timeout;
    }

    private static RequestOutcome failed(RequestOutcome outcome, String code, String message) {
        return new RequestOutcome(false, null, RequestOutcome.hubError(code, message), outcome.elapsedMs(),
                outcome.requestId(), outcome.event(), outcome.instance());
    }

    private static void requireText(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw DevHubException.badRequest("\"" + member + "\" is required (a non-empty string)");
        }
    }

    private static String describe(JsonNode error) {
        if (error == null) {
            return "no details";
        }
        String message = Json.text(error, "message");
        String code = Json.text(error, "code");
        return message == null ? Json.write(error) : (code == null ? "" : code + ": ") + message;
    }

    private static String fieldNames(JsonNode patch) {
        List<String> names = new ArrayList<>();
        patch.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static Property find(List<Property> properties, String name) {
        for (Property property : properties) {
            if (name.equals(property.name())) {
                return property;
            }
        }
        return null;
    }
}
