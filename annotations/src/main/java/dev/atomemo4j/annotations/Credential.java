package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A credential: a record whose components are the values a user stores (scalar types only; {@code Secret} for an
 * {@code encrypted_string}). A tool receives it typed, through a parameter of the record's type (written as a
 * {@code credential_id} property).
 *
 * <p>Optional methods on the record: {@link Authenticate} (the auth spec for the Hub's model calls) and, with
 * {@code oauth2 = true}, {@link OAuth2AuthorizeUrl}, {@link OAuth2GetToken} and {@link OAuth2RefreshToken}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Credential {
  String name();

  String displayName();

  String description();

  String icon() default "";

  /** An OAuth2 credential: needs client_id, client_secret, access_token, refresh_token and expires_at. */
  boolean oauth2() default false;

  /** authorization_code or client_credentials; empty to omit (the Hub assumes authorization_code). */
  String grantType() default "";
}
