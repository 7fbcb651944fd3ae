package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Stored values of one of a plugin's declared credentials, under an instance id: what a tool's {@code credential_id}
 * parameter points at, and what travels, decrypted, in a request's {@code credentials} map.
 *
 * @param values the plain values; never shown unmasked (see {@link Secrets#maskCredentialValues})
 */
record CredentialInstance(
        String id, String plugin, String credential, String name, ObjectNode values, Instant createdAt,
        Instant updatedAt) {

    CredentialInstance withValues(ObjectNode newValues, String newName) {
        return new CredentialInstance(id, plugin, credential, newName, newValues, createdAt, Instant.now());
    }

    ObjectNode toStoredJson() {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("plugin", plugin);
        json.put("credential", credential);
        json.put("name", name);
        json.set("values", values.deepCopy());
        json.put("created_at", createdAt.toString());
        json.put("updated_at", updatedAt.toString());
        return json;
    }
}
