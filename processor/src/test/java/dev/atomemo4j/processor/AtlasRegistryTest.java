package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated Atlas registry of the fixture, loaded from the compilation and called like a host would. */
class AtlasRegistryTest {
  static Compilation compilation;
  static PluginDescriptor descriptor;
  static ClassLoader loader;

  @BeforeAll
  static void compile() throws ReflectiveOperationException {
    compilation = AtlasGoldenFilesTest.atlas();
    assertThat(compilation).succeeded();
    loader = GeneratedClasses.load(compilation);
    descriptor = ((dev.atomemo4j.runtime.spi.PluginRegistry) loader.loadClass("atlas.TicketsRegistry")
        .getConstructor().newInstance()).descriptor();
  }

  /** A TicketConfig built through the generated shape's constructor, in component order. */
  static Object config(Object... components) {
    return descriptor.atlas().config().shape().construct().apply(components);
  }

  static Object validConfig() {
    return config("https://tickets.example.com", Secret.of("k-123456"), "normal", 20,
        modeConstant("STRICT"), Optional.of("ops@example.com"), false, null, new BigDecimal("10"));
  }

  static Object modeConstant(String name) {
    try {
      Class<?> mode = loader.loadClass("atlas.TicketConfig$Mode");
      for (Object c : mode.getEnumConstants()) {
        if (((Enum<?>) c).name().equals(name)) {
          return c;
        }
      }
      throw new AssertionError(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  static List<String> violations(Object config) {
    List<String> out = new ArrayList<>();
    for (ConfigBinding.Component c : descriptor.atlas().config().components()) {
      c.check().check(c.accessor().apply(config), (code, message) -> out.add(c.key() + " " + code));
    }
    return out;
  }

  @Test
  void theDescriptorCarriesTheDeclaredTypesAndRequiredFlag() {
    AtlasBinding atlas = descriptor.atlas();

    assertThat(atlas.types()).containsExactly(PluginType.CONTEXT);
    assertThat(atlas.required()).isTrue();
    assertThat(atlas.manifestResource()).isEqualTo("META-INF/atomemo4j/tickets/manifest.json");
    assertThat(atlas.config().schemaResource()).isEqualTo("META-INF/atomemo4j/tickets/schemas/config.json");
  }

  @Test
  void aValidConfigHasNoViolations() {
    assertThat(violations(validConfig())).isEmpty();
  }

  @Test
  void everyBrokenRuleIsReportedWithItsKeyAndCode() {
    Object bad = config("   ", null, "urgent", 0, null, Optional.of("not-an-address"), true, "x".repeat(41),
        BigDecimal.ZERO);

    assertThat(violations(bad)).containsExactly("apiUrl config:not_blank", "apiUrl config:pattern",
        "apiKey config:not_blank", "defaultPriority config:option", "pageSize config:min", "mode config:required",
        "escalateTo config:email", "team config:size", "budget config:decimal_min");
  }

  @Test
  void violationMessagesQuoteTheRuleAndNeverTheValue() {
    Object bad = config("ftp://secret-host", Secret.of("k-123456"), "normal", 101, modeConstant("RELAXED"),
        Optional.empty(), false, null, BigDecimal.ONE);
    List<String> messages = new ArrayList<>();
    for (ConfigBinding.Component c : descriptor.atlas().config().components()) {
      c.check().check(c.accessor().apply(bad), (code, message) -> messages.add(message));
    }

    assertThat(messages).containsExactly("must match \"https?://.+\"", "must be less than or equal to 100");
    assertThat(String.join(" ", messages)).doesNotContain("secret-host").doesNotContain("101");
  }

  @Test
  void aSecretIsCheckedByItsTextWithoutShowingIt() {
    Object bad = config("https://t.example.com", Secret.of(" hunt "), "normal", 20, modeConstant("RELAXED"),
        Optional.empty(), false, null, BigDecimal.ONE);
    List<String> messages = new ArrayList<>();
    for (ConfigBinding.Component c : descriptor.atlas().config().components()) {
      c.check().check(c.accessor().apply(bad), (code, message) -> messages.add(c.key() + " " + code + " " + message));
    }

    assertThat(messages).containsExactly("apiKey config:size length must be at least 8");
    assertThat(violations(config("https://t.example.com", Secret.of("        "), "normal", 20,
        modeConstant("RELAXED"), Optional.empty(), false, null, BigDecimal.ONE)))
        .containsExactly("apiKey config:not_blank");
  }

  @Test
  void theSecretComponentIsMarkedSecret() {
    assertThat(descriptor.atlas().config().components().stream().filter(ConfigBinding.Component::secret)
        .map(ConfigBinding.Component::key)).containsExactly("apiKey");
  }

  @Test
  void theShapeAppliesDefaultsForAbsentKeysAndMarksOnlyTheRequiredOnes() {
    Shape.Obj shape = descriptor.atlas().config().shape();

    assertThat(shape.fields()).extracting(Shape.Field::name).containsExactly("apiUrl", "apiKey", "defaultPriority",
        "pageSize", "mode", "escalateTo", "verbose", "team", "budget");
    assertThat(shape.fields()).filteredOn(Shape.Field::required).extracting(Shape.Field::name)
        .containsExactly("apiUrl", "apiKey", "mode", "budget");
    assertThat(shape.fields().get(2).absent()).isEqualTo("normal");
    assertThat(shape.fields().get(3).absent()).isEqualTo(20);
    assertThat(shape.fields().get(5).absent()).isEqualTo(Optional.empty());
  }

  @Test
  void aDecodedConfigGetsTheDefaultsOfItsAbsentKeysAndPassesItsChecks() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"apiUrl\": \"https://t.example.com\","
        + " \"apiKey\": \"k-123456\", \"mode\": \"strict\", \"budget\": 5}");
    var decoded = dev.atomemo4j.runtime.internal.shape.ShapeDecoder.decode(descriptor.atlas().config().shape(),
        json, dev.atomemo4j.runtime.internal.shape.DecodeContext.EMPTY);
    assertThat(decoded.isOk()).as("%s", decoded.problems()).isTrue();
    Object config = decoded.value();
    List<Object> values = new ArrayList<>();
    for (ConfigBinding.Component c : descriptor.atlas().config().components()) {
      values.add(c.accessor().apply(config));
    }

    assertThat(values).containsExactly("https://t.example.com", Secret.of("k-123456"), "normal", 20,
        modeConstant("STRICT"), Optional.empty(), false, null, new BigDecimal("5"));
    assertThat(violations(config)).isEmpty();
  }

  @Test
  void decodingAConfigWithoutARequiredKeyFails() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"apiUrl\": \"https://t.example.com\","
        + " \"mode\": \"strict\", \"budget\": 5}");
    var decoded = dev.atomemo4j.runtime.internal.shape.ShapeDecoder.decode(descriptor.atlas().config().shape(),
        json, dev.atomemo4j.runtime.internal.shape.DecodeContext.EMPTY);

