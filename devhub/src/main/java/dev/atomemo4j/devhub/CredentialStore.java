package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Credential instances, kept in {@code <data>/credentials.json}: {@code {"version":1,"instances":[…]}}. Every change
 * rewrites the file atomically (temp file + rename), readable by its owner only. Values are stored in clear: this is
 * a development store on the developer's own machine; nothing ever shows them unmasked.
 */
final class CredentialStore {
    private final Path file;
    /** Guarded by this; insertion order = creation order. */
    private final Map<String, CredentialInstance> instances = new LinkedHashMap<>();

    private CredentialStore(Path file) {
        this.file = file;
    }

    /** Loads the file if it exists. A file that cannot be read stops the dev hub rather than being overwritten. */
    static CredentialStore open(Path file) throws IOException {
        CredentialStore store = new CredentialStore(file);
        if (Files.exists(file)) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw new IOException("cannot read the credential store " + file + " (" + e.getMessage()
                        + "); fix or remove the file", e);
            }
            for (JsonNode item : root.path("instances")) {
                ObjectNode values = item.get("values") instanceof ObjectNode
                        ? (ObjectNode) item.get("values") : Json.object();
                CredentialInstance instance = new CredentialInstance(Json.text(item, "id"), Json.text(item, "plugin"),
                        Json.text(item, "credential"), Json.text(item, "name"), values,
                        instant(item, "created_at"), instant(item, "updated_at"));
                if (instance.id() != null) {
                    store.instances.put(instance.id(), instance);
                }
            }
        }
        return store;
    }

    synchronized CredentialInstance create(String plugin, String credential, String name, ObjectNode values) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        CredentialInstance instance = new CredentialInstance(id, plugin, credential,
                name == null || name.isBlank() ? credential + " " + (countOf(plugin, credential) + 1) : name,
                values.deepCopy(), now, now);
        instances.put(id, instance);
        save();
        return instance;
    }

    /** The instance with a private copy of its values, or null. */
    synchronized CredentialInstance get(String id) {
        CredentialInstance instance = instances.get(id);
        return instance == null ? null : copy(instance);
    }

    /** Instances, oldest first, optionally filtered by plugin name and credential name (null = any). */
    synchronized List<CredentialInstance> list(String plugin, String credential) {
        List<CredentialInstance> result = new ArrayList<>();
        for (CredentialInstance instance : instances.values()) {
            if ((plugin == null || plugin.equals(instance.plugin()))
                    && (credential == null || credential.equals(instance.credential()))) {
                result.add(copy(instance));
            }
        }
        return result;
    }

    synchronized CredentialInstance replace(String id, String name, ObjectNode values) {
        CredentialInstance current = instances.get(id);
        if (current == null) {
            return null;
        }
        CredentialInstance updated = current.withValues(values.deepCopy(), name == null ? current.name() : name);
        instances.put(id, updated);
        save();
        return copy(updated);
    }

    /** Merges an OAuth2 {@code parameters_patch}: members are set, {@code null} members are set to null. */
    synchronized CredentialInstance merge(String id, ObjectNode patch) {
        CredentialInstance current = instances.get(id);
        if (current == null) {
            return null;
        }
        ObjectNode values = current.values().deepCopy();
        values.setAll(patch.deepCopy());
        return replace(id, current.name(), values);
    }

    synchronized boolean delete(String id) {
        if (instances.remove(id) == null) {
            return false;
        }
        save();
        return true;
    }

    private int countOf(String plugin, String credential) {
        int count = 0;
        for (CredentialInstance instance : instances.values()) {
            if (plugin.equals(instance.plugin()) && credential.equals(instance.credential())) {
                count++;
            }
        }
        return count;
    }

    private void save() {
        ObjectNode root = Json.object();
        root.put("version", 1);
        ArrayNode list = root.putArray("instances");
        instances.values().forEach(instance -> list.add(instance.toStoredJson()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, Json.prettyBytes(root), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the credential store " + file, e);
        }
    }

    private static CredentialInstance copy(CredentialInstance instance) {
        return new CredentialInstance(instance.id(), instance.plugin(), instance.credential(), instance.name(),
                instance.values().deepCopy(), instance.createdAt(), instance.updatedAt());
    }

    private static Instant instant(JsonNode item, String member) {
        String text = Json.text(item, member);
        return text == null ? Instant.EPOCH : Instant.parse(text);
    }
}
