package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The one-scan round answers every question about annotated elements exactly as javac's round does, in the same
 * order: annotations on classes, methods, parameters and record components, repeated ones, inherited ones, ones of
 * the processor's package that this round lacks, and ones of other packages.
 */
class IndexedRoundTest {
  private static final String PKG = "dev.atomemo4j.annotations.";
  private static final List<String> ASKED = List.of(PKG + "Plugin", PKG + "Tool", PKG + "Credential",
      PKG + "Param", PKG + "Model", PKG + "Model.List", PKG + "Initialize", PKG + "Hook", PKG + "Action",
      PKG + "Sandbox", PKG + "MarkedForTest", "java.lang.Deprecated", "java.lang.FunctionalInterface");

  /** Compares both rounds for every asked annotation, every round; keeps what it saw. */
  static final class Comparing extends AbstractProcessor {
    final Map<String, List<String>> seen = new LinkedHashMap<>();
    final List<String> mismatches = new ArrayList<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      // Our processor only ever sees its own package's types in this set.
      Set<TypeElement> ours = annotations.stream()
          .filter(a -> a.getQualifiedName().toString().startsWith(PKG)).collect(Collectors.toSet());
      IndexedRound indexed = new IndexedRound(round, processingEnv.getElementUtils(), ours, PKG);
      for (String name : ASKED) {
        TypeElement a = processingEnv.getElementUtils().getTypeElement(name);
        List<String> expected = names(round.getElementsAnnotatedWith(a));
        List<String> actual = names(indexed.getElementsAnnotatedWith(a));
        if (!expected.equals(actual)) {
          mismatches.add(name + ": javac " + expected + ", indexed " + actual);
        }
        if (!expected.isEmpty()) {
          seen.put(name, expected);
        }
      }
      return false;
    }

    private static List<String> names(Set<? extends Element> elements) {
      List<String> out = new ArrayList<>();
      for (Element e : elements) {
        out.add(e.getEnclosingElement().getSimpleName() + "." + e.getSimpleName());
      }
      return out;
    }
  }

  @Test
  void answersEveryAnnotationAsJavacDoesInTheSameOrder() {
    Comparing comparing = new Comparing();
    Compilation c = javac().withProcessors(comparing).compile(
        Sources.source("dev.atomemo4j.annotations.MarkedForTest",
            "package dev.atomemo4j.annotations;",
            "@java.lang.annotation.Inherited",
            "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)",
            "public @interface MarkedForTest {}"),
        Sources.source("demo.Base",
            "package demo;",
            "@dev.atomemo4j.annotations.MarkedForTest",
            "public class Base {}"),
        Sources.source("demo.Sub",
            "package demo;",
            "public class Sub extends Base {}"),
        Sources.source("demo.Tools",
            "package demo;",
            "import dev.atomemo4j.annotations.*;",
            "public final class Tools {",
            "  @Tool(name = \"b-tool\", displayName = \"B\", description = \"d\")",
            "  public String b(@Param(hint = \"q\") String q) { return q; }",
            "  @Deprecated",
            "  @Tool(name = \"a-tool\", displayName = \"A\", description = \"d\")",
            "  public String a() { return \"\"; }",
            "  @FunctionalInterface interface Fn { void run(); }",
            "}"),
        Sources.source("demo.Demo",
            "package demo;",
            "import dev.atomemo4j.annotations.*;",
            "@Plugin(name = \"demo\", displayName = \"D\", description = \"d\", icon = \"x\", tools = Tools.class)",
            "@Deprecated",
            "public final class Demo {}"));
    assertThat(c).succeeded();
    assertThat(comparing.mismatches).isEmpty();
    assertThat(comparing.seen).containsKeys(PKG + "Plugin", PKG + "Tool", PKG + "Param", PKG + "MarkedForTest",
        "java.lang.Deprecated", "java.lang.FunctionalInterface");
    assertThat(comparing.seen.get(PKG + "MarkedForTest")).containsExactlyInAnyOrder("demo.Base", "demo.Sub");
    assertThat(comparing.seen.get(PKG + "Tool")).containsExactly("Tools.b", "Tools.a");
  }
}
