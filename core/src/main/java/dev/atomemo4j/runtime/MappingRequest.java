package dev.atomemo4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A {@code resource_mapping} request: list the fields a resource mapper can map. */
public record MappingRequest(String toolName, String method, JsonNode parameters, JsonNode credentials,
    Optional<String> organizationId) {}
