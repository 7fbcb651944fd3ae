package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The custom validator of a {@link Datasource} whose query language is not SQL (SOQL, a JSON query DSL, …).
 * Signature: {@code public ValidationResult validate(String query)} on the {@link Plugin} class; at most one.
 *
 * <p>It <b>replaces</b> the host's SQL steps (regex guard, parse, table whitelist, automatic row limit), exactly as
 * Atlas's {@code validate}: the host calls it on every query and again on every {@code beforeQuery} rewrite, and
 * the hooks still run. The reason of an invalid result is shown to the user, so keep secrets out of it. Hence
 * {@code forbiddenPatterns} together with it is a compile error, and {@code parserDialect} is ignored.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Validate {}
