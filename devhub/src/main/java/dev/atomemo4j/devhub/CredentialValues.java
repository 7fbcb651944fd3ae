package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.CredentialDefinition;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.io.JsonTrees;
import dev.atomemo4j.model.property.BooleanProperty;
import dev.atomemo4j.model.property.EncryptedStringProperty;
import dev.atomemo4j.model.property.NumberProperty;
import dev.atomemo4j.model.property.Property;
import dev.atomemo4j.model.property.StringProperty;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks credential values against the credential's declared parameters (scalars only, definition-format.md §4):
 * no undeclared members, required ones present and non-empty, JSON types matching (string and
 * {@code encrypted_string} → string, {@code number} → number, {@code integer} → integral number, {@code boolean} →
 * boolean), and {@code enum}, length and range bounds. Missing values with a {@code default} get it.
 *
 * <p>For an OAuth2 credential, {@code access_token}, {@code refresh_token} and {@code expires_at} are never required:
 * the authorization flow fills them in.
 */
final class CredentialValues {
    private static final Set<String> OAUTH2_FLOW_PARAMETERS = Set.of("access_token", "refresh_token", "expires_at");

    private CredentialValues() {}

    /**
     * Returns the values with defaults applied.
     *
     * @throws DevHubException {@code 400 devhub:invalid_credential_values} listing every problem in its details
     */
    static ObjectNode validate(CredentialDefinition definition, ObjectNode values) {
        ArrayNode problems = Json.array();
        ObjectNode result = values.deepCopy();
        Iterator<String> names = values.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (find(definition.parameters(), name) == null) {
                problems.addObject().put("parameter", name)
                        .put("message", "credential " + definition.name() + " has no parameter \"" + name + "\"");
            }
        }
        for (Property parameter : definition.parameters()) {
            String name = parameter.name();
            JsonNode value = result.get(name);
            if (value == null || value.isNull()) {
                JsonValue fallback = defaultOf(parameter);
                if (fallback != null) {
                    result.set(name, JsonTrees.toJackson(fallback));
                    continue;
                }
                boolean flowFilled = definition.isOAuth2() && OAUTH2_FLOW_PARAMETERS.contains(name);
                if (parameter.common() != null && parameter.common().isRequired() && !flowFilled) {
                    problems.addObject().put("parameter", name).put("message", "\"" + name + "\" is required");
                }
                continue;
            }
            String problem = check(parameter, value);
            if (problem != null) {
                problems.addObject().put("parameter", name).put("message", problem);
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("invalid values for credential ").append(definition.name())
                    .append(": ");
            for (int i = 0; i < problems.size(); i++) {
                message.append(i == 0 ? "" : "; ").append(problems.get(i).path("message").asText());
            }
            throw new DevHubException(400, "devhub:invalid_credential_values", message.toString(), problems);
        }
        return result;
    }

    private static String check(Property parameter, JsonNode value) {
        String name = parameter.name();
        if (parameter instanceof StringProperty || parameter instanceof EncryptedStringProperty) {
            if (!value.isTextual()) {
                return "\"" + name + "\" must be a string, got " + kind(value);
            }
            if (value.textValue().isEmpty() && parameter.common() != null && parameter.common().isRequired()) {
                return "\"" + name + "\" is required and must not be empty";
            }
            if (parameter instanceof StringProperty) {
                StringProperty string = (StringProperty) parameter;
                int length = value.textValue().codePointCount(0, value.textValue().length());
                if (string.minLength() != null && length < string.minLength()) {
                    return "\"" + name + "\" must have at least " + string.minLength().intValue() + " characters";
                }
                if (string.maxLength() != null && length > string.maxLength()) {
                    return "\"" + name + "\" must have at most " + string.maxLength().intValue() + " characters";
                }
                return checkEnum(name, string.enumValues(), value);
            }
            return null;
        }
        if (parameter instanceof NumberProperty) {
            NumberProperty number = (NumberProperty) parameter;
            if (!value.isNumber()) {
                return "\"" + name + "\" must be a" + (number.integer() ? "n integer" : " number") + ", got "
                        + kind(value);
            }
            if (number.integer() && !(value.isIntegralNumber() || value.decimalValue().stripTrailingZeros().scale() <= 0)) {
                return "\"" + name + "\" must be an integer, got " + value;
            }
            if (number.minimum() != null && value.doubleValue() < number.minimum()) {
                return "\"" + name + "\" must be at least " + JsonTrees.toJackson(JsonValue.of(number.minimum()));
            }
            if (number.maximum() != null && value.doubleValue() > number.maximum()) {
                return "\"" + name + "\" must be at most " + JsonTrees.toJackson(JsonValue.of(number.maximum()));
            }
            return checkEnum(name, number.enumValues(), value);
        }
        if (parameter instanceof BooleanProperty) {
            if (!value.isBoolean()) {
                return "\"" + name + "\" must be a boolean, got " + kind(value);
            }
            return checkEnum(name, ((BooleanProperty) parameter).enumValues(), value);
        }
        // The validator allows only scalar credential parameters; anything else is accepted as given.
        return null;
    }

    private static String checkEnum(String name, List<JsonValue> allowed, JsonNode value) {
        if (allowed == null || allowed.isEmpty()) {
            return null;
        }
        for (JsonValue candidate : allowed) {
            if (sameValue(JsonTrees.toJackson(candidate), value)) {
                return null;
            }
        }
        ArrayNode list = Json.array();
        allowed.forEach(candidate -> list.add(JsonTrees.toJackson(candidate)));
        return "\"" + name + "\" must be one of " + list;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static JsonValue defaultOf(Property parameter) {
        if (parameter instanceof StringProperty) {
            return ((StringProperty) parameter).defaultValue();
        }
        if (parameter instanceof NumberProperty) {
            return ((NumberProperty) parameter).defaultValue();
        }
        if (parameter instanceof BooleanProperty) {
            return ((BooleanProperty) parameter).defaultValue();
        }
        return null;
    }

    private static Property find(List<Property> parameters, String name) {
        for (Property parameter : parameters) {
            if (name.equals(parameter.name())) {
                return parameter;
            }
        }
        return null;
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
