package dev.atomemo4j.core.routes;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import java.util.Optional;

/**
 * The secret values of a plugin's validated config ({@code Secret} components, components flagged secret), so that a
 * route failure whose message quotes one (a signing key, a token) is masked before it is logged. The same rule as
 * the hook dispatcher's, for the HTTP path.
 */
public final class ConfigSecrets {
  private ConfigSecrets() {}

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

  /** {@code message} with the secrets masked and line breaks flattened (one log line per failure). */
  public static String clean(String message, Secrets secrets) {
    String text = message == null ? "" : secrets.scrub(message);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }
}
