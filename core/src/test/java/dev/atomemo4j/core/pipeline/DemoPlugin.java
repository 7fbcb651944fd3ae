package dev.atomemo4j.core.pipeline;

import dev.atomemo4j.runtime.AuthSpec;
import dev.atomemo4j.runtime.CredentialRequest;
import dev.atomemo4j.runtime.LocatorPage;
import dev.atomemo4j.runtime.LocatorRequest;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin descriptor written the way the processor generates one (lambdas, no reflection), to run the pipeline
 * without any front end: tool {@code greet(name, token?)} returning a {@link Greeting}, with a locator list
 * {@code names}; credential {@code api} with {@code authenticate}, credential {@code plain} without.
 */
final class DemoPlugin {
  private DemoPlugin() {}

  record Greeting(String text, String requestId) {}

  record ApiCredential(Secret apiKey) {}

  static final Shape.Obj GREET_INPUT = new Shape.Obj("params",
      List.of(new Shape.Field("name", new Shape.Str(1, 20, null), true, false, null),
          new Shape.Field("token", new Shape.Opt(Shape.SecretStr.INSTANCE, Optional::ofNullable,
              o -> ((Optional<?>) o).orElse(null)), false, false, Optional.empty())),
      a -> a, null);

  static final Shape.Obj GREETING = new Shape.Obj("Greeting",
      List.of(new Shape.Field("text", Shape.Str.ANY, true, false, null),
          new Shape.Field("request_id", Shape.Str.ANY, true, false, null)),
      a -> new Greeting((String) a[0], (String) a[1]),
      o -> new Object[] {((Greeting) o).text(), ((Greeting) o).requestId()});

  static final Shape.Obj API_VALUES = new Shape.Obj("ApiCredential",
      List.of(new Shape.Field("api_key", Shape.SecretStr.INSTANCE, true, false, null)),
      a -> new ApiCredential((Secret) a[0]),
      o -> new Object[] {((ApiCredential) o).apiKey()});

  static final ToolBinding GREET = new ToolBinding("greet", GREET_INPUT, GREETING, null,
      (input, context) -> new Greeting("hello " + ((Object[]) input)[0], context.requestId()),
      Map.of("names", request -> new LocatorPage(List.of(
          new LocatorPage.Item("Ada", "ada", null),
          new LocatorPage.Item(((LocatorRequest) request).filter().orElse("none"), "filter", null)), null)),
      Map.of(), "schemas/greet.json");

  static final CredentialBinding API = new CredentialBinding("api", API_VALUES,
      (credential, request) -> AuthSpec.of("openai", ((ApiCredential) credential).apiKey())
          .withModel(((CredentialRequest) request).model().orElse(null)),
      null, null, null);

  static final CredentialBinding PLAIN = new CredentialBinding("plain", API_VALUES, null, null, null, null);

  static PluginDescriptor descriptor() {
    return new PluginDescriptor("demo", "1.0.0", "definition.json", DemoPlugin.class, List.of(GREET),
        List.of(API, PLAIN));
  }
}
