package dev.atomemo4j.core.hooks;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import java.util.Optional;

/**
 * The secret values of a plugin's validated config (its {@code Secret} components and components flagged secret),
 * so a hook's failure message that happens to quote one is masked before it reaches a log or the caller.
 */
final class PluginSecrets {
  private PluginSecrets() {}

  static Secrets of(PluginInstance instance) {
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
   * A plugin's message made safe to show: secrets masked, control characters (line breaks included) turned into
   * spaces, at most {@code max} characters.
   */
  static String clean(String message, Secrets secrets, int max) {
    String scrubbed = secrets.scrub(message);
    StringBuilder out = new StringBuilder(Math.min(scrubbed.length(), max + 1));
    for (int i = 0; i < scrubbed.length() && out.length() < max; i++) {
      char c = scrubbed.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (out.length() < scrubbed.length()) {
      if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
        // Cut inside a pair: half a character would be invalid text in a JSON error.
        out.setLength(out.length() - 1);
      }
      out.append('…');
    }
    return out.toString().strip();
  }
}
