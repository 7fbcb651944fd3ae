package dev.atomemo4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.atomemo4j.core.lifecycle.ConfigInput;
import dev.atomemo4j.core.lifecycle.ConfigValidator;
import dev.atomemo4j.core.lifecycle.InvalidConfigException;
import dev.atomemo4j.core.lifecycle.PluginSpec;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import java.io.IOException;
import java.util.List;

/**
 * Checks a plugin's config the way a host does before it starts anything, without starting anything: step 1 of the
 * Atlas test pattern ("invalid config is refused, with every problem"). The problems are exactly those
 * {@code PluginHost.builder().start()} would throw in its {@code InvalidConfigException}, with the host's paths
 * ({@code plugins.<id>.config.<key>}) and codes ({@code config:not_blank}, {@code config:required}, …).
 *
 * <pre>{@code
 * assertThat(PluginConfigs.problems(CompanyGlossary.class, new GlossaryConfig(" ", "", 0)))
 *     .extracting(ConfigViolation::path, ConfigViolation::code)
 *     .containsExactly(tuple("plugins.company-glossary.config.path", "config:not_blank"), …);
 * }</pre>
 */
public final class PluginConfigs {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PluginConfigs() {}

  /**
   * The problems of a config record built in code (the builder's {@code plugin(Class, config)}); empty when valid.
   * {@code config} null means none given.
   */
  public static List<ConfigViolation> problems(Class<?> pluginClass, Object config) {
    return problems(pluginClass, ConfigInput.typed(config));
  }

  /**
   * The problems of a config written as a host file's {@code config:} block (YAML or JSON text): missing required
   * keys, unknown keys, wrong types, then every constraint; defaults apply to absent keys. Empty when valid.
   */
  public static List<ConfigViolation> problemsInYaml(Class<?> pluginClass, String yaml) {
    JsonNode node;
    try {
      node = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("not YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    return problems(pluginClass, ConfigInput.tree(node));
  }

  private static List<ConfigViolation> problems(Class<?> pluginClass, ConfigInput input) {
    PluginRegistry registry = Registries.of(pluginClass);
    try {
      ConfigValidator.validate(List.of(PluginSpec.of(registry.descriptor(), input)));
      return List.of();
    } catch (InvalidConfigException e) {
      return e.problems();
    }
  }
}
