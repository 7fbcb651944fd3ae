package dev.atomemo4j.runtime.spi;

import java.util.Objects;

/**
 * One credential: the shape of its stored values (decoded into the author's record) and the callbacks the record
 * implements; a callback is null when the record does not implement it.
 */
public record CredentialBinding(
    String name,
    Shape.Obj values,
    Callback authenticate,
    Callback oauth2AuthorizeUrl,
    Callback oauth2GetToken,
    Callback oauth2RefreshToken) {

  public CredentialBinding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
  }

  /** Calls a method of the decoded credential record with the request object the runtime builds. */
  @FunctionalInterface
  public interface Callback {
    Object call(Object credential, Object request) throws Exception;
  }
}
