package dev.atomemo4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.benchmarks.reflect.ReflectiveSdk;
import dev.atomemo4j.benchmarks.plugin100.Bench100;
import dev.atomemo4j.benchmarks.plugin100.Bench100Registry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Both sides of measures 3 and 4 produce the same output, so the ratios compare equal work. */
class SameOutputTest {

  private final ReflectiveSdk sdk = new ReflectiveSdk();

  @Test
  void theReflectionBaselineWritesTheSameDefinitionJsonAsTheProcessor() {
    GeneratedPath.Startup ours = GeneratedPath.startup(new Bench100Registry());
    ReflectiveSdk.Described theirs = sdk.describe(Bench100.class, GeneratedPath.AUTHOR, GeneratedPath.EMAIL);
    assertThat(new String(theirs.definitionBytes(), StandardCharsets.UTF_8))
        .isEqualTo(new String(ours.definitionBytes(), StandardCharsets.UTF_8));
    assertThat(theirs.registerPayload()).isEqualTo(ours.registerPayload());
  }

  @Test
  void splicingTheAuthorGivesWhatTheModelRoundTripGave() {
    GeneratedPath.Startup spliced = GeneratedPath.startup(new Bench100Registry());
    GeneratedPath.Startup throughModel = GeneratedPath.startupThroughTheModel(new Bench100Registry());
    assertThat(spliced.definitionBytes()).isEqualTo(throughModel.definitionBytes());
    assertThat(spliced.registerPayload()).isEqualTo(throughModel.registerPayload());
  }

  @Test
  void bothSidesDescribeTheSameToolsAndSchemaFiles() {
    GeneratedPath.Startup ours = GeneratedPath.startup(new Bench100Registry());
    ReflectiveSdk.Described theirs = sdk.describe(Bench100.class, GeneratedPath.AUTHOR, GeneratedPath.EMAIL);
    assertThat(ours.descriptor().tools()).hasSize(100);
    assertThat(theirs.tools()).extracting(ReflectiveSdk.Tool::name)
        .containsExactlyElementsOf(ours.descriptor().tools().stream().map(t -> t.name()).toList());
    assertThat(theirs.schemas().keySet()).containsExactlyElementsOf(ours.schemas().keySet());
  }

  @Test
  void bothInvocationPathsGiveTheSameResult() throws Exception {
    ObjectMapper json = new ObjectMapper();
    var ours = new Bench100Registry().descriptor();
    var theirs = sdk.tools(Bench100.class);
    for (InvocationInputs.Case c : InvocationInputs.CASES) {
      JsonNode params = json.readTree(c.parametersJson());
      JsonNode expected = GeneratedPath.invoke(ours.tool(c.tool()).orElseThrow(), params);
      ReflectiveSdk.Tool tool = theirs.stream().filter(t -> t.name().equals(c.tool())).findFirst().orElseThrow();
      assertThat(tool.invoke(params)).as(c.tool()).isEqualTo(expected);
      assertThat(tool.invokeWithReaders(params)).as(c.tool()).isEqualTo(expected);
    }
  }
}
