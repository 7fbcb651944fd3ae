package dev.atomemo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.atomemo4j.processor.AtlasDiagnosticsTest.compile;
import static dev.atomemo4j.processor.AtlasDiagnosticsTest.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.atomemo4j.processor.DiagnosticsTest.Covers;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Action}: the compile-time checks (one failing source per code, on the exact element and line) and what
 * the registry generates — an approval-gated binding that is the only generated call of the action method.
 */
class ActionDiagnosticsTest {

  private static final String ACTION_TYPE = "types = PluginType.ACTION";

  private static JavaFileObject actionPlugin(String attributes, String... body) {
    return plugin(attributes.isEmpty() ? ACTION_TYPE : ACTION_TYPE + ", " + attributes, body);
  }

  @Test
  void aValidActionPluginCompilesAndItsRegistryCallsTheMethodOnlyBehindTheApprovalTicket() throws Exception {
    Compilation c = compile(actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"Opens a ticket.\", actionType = \"ticket.create\",",
        "      summary = \"Open: {title}\")",
        "  public String openTicket(@Param(name = \"title\") String title) { return \"T-\" + title; }"));

    assertThat(c).succeededWithoutWarnings();
    String registry = c.generatedSourceFile("demo.DemoRegistry").orElseThrow().getCharContent(true).toString();
    int calls = registry.split("\\.openTicket\\(", -1).length - 1;
    assertThat(calls).as("generated calls of the action method").isEqualTo(1);
    int gate = registry.indexOf("ApprovalTicket.requirePresent(ticket, \"open_ticket\")");
    assertThat(gate).isPositive().isLessThan(registry.indexOf(".openTicket("));
    assertThat(registry).doesNotContain("new ToolBinding(\"open_ticket\"");
  }

  @Test
  void theManifestListsTheActionWithItsApprovalAndSchema() {
    Compilation c = compile(actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"Opens a ticket.\", actionType = \"ticket.create\",",
        "      approval = Approval.ADMIN_ONLY, reversible = true)",
        "  public void openTicket(@Param(name = \"title\") String title) {}"));

    String manifest = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/manifest.json").replaceAll("\\s+", "");
    assertThat(manifest).contains("\"actions\":[{\"name\":\"open_ticket\"", "\"approval\":\"admin-only\"",
        "\"reversible\":true", "\"actionType\":\"ticket.create\"");
    assertThat(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/schemas/open_ticket.input.json"))
        .contains("\"title\"");
  }

  @Test
  void anAutoActionIsListedAmongTheDefinitionsToolsForTheHub() {
    Compilation c = compile(actionPlugin("",
        "  @Action(name = \"stamp_form\", description = \"Stamps a form.\", actionType = \"form.stamp\",",
        "      approval = Approval.AUTO)",
        "  public String stamp(@Param(name = \"form\") String form) { return form; }"));

    assertThat(c).succeeded();
    String definition = Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json").replaceAll("\\s+", "");
    assertThat(definition).contains("\"tools\":[{\"name\":\"stamp_form\"").contains("\"name\":\"form\"")
        .contains("Stampsaform.");
  }

  @Test
  void aManualActionIsNotListedAmongTheDefinitionsTools() {
    Compilation c = compile(actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"Opens a ticket.\", actionType = \"ticket.create\")",
        "  public void openTicket(@Param(name = \"title\") String title) {}"));

    assertThat(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/definition.json")).doesNotContain("open_ticket");
  }

  @Test
  void anActionParameterWithoutParamIsNamedAfterItsSourceNameAsToolParametersAre() {
    Compilation c = compile(actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"Opens a ticket.\", actionType = \"ticket.create\")",
        "  public void openTicket(String ticketTitle) {}"));

    assertThat(c).succeededWithoutWarnings();
    assertThat(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/schemas/open_ticket.input.json"))
        .contains("\"ticket_title\"");
  }

  @Test
  void aLoneFileRefParameterIsAParameterNotTheInputRecord() {
    Compilation c = compile(actionPlugin("",
        "  @Action(name = \"attach_file\", description = \"Attaches a file.\", actionType = \"ticket.attach\")",
        "  public void attach(dev.atomemo4j.model.value.FileRef attachment) {}"));

    assertThat(c).succeededWithoutWarnings();
    assertThat(Sources.resource(c, "META-INF/atomemo4j/demo-plugin/schemas/attach_file.input.json"))
        .contains("\"attachment\"");
  }

  @Test
  @Covers("action-outside-plugin")
  void anActionOutsideAPluginClassIsAnError() {
    JavaFileObject other = Sources.source("demo.Other", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public class Other {",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\") public void open() {}",
        "}");
    Compilation c = compile(plugin(""), other);

    assertThat(c).hadErrorContaining("[atomemo4j:action-outside-plugin] @Action method open is in Other")
        .inFile(other).onLine(4);
  }

  @Test
  @Covers("bad-action-method")
  void aStaticActionMethodIsAnError() {
    JavaFileObject p = actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\")",
        "  public static void open() {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-action-method] @Action method open must be a public")
        .inFile(p).onLine(6);
  }

  @Test
  void anActionsDeclaredDeadlineIsCarriedByItsBinding() throws Exception {
    Compilation c = compile(actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\", timeoutMs = 2500)",
        "  public void open() {}"));

    assertThat(c).succeededWithoutWarnings();
    String registry = c.generatedSourceFile("demo.DemoRegistry").orElseThrow().getCharContent(true).toString();
    assertThat(registry).contains("Duration.ofMillis(2500L))");
  }

  @Test
  void aNegativeActionDeadlineIsAnErrorOnTheAttribute() {
    JavaFileObject p = actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\", timeoutMs = -1)",
        "  public void open() {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:negative-timeout] timeoutMs = -1 is negative").inFile(p)
        .onLine(6);
  }

  @Test
  @Covers("bad-action-name")
  void aTooShortActionNameIsAnError() {
    JavaFileObject p = actionPlugin("",
        "  @Action(name = \"op\", description = \"d\", actionType = \"t.c\") public void open() {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:bad-action-name] action name \"op\"").inFile(p)
        .onLine(6);
  }

  @Test
  @Covers("duplicate-action-name")
  void twoActionsWithOneNameAreAnErrorOnTheSecond() {
    JavaFileObject p = actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\") public void a() {}",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\") public void b() {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:duplicate-action-name] action name \"open_ticket\" is "
        + "already used by action open_ticket (a)").inFile(p).onLine(7);
  }

  @Test
  @Covers("unknown-action-credential")
  void anUnknownCredentialReferenceIsAnErrorWithADidYouMean() {
    JavaFileObject key = Sources.source("demo.Key", "package demo;", "import dev.atomemo4j.annotations.*;",
        "@Credential(name = \"ticket_api\", displayName = \"K\", description = \"K.\")",
        "public record Key(@Param(name = \"api_key\") dev.atomemo4j.runtime.Secret apiKey) {}");
    JavaFileObject p = actionPlugin("credentials = Key.class",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\",",
        "      credentials = \"ticket_apl\") public void open() {}");

    assertThat(compile(p, key)).hadErrorContaining("[atomemo4j:unknown-action-credential] action open_ticket "
        + "requires credential \"ticket_apl\", which the plugin does not list; did you mean \"ticket_api\"?")
        .inFile(p).onLine(7);
  }

  @Test
  @Covers("unknown-summary-placeholder")
  void aSummaryPlaceholderThatNamesNoParameterIsAnError() {
    JavaFileObject p = actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\", summary = \"{titel}\")",
        "  public void open(@Param(name = \"title\") String title) {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:unknown-summary-placeholder] the summary of action "
        + "open_ticket refers to {titel}, which is not one of its parameters; did you mean {title}?")
        .inFile(p).onLine(6);
  }

  @Test
  @Covers("secret-in-summary")
  void aSummaryThatShowsASecretParameterIsAnError() {
    JavaFileObject p = actionPlugin("",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\", summary = \"{token}\")",
        "  public void open(@Param(name = \"token\") Secret token) {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:secret-in-summary]").inFile(p).onLine(6);
  }

  @Test
  @Covers("action-not-auto-on-hub")
  void aManualActionInAPluginThatServesHubToolsIsAWarning() {
    JavaFileObject tools = Sources.source("demo.Tools", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public class Tools {",
        "  @Tool(name = \"lookup\", displayName = \"L\", description = \"L.\") public String lookup() { return \"\"; }",
        "}");
    JavaFileObject p = actionPlugin("tools = Tools.class",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\") public void open() {}");

    Compilation c = compile(p, tools);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[atomemo4j:action-not-auto-on-hub] action open_ticket needs manual "
        + "approval").inFile(p).onLine(6);
  }

  @Test
  @Covers("duplicate-action-name")
  void anActionMayNotReuseAToolName() {
    JavaFileObject tools = Sources.source("demo.Tools", "package demo;", "import dev.atomemo4j.annotations.*;",
        "public class Tools {",
        "  @Tool(name = \"open_ticket\", displayName = \"L\", description = \"L.\") public void t() {}",
        "}");
    JavaFileObject p = actionPlugin("tools = Tools.class",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\", approval = Approval.AUTO)",
        "  public void open() {}");

    assertThat(compile(p, tools)).hadErrorContaining("is already used by tool open_ticket").inFile(p).onLine(6);
  }

  @Test
  @Covers("provider-without-type")
  void anActionInAPluginThatDoesNotDeclareTheActionTypeIsAnError() {
    JavaFileObject p = plugin("",
        "  @Action(name = \"open_ticket\", description = \"d\", actionType = \"t.c\") public void open() {}");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:provider-without-type] @Action method open makes the "
        + "plugin of type ACTION").inFile(p).onLine(6);
  }

  @Test
  @Covers("type-without-provider")
  void theActionTypeWithoutAnyActionIsAnError() {
    JavaFileObject p = actionPlugin("");

    assertThat(compile(p)).hadErrorContaining("[atomemo4j:type-without-provider] @Plugin(types) declares ACTION, "
        + "but the plugin class has no @Action method");
  }
}
