package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers an interaction plugin's HTTP routes. Signature: {@code public void name(Router router)} (any throws
 * clause), with {@code dev.atomemo4j.runtime.routes.Router}. Makes the plugin of type {@link PluginType#INTERACTION}.
 *
 * <p>The host calls it once, when it wires the plugin (after {@link Initialize}, so the method may use what
 * initialize set up), and mounts the routes under {@code /plugins/<id>/} on its HTTP server. A registration that
 * does not hold (a bad path, the same method and path twice) or a throw fails the plugin's wiring: it becomes
 * unhealthy and serves nothing. Default deadline 10 s.
 *
 * <pre>{@code
 * @Routes
 * public void routes(Router router) {
 *   router.post("/events", this::receive)
 *       .get("/events/{id}", request -> RouteResponse.json(events.get(request.pathParam("id"))));
 * }
 * }</pre>
 *
 * <p>On a public instance method of the {@link Plugin} class; at most one per plugin.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Routes {

  /** The deadline in milliseconds; 0 means the host's default for this kind of call. Capped by the host maximum. */
  long timeoutMs() default 0;
}
