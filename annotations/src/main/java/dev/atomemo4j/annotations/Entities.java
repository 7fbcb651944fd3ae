package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The semantic-layer entities of a {@link Datasource} ({@code Entity(name, yaml)}, Atlas {@code entities}), in one
 * of two forms, at most one per plugin:
 *
 * <ul>
 *   <li>a factory: {@code public List<Entity> entities()} on the {@link Plugin} class, called once when the host
 *       wires the datasource (after {@code @Initialize}, so it can read the config or the database);
 *   <li>a static list: a {@code public static final List<Entity>} field of the {@link Plugin} class.
 * </ul>
 *
 * <p>The entities are the datasource's table whitelist: a query may read only the tables they name (an entity's
 * {@code table:} key in its YAML, else its name). A SQL datasource without entities has no whitelist.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface Entities {}
