package dev.atomemo4j.examples.glossary;

import dev.atomemo4j.annotations.ContextProvider;
import dev.atomemo4j.annotations.HealthCheck;
import dev.atomemo4j.annotations.Initialize;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.annotations.Refresh;
import dev.atomemo4j.annotations.Teardown;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A context plugin: adds the company's own vocabulary to the agent's system prompt, read from a text file, so the
 * agent knows that "ARR" means annual recurring revenue here and what a "tiger team" is. Reloaded by the host's
 * refresh after the file changes.
 */
@Plugin(
    name = "company-glossary",
    displayName = "Company Glossary",
    description = "Adds the company's own terms and their meanings to the agent's system prompt.",
    icon = "📖",
    types = PluginType.CONTEXT,
    config = GlossaryConfig.class)
public final class CompanyGlossary {

  private final GlossaryConfig config;
  private final Path file;
  private volatile Glossary glossary = Glossary.EMPTY;
  private volatile Logger log = LoggerFactory.getLogger(CompanyGlossary.class);

  /** The host calls this with the validated config. */
  public CompanyGlossary(GlossaryConfig config) {
    this.config = config;
    this.file = Path.of(config.path());
  }

  @Initialize
  public void initialize(PluginContext context) throws IOException {
    log = context.logger();
    glossary = Glossary.read(file, config.maxTerms());
    log.info("loaded {} terms from {}", glossary.terms().size(), file);
  }

  @ContextProvider
  public String context() {
    return glossary.toPrompt(config.title());
  }

  /** Re-reads the file; the host then loads the context again. A file that cannot be read keeps the old terms. */
  @Refresh
  public void reload() throws IOException {
    glossary = Glossary.read(file, config.maxTerms());
    log.info("reloaded {} terms from {}", glossary.terms().size(), file);
  }

  /** Local-only, as Atlas's guide says for file-based plugins: the file must still be there and readable. */
  @HealthCheck
  public HealthResult health() {
    if (!Files.isReadable(file)) {
      return HealthResult.unhealthy("the glossary file " + file + " is missing or not readable");
    }
    Glossary g = glossary;
    if (g.terms().isEmpty()) {
      return HealthResult.unhealthy("the glossary file " + file + " has no terms");
    }
    String note = g.terms().size() + " terms";
    if (g.dropped() > 0) {
      note += "; " + g.dropped() + " left out (more than maxTerms = " + config.maxTerms() + ")";
    }
    if (!g.skipped().isEmpty()) {
      note += "; lines without `term: definition` skipped: " + g.skipped();
    }
    return HealthResult.ok(note);
  }

  @Teardown
  public void teardown() {
    log.info("glossary unloaded");
  }
}
