package dev.atomemo4j.core.lifecycle;

import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import java.util.Optional;

/**
 * The secret values of a plugin's validated config ({@code Secret} components and components flagged secret), and
 * the one way a plugin's own message (a hook failure, a route that failed to wire, a driver error quoting a URL with
 * a password) is made safe before it reaches a log, an error payload or the caller. Hooks, routes and datasource
 * queries all go through here, so the rule cannot drift between them.
 */
public final class ConfigSecrets {
  private ConfigSecrets() {}

  /** The secrets of {@code instance}'s config; {@link Secrets#NONE} when it has no config. */
  public static Secrets of(PluginInstance instance) {
    ConfigBinding binding = instance.descriptor().atlas().config();
    Object config = instance.config();
    if (binding == null || config == null) {
      return Secrets.NONE;
    }
    Secrets.Builder out = Secrets.builder();
    for (ConfigBinding.Component component : binding.components()) {
      Object value = component.accessor().apply(config);
      if (value instanceof Optional<?> optional) {
        value = optional.orElse(null);
      }
      if (value instanceof Secret secret) {
        out.value(secret.reveal());
      } else if (component.secret() && value instanceof String text) {
        out.value(text);
      }
    }
    return out.build();
  }

  /**
   * {@code message} with the secrets masked and control characters (line breaks included) turned into spaces, so a
   * failure is one log line; null reads as empty.
   */
  public static String clean(String message, Secrets secrets) {
    return clean(message, secrets, Integer.MAX_VALUE);
  }

  /**
   * As {@link #clean(String, Secrets)}, and at most {@code max} characters (an ellipsis marks a cut). Secrets are
   * masked before the cap counts, so a cut can never leave half a secret showing.
   */
  public static String clean(String message, Secrets secrets, int max) {
    String scrubbed = message == null ? "" : secrets.scrub(message);
    StringBuilder out = new StringBuilder(Math.min(scrubbed.length(), max));
    for (int i = 0; i < scrubbed.length() && out.length() < max; i++) {
      char c = scrubbed.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (out.length() < scrubbed.length()) {
      if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
        // Cut inside a pair: half a character would be invalid text in a JSON error.
        out.setLength(out.length() - 1);
      }
      out.append('…');
    }
    return out.toString().strip();
  }
}
