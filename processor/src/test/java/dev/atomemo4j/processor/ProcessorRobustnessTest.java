package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class ProcessorRobustnessTest {

  @Test
  void anUnexpectedExceptionBecomesOneDiagnosticOnThePluginNotACrash() {
    Atomemo4jProcessor failing = new Atomemo4jProcessor(plugin -> {
      throw new IllegalStateException("boom in the reader");
    });
    Compilation c = javac().withProcessors(failing).withOptions("-Aatomemo4j.version=1.0.0").compile(
        DiagnosticsTest.plugin(), DiagnosticsTest.tools(DiagnosticsTest.TOOL, "  public String run() { return \"\"; }"));

    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[atomemo4j:internal-error] internal error in the atomemo4j processor while "
        + "processing demo.Demo: java.lang.IllegalStateException: boom in the reader")
        .inFile(DiagnosticsTest.plugin()).onLineContaining("public final class Demo");
  }

  @Test
  void anIncrementalBuildMetadataFileDeclaresTheProcessorAggregating() throws Exception {
    try (var in = Atomemo4jProcessor.class.getClassLoader()
        .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      org.assertj.core.api.Assertions.assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("dev.atomemo4j.processor.Atomemo4jProcessor,aggregating\n");
    }
  }
}
