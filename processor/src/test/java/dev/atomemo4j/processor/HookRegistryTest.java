package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.atomemo4j.annotations.HookPoint;
import dev.atomemo4j.runtime.PluginContext;
import dev.atomemo4j.runtime.datasource.QueryResult;
import dev.atomemo4j.runtime.hooks.QueryEvent;
import dev.atomemo4j.runtime.hooks.QueryResultEvent;
import dev.atomemo4j.runtime.hooks.QueryRewrite;
import dev.atomemo4j.runtime.hooks.RequestEvent;
import dev.atomemo4j.runtime.spi.HookBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry generated for a plugin with hooks, loaded from the compilation and called as the host would. */
class HookRegistryTest {
  static Compilation compilation;
  static PluginDescriptor descriptor;

  @BeforeAll
  static void compile() {
    compilation = Sources.compile(HookDiagnosticsTest.hooks(
        "  public final java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();",
        "  @Hook(value = HookPoint.BEFORE_QUERY, matcher = \"sales\", timeoutMs = 750)",
        "  public QueryRewrite limit(QueryEvent e, PluginContext c) {",
        "    return QueryRewrite.to(e.sql() + \" /* \" + c.pluginId() + \" */\");",
        "  }",
        "  public boolean sales(QueryEvent e) { return e.datasourceId().equals(\"sales\"); }",
        "  @Hook(HookPoint.AFTER_QUERY)",
        "  public void rows(QueryResultEvent e) { seen.add(e.sql() + \" -> \" + e.result().rows().size()); }",
        "  @Hook(HookPoint.ON_REQUEST)",
        "  public void request(RequestEvent e) { seen.add(e.method() + \" \" + e.path()); }"));
    assertThat(compilation).succeededWithoutWarnings();
    descriptor = GeneratedClasses.descriptor(compilation, "demo.HooksRegistry");
  }

  private static HookBinding hook(String method) {
    return descriptor.atlas().hooks().stream().filter(h -> h.method().equals(method)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<String> seen(Object plugin) throws ReflectiveOperationException {
    return (List<String>) plugin.getClass().getField("seen").get(plugin);
  }

  private static Object newPlugin() throws Exception {
    return descriptor.atlas().factory().create(null);
  }

  @Test
  void theBindingsListTheHooksInSourceOrderWithPointAndDeadline() {
    assertThat(descriptor.atlas().hooks()).extracting(HookBinding::point, HookBinding::method, HookBinding::timeout)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HookPoint.BEFORE_QUERY, "limit", Duration.ofMillis(750)),
            org.assertj.core.groups.Tuple.tuple(HookPoint.AFTER_QUERY, "rows", null),
            org.assertj.core.groups.Tuple.tuple(HookPoint.ON_REQUEST, "request", null));
  }

  @Test
  void theGeneratedHandlerCallsTheRewritingMethodWithTheContext() throws Exception {
    Object rewrite = hook("limit").handler().handle(newPlugin(), new QueryEvent("sales", "SELECT 1"),
        new NamedContext("hooks-plugin"));

    assertThat(rewrite).isEqualTo(QueryRewrite.to("SELECT 1 /* hooks-plugin */"));
  }

  @Test
  void theGeneratedMatcherCallsTheNamedMethod() throws Exception {
    Object plugin = newPlugin();

    assertThat(hook("limit").matcher().matches(plugin, new QueryEvent("sales", "SELECT 1"))).isTrue();
    assertThat(hook("limit").matcher().matches(plugin, new QueryEvent("hr", "SELECT 1"))).isFalse();
    assertThat(hook("rows").matcher()).isNull();
  }

  @Test
  void theGeneratedHandlersOfVoidHooksCallTheMethodAndAnswerNull() throws Exception {
    Object plugin = newPlugin();
    QueryResult result = new QueryResult(List.of("n"), List.of(List.of(1), List.of(2)));

    assertThat(hook("rows").handler().handle(plugin, new QueryResultEvent("sales", "SELECT n", result, 3), null))
        .isNull();
    assertThat(hook("request").handler().handle(plugin, new RequestEvent(null, "GET", "/health", Map.of()), null))
        .isNull();
    assertThat(seen(plugin)).containsExactly("SELECT n -> 2", "GET /health");
  }

  @Test
  void theRegistryCallsTheHookMethodsDirectlyWithoutReflection() throws Exception {
    String registry = compilation.generatedSourceFile("demo.HooksRegistry").orElseThrow().getCharContent(true)
        .toString();

    assertThat(registry).contains("((Hooks) p).limit((QueryEvent) e, ctx)", "((Hooks) p).sales((QueryEvent) e)",
        "((Hooks) p).rows((QueryResultEvent) e)").doesNotContain("java.lang.reflect").doesNotContain("getMethod");
  }

  @Test
  void theManifestListsTheHooks() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(Sources.resource(compilation, "META-INF/atomemo4j/hooks-plugin/manifest.json"));

    assertThat(manifest.get("hooks")).isEqualTo(json.readTree("""
        [{"point": "beforeQuery", "method": "limit", "timeoutMs": 750, "takesContext": true, "matcher": "sales"},
         {"point": "afterQuery", "method": "rows", "timeoutMs": 0, "takesContext": false, "matcher": null},
         {"point": "onRequest", "method": "request", "timeoutMs": 0, "takesContext": false, "matcher": null}]
        """));
  }

  /** The smallest context: who the plugin is. */
  private record NamedContext(String pluginId) implements PluginContext {
    @Override
    public Logger logger() {
      return LoggerFactory.getLogger(pluginId);
    }

    @Override
    public <C> C config(Class<C> type) {
      throw new IllegalStateException("no config");
    }

    @Override
    public void closeOnTeardown(AutoCloseable resource) {}
  }
}
