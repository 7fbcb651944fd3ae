package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry builds and takes apart records through two generated tables (a switch on the record's index) instead
 * of a lambda per record; past 64 records a table spreads its cases over several methods, each under the JVM's
 * 64 KiB limit for a method's code.
 */
class RecordTablesTest {
  static final int RECORDS = 150;
  static Compilation compilation;
  static PluginDescriptor descriptor;

  @BeforeAll
  static void compile() {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(Sources.source("many.Many",
        "package many;",
        "import dev.atomemo4j.annotations.Plugin;",
        "@Plugin(name = \"many-records\", displayName = \"M\", description = \"d\", icon = \"x\",",
        "    tools = ManyTools.class)",
        "public final class Many {}"));
    List<String> components = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      sources.add(Sources.source("many.Rec" + i, "package many;",
          "public record Rec" + i + "(String name, int n) {}"));
      components.add("Rec" + i + " r" + i);
    }
    sources.add(Sources.source("many.All", "package many;",
        "public record All(" + String.join(", ", components) + ") {}"));
    sources.add(Sources.source("many.ManyTools",
        "package many;",
        "import dev.atomemo4j.annotations.Tool;",
        "public final class ManyTools {",
        "  @Tool(name = \"echo-all\", displayName = \"E\", description = \"d\")",
        "  public All echo(All all) { return all; }",
        "}"));
    compilation = Sources.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeeded();
    descriptor = GeneratedClasses.descriptor(compilation, "many.ManyRegistry");
  }

  @Test
  void everyRecordIsBuiltFromItsComponentsAndTakenApartAgain() {
    Shape.Obj all = descriptor.tool("echo-all").orElseThrow().input();
    List<Shape.Field> fields = recordFields(all);
    assertThat(fields).hasSize(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      Shape.Obj rec = (Shape.Obj) fields.get(i).shape();

      Object built = rec.construct().apply(new Object[] {"name " + i, i});

      assertThat(built.getClass().getName()).isEqualTo("many.Rec" + i);
      assertThat(built).hasToString("Rec" + i + "[name=name " + i + ", n=" + i + "]");
      assertThat(rec.deconstruct().apply(built)).containsExactly("name " + i, i);
    }
  }

  @Test
  void theOuterRecordIsBuiltFromAllOfThem() {
    Shape.Obj all = outer(descriptor.tool("echo-all").orElseThrow().input());
    Object[] parts = new Object[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      parts[i] = ((Shape.Obj) all.fields().get(i).shape()).construct().apply(new Object[] {"x", i});
    }

    Object built = all.construct().apply(parts);

    assertThat(all.deconstruct().apply(built)).containsExactly(parts);
  }

  @Test
  void theTablesSpreadTheirCasesOverMethodsOf64() throws IOException {
    String registry = compilation.generatedSourceFile("many.ManyRegistry").orElseThrow()
        .getCharContent(true).toString();

    assertThat(registry).contains("class RecordConstructors", "class RecordComponents", "switch (index / 64)",
        "private Object apply2(Object[] v)", "private Object[] apply2(Object o)");
    assertThat(registry).doesNotContain("v -> new", "o -> {", "(in, ctx) ->");
  }

  /** The tool's input: the record {@code All} itself, or a parameter list holding it. */
  private static Shape.Obj outer(Shape.Obj input) {
    return input.typeName().equals("many.All") ? input : (Shape.Obj) input.fields().get(0).shape();
  }

  private static List<Shape.Field> recordFields(Shape.Obj input) {
    return outer(input).fields();
  }
}
