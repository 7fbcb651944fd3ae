package dev.atomemo4j.host.query;

import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import java.util.Optional;

/**
 * The secret values of a datasource plugin's validated config, so a driver's error that quotes one (a URL with a
 * password in it, say) is masked before it reaches a log or a query error.
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
}
