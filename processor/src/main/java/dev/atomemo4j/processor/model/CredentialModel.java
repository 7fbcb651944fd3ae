package dev.atomemo4j.processor.model;

/**
 * One credential as the registry binds it: its values (the record) and which callbacks it implements. A callback
 * is null when absent; {@code withRequest} says whether the method takes the request object.
 */
public record CredentialModel(
    String name,
    TypeRef.ObjT values,
    Callback authenticate,
    Callback authorizeUrl,
    Callback getToken,
    Callback refreshToken) {

  public record Callback(String methodName, boolean withRequest) {}
}
