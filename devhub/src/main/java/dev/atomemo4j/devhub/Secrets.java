package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.property.ArrayProperty;
import dev.atomemo4j.model.property.DiscriminatedUnionProperty;
import dev.atomemo4j.model.property.EncryptedStringProperty;
import dev.atomemo4j.model.property.ObjectProperty;
import dev.atomemo4j.model.property.Property;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masking of secrets in everything the dev hub shows: API responses, the frames log, log lines. A masked value is the
 * string {@value #MASK}; null and absent values stay as they are, so "not set" remains visible.
 */
final class Secrets {
    /** What every secret looks like in the dev hub's output. */
    static final String MASK = "••••";

    /**
     * Member names whose values are secret wherever they appear in a frame: the auth spec's {@code api_key}, OAuth2
     * tokens and client secrets, and the usual suspects.
     */
    private static final Set<String> SECRET_MEMBERS = Set.of(
            "api_key", "apikey", "x-api-key", "access_token", "refresh_token", "id_token", "client_secret",
            "password", "secret", "authorization");

    private Secrets() {}

    static boolean isSecretMemberName(String name) {
        return SECRET_MEMBERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A masked copy of a credential instance's values: {@code encrypted_string} parameters and members the
     * credential does not declare (an OAuth2 patch may add some) are masked; when the definition is unknown, all are.
     */
    static ObjectNode maskCredentialValues(CredentialDefinition definition, ObjectNode values) {
        ObjectNode masked = Json.object();
        for (Map.Entry<String, JsonNode> field : values.properties()) {
            Property declared = definition == null ? null : find(definition.parameters(), field.getKey());
            boolean secret = declared == null || declared instanceof EncryptedStringProperty;
            masked.set(field.getKey(), secret ? mask(field.getValue()) : field.getValue().deepCopy());
        }
        return masked;
    }

    /** Masks, in place, the values of {@code encrypted_string} properties anywhere in a parameters object. */
    static void maskParameters(List<Property> properties, ObjectNode parameters) {
        for (Property property : properties) {
            String name = property.name();
            if (name == null || !parameters.has(name)) {
                continue;
            }
            JsonNode value = parameters.get(name);
            if (property instanceof EncryptedStringProperty) {
                parameters.set(name, mask(value));
            } else {
                maskNested(property, value);
            }
        }
    }

    private static void maskNested(Property property, JsonNode value) {
        if (property instanceof ObjectProperty && value instanceof ObjectNode) {
            ObjectProperty object = (ObjectProperty) property;
            if (object.properties() != null) {
                maskParameters(object.properties(), (ObjectNode) value);
            }
            Property further = object.additionalProperties();
            if (further != null) {
                // A Map<String, V>: every key not declared as a property has the additional properties' shape.
                ObjectNode map = (ObjectNode) value;
                List<String> keys = new java.util.ArrayList<>();
                map.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    if (object.properties() != null && find(object.properties(), key) != null) {
                        continue;
                    }
                    if (further instanceof EncryptedStringProperty) {
                        map.set(key, mask(map.get(key)));
                    } else {
                        maskNested(further, map.get(key));
                    }
                }
            }
        } else if (property instanceof DiscriminatedUnionProperty && value instanceof ObjectNode) {
            // Mask what any variant declares secret: the discriminator may be missing or wrong in a bad request.
            List<Property> variants = ((DiscriminatedUnionProperty) property).anyOf();
            if (variants != null) {
                for (Property variant : variants) {
                    maskNested(variant, value);
                }
            }
        } else if (property instanceof ArrayProperty && value instanceof ArrayNode) {
            Property items = ((ArrayProperty) property).items();
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                if (items instanceof EncryptedStringProperty) {
                    array.set(i, mask(array.get(i)));
                } else if (items != null) {
                    maskNested(items, array.get(i));
                }
            }
        }
    }

    /** Masks, in place, every member whose name is a well-known secret name, at any depth. */
    static void maskSecretMembers(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (isSecretMemberName(field.getKey())) {
                    field.setValue(mask(field.getValue()));
                } else {
                    maskSecretMembers(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode) {
            node.forEach(Secrets::maskSecretMembers);
        }
    }

    /** A copy with every scalar leaf masked (keys and structure stay visible). */
    static JsonNode maskLeaves(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode copy = Json.object();
            node.properties().forEach(field -> copy.set(field.getKey(), maskLeaves(field.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode) {
            ArrayNode copy = Json.array();
            node.forEach(item -> copy.add(maskLeaves(item)));
            return copy;
        }
        return mask(node);
    }

    /** {@value #MASK} for a set value; null stays null. */
    static JsonNode mask(JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        return TextNode.valueOf(MASK);
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
