package dev.atomemo4j.core.tools;

/**
 * A tool parameter that names a credential instance: the front end fills it from its own configuration, a model or
 * client never sees it in the input schema.
 *
 * @param parameter the parameter's name in the tool's input
 * @param credential the credential it refers to
 * @param required whether the tool cannot run without it
 */
public record CredentialParameter(String parameter, String credential, boolean required) {}
