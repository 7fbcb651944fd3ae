package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Hook}: one failing source per code, asserted on its file and line, and all mistakes in one compile. */
class HookDiagnosticsTest {

  /** The plugin class {@code demo.Hooks} with a body; the hook types imported. */
  static JavaFileObject hooks(String... body) {
    List<String> lines = new ArrayList<>(List.of("package demo;", "import dev.atomemo4j.annotations.*;",
        "import dev.atomemo4j.runtime.*;", "import dev.atomemo4j.runtime.hooks.*;",
        "@Plugin(name = \"hooks-plugin\", displayName = \"Hooks\", description = \"Hooks.\", icon = \"x\")",
        "public final class Hooks {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return Sources.source("demo.Hooks", lines.toArray(String[]::new));
  }

  @Test
  void everyHookPointAcceptsItsSignatureWithAndWithoutTheContext() {
    Compilation c = Sources.compile(hooks(
        "  @Hook(HookPoint.BEFORE_QUERY) public QueryRewrite a(QueryEvent e) { return null; }",
        "  @Hook(HookPoint.BEFORE_QUERY) public void b(QueryEvent e, PluginContext c) {}",
        "  @Hook(HookPoint.AFTER_QUERY) public void c(QueryResultEvent e) {}",
        "  @Hook(HookPoint.BEFORE_EXPLORE) public ExploreRewrite d(ExploreEvent e, PluginContext c) { return null; }",
        "  @Hook(HookPoint.AFTER_EXPLORE) public void e(ExploreResultEvent e) throws Exception {}",
        "  @Hook(HookPoint.ON_REQUEST) public void f(RequestEvent e) {}",
        "  @Hook(value = HookPoint.ON_RESPONSE, matcher = \"errors\", timeoutMs = 250)",
        "  public void g(ResponseEvent e) {}",
        "  public boolean errors(ResponseEvent e) { return e.status() >= 500; }"));

    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  @Covers("bad-hook-signature")
  void aBeforeQueryHookReturningAStringIsAnErrorNamingTheSignatureOfItsPoint() {
    JavaFileObject p = hooks("  @Hook(HookPoint.BEFORE_QUERY)", "  public String limit(QueryEvent e) { return \"\"; }");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-signature] @Hook(BEFORE_QUERY) method limit must be a "
        + "public instance method returning QueryRewrite or void and taking one QueryEvent, optionally with a "
        + "PluginContext second parameter. Declare it as public QueryRewrite limit(QueryEvent event)").inFile(p)
        .onLine(7);
  }

  @Test
  @Covers("bad-hook-signature")
  void anAfterHookMayNotReturnARewrite() {
    JavaFileObject p = hooks("  @Hook(HookPoint.AFTER_EXPLORE)",
        "  public ExploreRewrite seen(ExploreResultEvent e) { return null; }");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-signature] @Hook(AFTER_EXPLORE) method seen must be a "
        + "public instance method returning void and taking one ExploreResultEvent").inFile(p).onLine(7);
  }

  @Test
  @Covers("bad-hook-signature")
  void aHookTakingAnotherPointsEventIsAnError() {
    JavaFileObject p = hooks("  @Hook(HookPoint.ON_REQUEST)", "  public void log(ResponseEvent e) {}");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-signature] @Hook(ON_REQUEST) method log must be a public "
        + "instance method returning void and taking one RequestEvent").inFile(p).onLine(7);
  }

  @Test
  @Covers("bad-hook-signature")
  void aStaticHookIsAnError() {
    JavaFileObject p = hooks("  @Hook(HookPoint.AFTER_QUERY)", "  public static void log(QueryResultEvent e) {}");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-signature] @Hook(AFTER_QUERY) method log").inFile(p)
        .onLine(7);
  }

  @Test
  @Covers("bad-hook-signature")
  void aSecondParameterOtherThanTheContextIsAnError() {
    JavaFileObject p = hooks("  @Hook(HookPoint.AFTER_QUERY)", "  public void log(QueryResultEvent e, String x) {}");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-signature] @Hook(AFTER_QUERY) method log").inFile(p)
        .onLine(7);
  }

  @Test
  @Covers("unknown-hook-matcher")
  void aMatcherNamingNoMethodIsAnErrorWithADidYouMean() {
    JavaFileObject p = hooks("  @Hook(value = HookPoint.BEFORE_QUERY,", "      matcher = \"onSales\")",
        "  public void audit(QueryEvent e) {}",
        "  public boolean onSale(QueryEvent e) { return true; }");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:unknown-hook-matcher] the matcher of @Hook method audit names "
        + "onSales, which is no method of Hooks; did you mean \"onSale\"? Name a public method of the plugin class "
        + "declared boolean onSales(QueryEvent event)").inFile(p).onLine(8);
  }

  @Test
  @Covers("bad-hook-matcher")
  void aMatcherTakingTheWrongEventIsAnError() {
    JavaFileObject p = hooks("  @Hook(value = HookPoint.AFTER_QUERY, matcher = \"slow\")",
        "  public void audit(QueryResultEvent e) {}",
        "  public boolean slow(QueryEvent e) { return true; }");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-matcher] the matcher slow of @Hook(AFTER_QUERY) method "
        + "audit must be a public instance method returning boolean and taking one QueryResultEvent. Declare it as "
        + "public boolean slow(QueryResultEvent event)").inFile(p).onLine(7);
  }

  @Test
  @Covers("bad-hook-matcher")
  void aMatcherReturningBooleanObjectOrPrivateIsAnError() {
    JavaFileObject p = hooks("  @Hook(value = HookPoint.ON_RESPONSE, matcher = \"errors\")",
        "  public void audit(ResponseEvent e) {}",
        "  private boolean errors(ResponseEvent e) { return true; }");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-matcher] the matcher errors").inFile(p).onLine(7);
  }

  @Test
  @Covers("negative-timeout")
  void aNegativeHookTimeoutIsAnErrorOnTheAttribute() {
    JavaFileObject p = hooks("  @Hook(value = HookPoint.ON_REQUEST,", "      timeoutMs = -5)",
        "  public void log(RequestEvent e) {}");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorContaining("[atomemo4j:negative-timeout] timeoutMs = -5 is negative").inFile(p).onLine(8);
  }

  @Test
  @Covers("hook-outside-plugin")
  void aHookOutsideThePluginClassIsAnError() {
    JavaFileObject helper = Sources.source("demo.Helper", "package demo;", "import dev.atomemo4j.annotations.*;",
        "import dev.atomemo4j.runtime.hooks.*;", "public final class Helper {", "  @Hook(HookPoint.ON_REQUEST)",
        "  public void log(RequestEvent e) {}", "}");
    Compilation c = Sources.compile(hooks(), helper);

    assertThat(c).hadErrorContaining("[atomemo4j:hook-outside-plugin] @Hook method log is in Helper, which is not "
        + "a @Plugin class").inFile(helper).onLine(5);
  }

  @Test
  void independentHookMistakesAreAllReportedInOneCompile() {
    JavaFileObject p = hooks(
        "  @Hook(HookPoint.BEFORE_QUERY) public String a(QueryEvent e) { return null; }",
        "  @Hook(value = HookPoint.AFTER_QUERY, matcher = \"nope\") public void b(QueryResultEvent e) {}",
        "  @Hook(value = HookPoint.ON_REQUEST, matcher = \"c\") public void c(RequestEvent e) {}",
        "  @Hook(value = HookPoint.ON_RESPONSE, timeoutMs = -1) public void d(ResponseEvent e) {}",
        "  @Hook(HookPoint.BEFORE_EXPLORE) public void e(ExploreEvent e, PluginContext c) {}");
    Compilation c = Sources.compile(p);

    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-signature]").inFile(p).onLine(7);
    assertThat(c).hadErrorContaining("[atomemo4j:unknown-hook-matcher]").inFile(p).onLine(8);
    assertThat(c).hadErrorContaining("[atomemo4j:bad-hook-matcher]").inFile(p).onLine(9);
    assertThat(c).hadErrorContaining("[atomemo4j:negative-timeout]").inFile(p).onLine(10);
  }
}