    assertThat(decoded.isOk()).isFalse();
    assertThat(decoded.problems()).hasSize(1);
    assertThat(decoded.problems().get(0).toString()).contains("apiKey");
  }

  @Test
  void theFactoryCallsTheConfigConstructorAndLifecycleLambdasCallTheMethods() throws Exception {
    AtlasBinding atlas = descriptor.atlas();
    Object plugin = atlas.factory().create(validConfig());

    atlas.initialize().call().initialize(plugin, null);
    atlas.healthCheck().call().check(plugin);
    String context = atlas.contextLoad().call().load(plugin);
    atlas.refresh().call().call(plugin);
    atlas.onUninstall().call().uninstall(plugin, "ws-7");
    atlas.teardown().call().call(plugin);

    assertThat(context).isEqualTo("Tickets live at https://tickets.example.com");
    assertThat(plugin.getClass().getField("calls").get(plugin)).isEqualTo(List.of("initialize:no-context",
        "healthCheck", "contextProvider", "refresh", "onUninstall:ws-7", "teardown"));
  }

  @Test
  void lifecycleMethodsCarryTheirNamesAndTimeouts() {
    AtlasBinding atlas = descriptor.atlas();

    assertThat(atlas.initialize().method()).isEqualTo("start");
    assertThat(atlas.initialize().timeout()).hasMillis(20_000);
    assertThat(atlas.healthCheck().timeout()).hasMillis(2_000);
    assertThat(atlas.teardown().timeout()).isNull();
    assertThat(atlas.contextLoad().method()).isEqualTo("context");
  }

  @Test
  void theDefinitionIsTheSameAsThatOfThePluginWithoutItsAtlasDeclarations() {
    Compilation plain = Sources.compile(List.of("-Aatomemo4j.version=1.2.3", "-Aatomemo4j.author=Jane Doe",
        "-Aatomemo4j.email=jane@example.com"), Sources.source("atlas.Tickets", "package atlas;",
        "import dev.atomemo4j.annotations.Plugin;",
        "@Plugin(name = \"tickets\", displayName = \"Tickets\", description = \"Ticket context.\", icon = \"🎫\",",
        "    tools = TicketTools.class)",
        "public final class Tickets {}"), java.util.Arrays.stream(Fixtures.sources("atlas"))
        .filter(f -> f.getName().endsWith("TicketTools.java")).findFirst().orElseThrow());
    assertThat(plain).succeeded();

    assertThat(Sources.resource(compilation, "META-INF/atomemo4j/tickets/definition.json"))
        .isEqualTo(Sources.resource(plain, "META-INF/atomemo4j/tickets/definition.json"));
    assertThat(plain.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
        "META-INF/atomemo4j/tickets/manifest.json")).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"atlas", "crosscheck"})
  void theAtlasRegistryCompilesWithoutAnyWarning(String fixture) {
    Compilation c = Sources.compile(List.of("-Aatomemo4j.version=1.0.0", "-Werror"), Fixtures.sources(fixture));

    assertThat(c).succeededWithoutWarnings();
  }
}
