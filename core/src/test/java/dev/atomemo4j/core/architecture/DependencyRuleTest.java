package dev.atomemo4j.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dependency rule of atlas-design.md ("The picture"), checked on the sources: the core (SPI, shapes, pipeline)
 * knows nothing of Phoenix, HTTP or MCP, and the front ends are peers over it, none importing another.
 *
 * <p>To add a front end, add a {@link Rule} for its module (what it must not use) and add its package to the
 * forbidden lists of the core and of the other front ends. A rule's module must exist, so a rule cannot go stale
 * unnoticed when a module is renamed.
 */
class DependencyRuleTest {

  /** The transports and the front ends' own packages: none of them may reach the core. */
  static final List<String> NOT_IN_CORE = List.of(
      "okhttp3",
      "okio",
      "org.eclipse.jetty",
      "io.modelcontextprotocol",
      "dev.atomemo4j.runtime.internal.hub",
      "dev.atomemo4j.runtime.internal.phoenix",
      "dev.atomemo4j.host",
      "dev.atomemo4j.mcp",
      "dev.atomemo4j.devhub",
      "dev.atomemo4j.springai",
      "dev.atomemo4j.langchain4j");

  /** Front-end packages other than the Hub's: the Hub front end uses none of them. */
  static final List<String> NOT_IN_HUB_FRONT_END = List.of("dev.atomemo4j.host", "dev.atomemo4j.mcp");

  /** What the in-process host (a front end over the core, with its own Jetty admin API) must not use. */
  static final List<String> NOT_IN_HOST = List.of(
      "okhttp3",
      "okio",
      "io.modelcontextprotocol",
      "dev.atomemo4j.runtime.internal.hub",
      "dev.atomemo4j.runtime.internal.phoenix",
      "dev.atomemo4j.runtime.Atomemo4j",
      "dev.atomemo4j.runtime.PluginServer",
      "dev.atomemo4j.mcp",
      "dev.atomemo4j.devhub",
      "dev.atomemo4j.springai",
      "dev.atomemo4j.langchain4j");

  /**
   * What an agent-framework adapter (over the host's tools) must not use: the Hub transport, the other front ends
   * and the other framework.
   */
  static List<String> notInAdapter(String otherFramework) {
    return List.of("okhttp3", "okio", "io.modelcontextprotocol", "dev.atomemo4j.runtime.internal.hub",
        "dev.atomemo4j.runtime.internal.phoenix", "dev.atomemo4j.runtime.Atomemo4j",
        "dev.atomemo4j.runtime.PluginServer", "dev.atomemo4j.mcp", "dev.atomemo4j.devhub", otherFramework);
  }

  /** What the MCP front end (the MCP Java SDK over the core) must not use: the other front ends. */
  static final List<String> NOT_IN_MCP = List.of(
      "okhttp3",
      "okio",
      "dev.atomemo4j.runtime.internal.hub",
      "dev.atomemo4j.runtime.internal.phoenix",
      "dev.atomemo4j.runtime.Atomemo4j",
      "dev.atomemo4j.runtime.PluginServer",
      "dev.atomemo4j.host",
      "dev.atomemo4j.devhub");

  /** A module whose main sources must not refer to {@code forbidden}, with the reason. */
  record Rule(String module, String why, List<String> forbidden) {}

  static final List<Rule> RULES = List.of(
      new Rule("core", "the core serves every front end, so it knows none of them", NOT_IN_CORE),
      new Rule("runtime", "front ends are peers: the Hub front end imports no other", NOT_IN_HUB_FRONT_END),
      new Rule("host", "front ends are peers: the PluginHost knows no Hub transport and no other front end",
          NOT_IN_HOST),
      new Rule("mcp", "front ends are peers: the MCP server knows no Hub transport, host or dev hub", NOT_IN_MCP),
      new Rule("spring-ai", "the Spring AI adapter builds on the host's tools only",
          notInAdapter("dev.langchain4j")),
      new Rule("langchain4j", "the LangChain4j adapter builds on the host's tools only",
          notInAdapter("org.springframework")));

  @TestFactory
  Stream<DynamicTest> noModuleRefersToWhatItsRuleForbids() {
    Path root = repositoryRoot();
    return RULES.stream().map(rule -> DynamicTest.dynamicTest(rule.module() + ": " + rule.why(), () -> {
      Path sources = root.resolve(rule.module()).resolve("src/main/java");
      assertThat(sources).as("the main sources of module %s", rule.module()).isDirectory();
      assertThat(SourceReferences.find(sources, rule.forbidden()))
          .as("%s must not refer to %s (%s)", rule.module(), rule.forbidden(), rule.why())
          .isEmpty();
    }));
  }

  @Test
  void theCheckFindsImportsStaticImportsAndQualifiedNames(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Leaky.java"), String.join("\n",
        "package demo;",
        "import okhttp3.OkHttpClient;",
        "import static dev.atomemo4j.runtime.internal.hub.HubServer.start;",
        "class Leaky {",
        "  Object socket = new dev.atomemo4j.runtime.internal.phoenix.PhoenixSocket();",
        "}"));

    assertThat(SourceReferences.find(dir, NOT_IN_CORE)).extracting(SourceReferences.Reference::line,
        SourceReferences.Reference::forbidden).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(2, "okhttp3"),
            org.assertj.core.groups.Tuple.tuple(3, "dev.atomemo4j.runtime.internal.hub"),
            org.assertj.core.groups.Tuple.tuple(5, "dev.atomemo4j.runtime.internal.phoenix"));
  }

  @Test
  void commentsStringsAndLookAlikePackagesAreNotReferences(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Clean.java"), String.join("\n",
        "package demo;",
        "/** Unlike {@link dev.atomemo4j.runtime.internal.hub.HubServer}, this needs no socket. */",
        "class Clean {",
        "  // okhttp3 is not used here",
        "  String text = \"dev.atomemo4j.host.PluginHost\";",
        "  String block = \"\"\"",
        "      okio.Buffer",
        "      \"\"\";",
        "  Object hostname = dev.atomemo4j.hostname.Lookup.class;",
        "}"));

    assertThat(SourceReferences.find(dir, NOT_IN_CORE)).isEmpty();
  }

  @Test
  void theCoresClassPathHasNoTransport() {
    assertThatThrownBy(() -> Class.forName("okhttp3.OkHttpClient")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.eclipse.jetty.server.Server"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  /** The reactor root: the nearest directory up from this module that lists module {@code core}. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>core</module>")) {
          return dir;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no pom.xml listing module core above " + Path.of("").toAbsolutePath());
  }
}
