package dev.atomemo4j.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.benchmarks.GeneratedPath;
import dev.atomemo4j.benchmarks.InvocationInputs;
import dev.atomemo4j.benchmarks.plugin100.Bench100;
import dev.atomemo4j.benchmarks.plugin100.Bench100Registry;
import dev.atomemo4j.benchmarks.reflect.ReflectiveSdk;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measure 4: one invocation of a tool of the 100-tool plugin, from the request's parameters tree to the result
 * tree: decode + validate + call + encode through the generated shapes and invoker, versus Jackson conversion +
 * {@code Method.invoke} + {@code valueToTree}. Two Jackson variants are measured ({@code convertValue}, and a
 * prebuilt {@code ObjectReader} reading the tree directly); the report compares with the faster one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InvocationBench {

  /** tool-000 takes method parameters, tool-001 a single record (see {@link InvocationInputs}). */
  @Param({"tool-000", "tool-001"})
  public String tool;

  private ToolBinding generated;
  private ReflectiveSdk.Tool reflective;
  private JsonNode parameters;

  @Setup
  public void setup() throws Exception {
    InvocationInputs.Case c = InvocationInputs.CASES.stream().filter(x -> x.tool().equals(tool)).findFirst()
        .orElseThrow();
    parameters = new ObjectMapper().readTree(c.parametersJson());
    generated = new Bench100Registry().descriptor().tool(tool).orElseThrow();
    reflective = new ReflectiveSdk().tools(Bench100.class).stream().filter(t -> t.name().equals(tool)).findFirst()
        .orElseThrow();
  }

  @Benchmark
  public JsonNode generated() throws Exception {
    return GeneratedPath.invoke(generated, parameters);
  }

  @Benchmark
  public JsonNode reflectionConvertValue() throws Exception {
    return reflective.invoke(parameters);
  }

  @Benchmark
  public JsonNode reflectionTreeReader() throws Exception {
    return reflective.invokeWithReaders(parameters);
  }
}
