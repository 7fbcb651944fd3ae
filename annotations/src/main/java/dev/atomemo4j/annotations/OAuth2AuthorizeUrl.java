package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers {@code oauth2_build_authorize_url}: an instance method of an OAuth2 {@link Credential} record taking an
 * {@code OAuth2AuthorizeRequest} (redirect URI and state) and returning the authorization URL as a {@code String}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OAuth2AuthorizeUrl {}
