package dev.atomemo4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A {@code locator_list} request from the workflow designer: list resources for a locator, filtered by
 * {@code filter}, from page {@code paginationToken}; {@code parameters} are the tool parameters filled in so far.
 */
public record LocatorRequest(
    String toolName,
    String method,
    Optional<String> filter,
    Optional<String> paginationToken,
    JsonNode parameters,
    JsonNode credentials,
    Optional<String> organizationId) {}
