package dev.atomemo4j.examples.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.core.lifecycle.LifecycleResult;
import dev.atomemo4j.core.lifecycle.PluginHealth;
import dev.atomemo4j.core.lifecycle.TeardownResult;
import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.testing.HostEvents;
import dev.atomemo4j.testing.PluginHostExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The glossary in a real PluginHost, steps 2 and 3 of the Atlas test pattern: the plugin is what it declares, its
 * context holds the file's terms, refresh re-reads the file, and the health check tells the truth without throwing.
 * Each test gets a host of its own (an instance field) with a glossary file of its own, since tests edit and delete
 * it.
 */
class CompanyGlossaryTest {
  private static final String ID = "company-glossary";
  private static final int MAX_TERMS = 3;

  @RegisterExtension
  final PluginHostExtension glossary = PluginHostExtension.configure((host, dir) -> {
    Path file = Files.writeString(dir.resolve("glossary.txt"), """
        # terms of the sales team
        ARR: annual recurring revenue
        Tiger team: a small group that fixes one urgent problem
        """);
    host.plugin(CompanyGlossary.class, new GlossaryConfig(file.toString(), "Our terms", MAX_TERMS));
  });

  private Path file() {
    return glossary.tempDirectory().resolve("glossary.txt");
  }

  @Test
  void thePluginIsTheContextPluginItsManifestDescribes(PluginHost host) throws Exception {
    assertThat(host.plugin(ID).types()).containsExactly(PluginType.CONTEXT);
    JsonNode manifest = new ObjectMapper().readTree(host.plugin(ID).manifestJson().orElseThrow());

    assertThat(manifest.get("types").toString()).isEqualTo("[\"context\"]");
    assertThat(manifest.get("lifecycle").fieldNames()).toIterable()
        .containsExactly("initialize", "healthCheck", "teardown", "contextProvider", "refresh");
    assertThat(manifest.get("config").get("fields").findValuesAsText("key"))
        .containsExactly("path", "title", "maxTerms");
  }

  @Test
  void theContextHoldsTheTermsOfTheFileUnderTheTitle(PluginHost host) {
    assertThat(host.context()).isEqualTo("""
        ## Our terms
        - **ARR**: annual recurring revenue
        - **Tiger team**: a small group that fixes one urgent problem""");
  }

  @Test
  void refreshAfterEditingTheFileReReadsIt(PluginHost host) throws Exception {
    Files.writeString(file(), "NRR: net revenue retention\n");

    LifecycleResult refreshed = host.refresh(ID);

    assertThat(refreshed.ok()).isTrue();
    assertThat(host.context()).isEqualTo("## Our terms\n- **NRR**: net revenue retention");
  }

  @Test
  void aRefreshThatCannotReadTheFileFailsWithAReasonAndKeepsTheTermsItHad(PluginHost host) throws Exception {
    Files.delete(file());

    LifecycleResult refreshed = host.refresh(ID);

    assertThat(refreshed.ok()).isFalse();
    assertThat(refreshed.reason()).startsWith("refresh failed: NoSuchFileException");
    assertThat(host.context()).contains("**ARR**: annual recurring revenue");
  }

  @Test
  void theHealthCheckIsHealthyAndCountsTheTerms(PluginHost host) {
    PluginHealth health = host.probe(ID);

    assertThat(health.healthy()).isTrue();
    assertThat(health.probed()).isTrue();
    assertThat(health.message()).isEqualTo("2 terms");
  }

  @Test
  void whenTheFileDisappearsTheProbeIsUnhealthyAndSaysWhyWithoutThrowing(PluginHost host, HostEvents events)
      throws Exception {
    Files.delete(file());

    PluginHealth health = host.probe(ID);

    assertThat(health.healthy()).isFalse();
    assertThat(health.message()).isEqualTo("the glossary file " + file() + " is missing or not readable");
    assertThat(host.plugin(ID).status()).isEqualTo(PluginStatus.UNHEALTHY);
    assertThat(events.statuses(ID)).endsWith(PluginStatus.HEALTHY, PluginStatus.UNHEALTHY);
    assertThat(host.health().healthy()).isFalse();
    assertThat(host.context()).as("an unhealthy plugin is left out of the context").isEmpty();
  }

  @Test
  void termsPastMaxTermsAreLeftOutAndTheHealthMessageSaysSo(PluginHost host) throws Exception {
    Files.writeString(file(), "A: one\nB: two\nC: three\nD: four\nE: five\n");
    host.refresh(ID);

    PluginHealth health = host.probe(ID);

    assertThat(health.healthy()).isTrue();
    assertThat(health.message()).isEqualTo("3 terms; 2 left out (more than maxTerms = 3)");
    assertThat(host.context()).contains("**C**: three").doesNotContain("**D**");
  }

  @Test
  void linesThatAreNotTermsAreSkippedAndNamedInTheHealthMessage(PluginHost host) throws Exception {
    Files.writeString(file(), "ARR: annual recurring revenue\njust a sentence\nKPI:\n");
    host.refresh(ID);

    assertThat(host.probe(ID).message()).isEqualTo("1 terms; lines without `term: definition` skipped: [2, 3]");
  }

  @Test
  void aFileWithoutTermsIsUnhealthy(PluginHost host) throws Exception {
    Files.writeString(file(), "# nothing yet\n");
    host.refresh(ID);

    assertThat(host.probe(ID).message()).isEqualTo("the glossary file " + file() + " has no terms");
  }

  @Test
  void closingTheHostCallsTheTeardownWhichEndsCleanly(PluginHost host, HostEvents events) {
    host.close();

    assertThat(events.teardown(ID)).get()
        .extracting(TeardownResult::teardownCalled, TeardownResult::ok)
        .containsExactly(true, true);
    assertThat(events.statuses(ID)).endsWith(PluginStatus.TEARDOWN);
    assertThat(host.context()).isEmpty();
  }
}
