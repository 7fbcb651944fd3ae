package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Plugin definitions for the tests, written the way a runtime sends them in register_plugin. */
final class TestDefinitions {
    static final String PLUGIN = "acme-echo";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestDefinitions() {}

    /**
     * {@code acme-echo} 1.0.0: tools {@code echo-text} (a string), {@code call-api} (a credential_id of
     * {@code acme-key} and an encrypted_string), {@code pick-item} (a resource locator and mapper); credentials
     * {@code acme-key} (api_key secret, region with an enum and a default) and {@code acme-oauth} (OAuth2).
     */
    static ObjectNode acmeEcho() {
        return parse("""
            {
              "name": "acme-echo",
              "display_name": {"en_US": "Echo"},
              "description": {"en_US": "Echoes text back."},
              "icon": "🔁",
              "lang": "typescript",
              "locales": ["en-US"],
              "author": "Jane Doe",
              "email": "jane@example.com",
              "version": "1.0.0",
              "credentials": [
                {
                  "name": "acme-key",
                  "display_name": {"en_US": "Acme key"},
                  "description": {"en_US": "An API key."},
                  "icon": "🔑",
                  "parameters": [
                    {"name": "api_key", "required": true, "type": "encrypted_string"},
                    {"name": "region", "required": false, "type": "string", "default": "eu", "enum": ["eu", "us"]},
                    {"name": "retries", "required": false, "type": "integer"}
                  ]
                },
                {
                  "name": "acme-oauth",
                  "display_name": {"en_US": "Acme OAuth"},
                  "description": {"en_US": "OAuth2 access."},
                  "icon": "🔐",
                  "oauth2": true,
                  "oauth2_grant_type": "authorization_code",
                  "parameters": [
                    {"name": "client_id", "required": true, "type": "string"},
                    {"name": "client_secret", "required": true, "type": "encrypted_string"},
                    {"name": "access_token", "required": false, "type": "encrypted_string"},
                    {"name": "refresh_token", "required": false, "type": "encrypted_string"},
                    {"name": "expires_at", "required": false, "type": "integer"}
                  ]
                }
              ],
              "models": [],
              "tools": [
                {
                  "name": "echo-text",
                  "display_name": {"en_US": "Echo text"},
                  "description": {"en_US": "Returns the input text."},
                  "icon": "🔁",
                  "parameters": [
                    {"name": "text", "required": true, "type": "string"}
                  ]
                },
                {
                  "name": "call-api",
                  "display_name": {"en_US": "Call API"},
                  "description": {"en_US": "Calls the Acme API."},
                  "icon": "📡",
                  "parameters": [
                    {"name": "acme_credential", "required": true, "type": "credential_id", "credential_name": "acme-key"},
                    {"name": "token", "required": false, "type": "encrypted_string"},
                    {"name": "query", "required": false, "type": "string"}
                  ]
                },
                {
                  "name": "pick-item",
                  "display_name": {"en_US": "Pick item"},
                  "description": {"en_US": "Picks an item."},
                  "icon": "📋",
                  "parameters": [
                    {"name": "item", "required": true, "type": "resource_locator",
                     "modes": [{"type": "list", "search_list_method": "list_items", "searchable": true}]},
                    {"name": "fields", "required": false, "type": "resource_mapper", "mapping_method": "item_fields"}
                  ]
                }
              ]
            }
            """);
    }

    /** Breaks two rules: the tool name is too short and a credential_id names no credential. */
    static ObjectNode invalid() {
        ObjectNode definition = acmeEcho();
        ((ObjectNode) definition.get("tools").get(0)).put("name", "x");
        ((ObjectNode) definition.get("tools").get(1).get("parameters").get(0))
                .put("credential_name", "no-such-credential");
        return definition;
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
