package dev.atomemo4j.maven;

import dev.atomemo4j.model.PluginDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the Hub's release upload ({@code POST /api/v1/release/plugins}, hub-protocol.md §15) would refuse, or what
 * would make a release that cannot run, beyond the format's own rules (which {@link GeneratedDefinitions#read}
 * checks): each problem as one sentence with a stable code and what to do.
 */
final class ReleaseChecks {
  /** The languages the Hub's release pipeline builds (definition-format.md §3). */
  static final Set<String> RELEASE_LANGS = Set.of("typescript", "elixir");

  private ReleaseChecks() {}

  static List<String> problems(PluginDefinition definition, String projectVersion) {
    List<String> problems = new ArrayList<>();
    if (!RELEASE_LANGS.contains(definition.lang())) {
      problems.add("[atomemo4j:release-lang] lang is \"" + definition.lang() + "\", but the Hub's release pipeline"
          + " builds only typescript and elixir plugins; declare @Plugin(lang = \"typescript\") until the Hub"
          + " supports Java");
    }
    String version = definition.version();
    if (version == null || version.isEmpty()) {
      problems.add("[atomemo4j:release-version] the definition has no version; set the project version in the pom");
    } else {
      if (version.toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT")) {
        problems.add("[atomemo4j:release-snapshot] version " + version + " is a Maven snapshot; a release needs a"
            + " fixed version (e.g. " + version.substring(0, version.length() - "-SNAPSHOT".length()) + ")");
      }
      if (projectVersion != null && !version.equals(projectVersion)) {
        problems.add("[atomemo4j:release-version] the definition's version " + version + " is not the project's "
            + projectVersion + "; the release pipeline takes the version from the build, so the two must agree."
            + " Rebuild (mvn clean package) or pass -Aatomemo4j.version=${project.version} to the processor");
      }
    }
    String author = definition.author();
    String email = definition.email();
    if (author == null || author.isBlank()) {
      problems.add("[atomemo4j:release-author] the definition has no author");
    } else if (isPlaceholder(author, email)) {
      problems.add("[atomemo4j:release-author] author \"" + author + " <" + email + ">\" is a machine account, not a"
          + " person: set <author> and <email> in the plugin's configuration, or -Datomemo4j.author and"
          + " -Datomemo4j.email, or log in with `atomemo auth login`");
    }
    if (email == null || email.isBlank()) {
      problems.add("[atomemo4j:release-email] the definition has no e-mail");
    }
    return problems;
  }

  /** The names a build machine or a dev setup makes up: never the person publishing the plugin. */
  static boolean isPlaceholder(String author, String email) {
    String a = author.strip().toLowerCase(Locale.ROOT);
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    String domain = e.substring(e.indexOf('@') + 1);
    return Set.of("root", "admin", "user", "developer", "runner", "jenkins").contains(a)
        || domain.equals("localhost") || domain.endsWith(".local") || domain.endsWith(".localdomain");
  }
}
