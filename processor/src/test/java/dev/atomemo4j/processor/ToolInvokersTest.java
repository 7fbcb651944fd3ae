package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every tool's call goes through one generated invoker table; with more than 64 tools its cases spread over several
 * methods. Instance, static and void tools, parameter lists and checked exceptions all pass through it unchanged.
 */
class ToolInvokersTest {
  static final int TOOLS = 70;
  static Compilation compilation;
  static PluginDescriptor descriptor;

  @BeforeAll
  static void compile() {
    List<String> tools = new ArrayList<>(List.of(
        "package calls;",
        "import dev.atomemo4j.annotations.Tool;",
        "public final class Calls {",
        "  public static final java.util.List<String> LOG = new java.util.concurrent.CopyOnWriteArrayList<>();",
        "  private final String who = \"instance\";"));
    for (int i = 0; i < TOOLS; i++) {
      tools.add("  @Tool(name = \"add-" + i + "\", displayName = \"A\", description = \"d\")");
      tools.add("  public String add" + i + "(int x, String tag) { return who + \":\" + tag + \":\" + (x + " + i
          + "); }");
    }
    tools.add("  @Tool(name = \"static-one\", displayName = \"S\", description = \"d\")");
    tools.add("  public static long twice(long n) { return 2 * n; }");
    tools.add("  @Tool(name = \"note-it\", displayName = \"N\", description = \"d\")");
    tools.add("  public void note(String text) { LOG.add(text); }");
    tools.add("  @Tool(name = \"fail-checked\", displayName = \"F\", description = \"d\")");
    tools.add("  public String fail() throws java.io.IOException { throw new java.io.IOException(\"disk\"); }");
    tools.add("}");
    compilation = Sources.compile(
        Sources.source("calls.CallsPlugin",
            "package calls;",
            "import dev.atomemo4j.annotations.Plugin;",
            "@Plugin(name = \"many-tools\", displayName = \"M\", description = \"d\", icon = \"x\",",
            "    tools = Calls.class)",
            "public final class CallsPlugin {}"),
        Sources.source("calls.Calls", tools.toArray(String[]::new)));
    assertThat(compilation).succeeded();
    descriptor = GeneratedClasses.descriptor(compilation, "calls.CallsPluginRegistry");
  }

  @Test
  void everyToolCallsItsOwnMethodOnTheToolObject() throws Exception {
    for (int i = 0; i < TOOLS; i++) {
      Object out = descriptor.tool("add-" + i).orElseThrow().invoker().invoke(new Object[] {1, "t" + i}, null);

      assertThat(out).isEqualTo("instance:t" + i + ":" + (1 + i));
    }
  }

  @Test
  void aStaticToolIsCalledOnItsClass() throws Exception {
    assertThat(descriptor.tool("static-one").orElseThrow().invoker().invoke(new Object[] {21L}, null))
        .isEqualTo(42L);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aVoidToolRunsAndAnswersNull() throws Exception {
    Object out = descriptor.tool("note-it").orElseThrow().invoker().invoke(new Object[] {"hello"}, null);

    assertThat(out).isNull();
    ClassLoader loader = descriptor.anchor().getClassLoader();
    assertThat((List<Object>) loader.loadClass("calls.Calls").getField("LOG").get(null)).containsExactly("hello");
  }

  @Test
  void aCheckedExceptionLeavesTheInvokerAsItIs() {
    assertThatThrownBy(() -> descriptor.tool("fail-checked").orElseThrow().invoker().invoke(new Object[0], null))
        .isInstanceOf(IOException.class).hasMessage("disk");
  }

  @Test
  void theInvokersAreOneTableSpreadOverMethodsOf64() throws IOException {
    String registry = compilation.generatedSourceFile("calls.CallsPluginRegistry").orElseThrow()
        .getCharContent(true).toString();

    assertThat(registry).contains("class ToolInvokers implements ToolBinding.ToolInvoker", "switch (index / 64)",
        "private Object invoke1(Object in, ToolContext ctx) throws Exception");
    assertThat(registry).doesNotContain("(in, ctx) ->");
  }
}
