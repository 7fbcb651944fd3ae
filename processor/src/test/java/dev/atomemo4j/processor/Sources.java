package dev.atomemo4j.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles test sources with the processor, the way a plugin build would. */
final class Sources {
  private Sources() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of("-Aatomemo4j.version=1.0.0"), sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(options);
    all.add("-Xlint:all,-processing");
    return javac().withProcessors(new Atomemo4jProcessor()).withOptions(all).compile(sources);
  }

  /** A generated resource's text. */
  static String resource(Compilation c, String path) {
    try {
      return c.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow(
          () -> new AssertionError("not generated: " + path)).getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
