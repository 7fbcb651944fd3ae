package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers {@code oauth2_get_token}: an instance method of an OAuth2 {@link Credential} record taking an
 * {@code OAuth2TokenRequest} (code and redirect URI) and returning the {@code TokenPatch} to merge into the stored values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OAuth2GetToken {}
