package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers {@code oauth2_refresh_token}: an instance method of an OAuth2 {@link Credential} record, with no
 * parameter or an {@code OAuth2RefreshRequest}, returning the {@code TokenPatch} to merge into the stored values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OAuth2RefreshToken {}
