package dev.atomemo4j.benchmarks.jmh;

import dev.atomemo4j.benchmarks.GeneratedPath;
import dev.atomemo4j.benchmarks.plugin100.Bench100;
import dev.atomemo4j.benchmarks.plugin100.Bench100Registry;
import dev.atomemo4j.benchmarks.reflect.ReflectiveSdk;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Measure 3, cold: the first start-up in a fresh JVM (one shot per fork), class loading and initialization included,
 * which is what a plugin process pays once. The baseline builds its SDK (ObjectMapper, schema generator) inside the
 * measured call, since a fresh process has to.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ColdStartBench {

  @Benchmark
  public GeneratedPath.Startup generatedRegistry() {
    return GeneratedPath.startup(new Bench100Registry());
  }

  @Benchmark
  public ReflectiveSdk.Described reflection() {
    return new ReflectiveSdk().describe(Bench100.class, GeneratedPath.AUTHOR, GeneratedPath.EMAIL);
  }
}
