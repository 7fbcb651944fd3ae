package dev.atomemo4j.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.host.testplugins.HandWrittenRegistry;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A config with a nested record list, decoded from JSON: problems inside carry dotted paths and codes. */
class NestedConfigTest {
  record Server(String host, int port) {}

  record ClusterConfig(List<Server> servers) {}

  private static final Shape.Obj SERVER = new Shape.Obj("Server", List.of(
      new Shape.Field("host", Shape.Str.ANY, true, false, null),
      new Shape.Field("port", new Shape.Int(Shape.IntKind.INT, 1.0, 65535.0, null), true, false, null)),
      v -> new Server((String) v[0], (Integer) v[1]), s -> new Object[] {((Server) s).host(), ((Server) s).port()});

  @SuppressWarnings("unchecked")
  private static final ConfigBinding BINDING = new ConfigBinding(ClusterConfig.class,
      new Shape.Obj("ClusterConfig", List.of(new Shape.Field("servers",
          new Shape.Arr(SERVER, 1, null, Shape.Collection.LIST, null, null), true, false, null)),
          v -> new ClusterConfig((List<Server>) v[0]), c -> new Object[] {((ClusterConfig) c).servers()}),
      List.of(new ConfigBinding.Component("servers", false, c -> ((ClusterConfig) c).servers(), (v, out) -> {})),
      "cluster.schema.json");

  @Test
  void problemsInsideNestedValuesCarryTheirPathAndCode() throws Exception {
    PluginSpec spec = PluginSpec.of(HandWrittenRegistry.plugin("cluster").config(BINDING).descriptor(),
        ConfigInput.tree(new ObjectMapper().readTree(
            "{\"servers\": [{\"host\": \"a\", \"port\": 70000}, {\"port\": 1, \"hots\": \"b\"}]}")));
    InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
        () -> ConfigValidator.validate(List.of(spec)));
    assertThat(e.problems()).extracting(p -> p.path() + " " + p.code()).containsExactly(
        "plugins.cluster.config.servers[0].port config:invalid_value",
        "plugins.cluster.config.servers[1].host config:required",
        "plugins.cluster.config.servers[1].hots config:unknown_key");
  }
}
