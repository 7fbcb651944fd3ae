package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers {@code credential_auth_spec}: an instance method of the {@link Credential} record returning the
 * auth spec (an {@code AuthSpec}, a {@code Map} or any JSON-mappable value). It may take a {@code CredentialRequest}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Authenticate {}
