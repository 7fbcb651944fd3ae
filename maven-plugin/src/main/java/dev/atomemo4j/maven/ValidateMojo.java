package dev.atomemo4j.maven;

import dev.atomemo4j.model.validate.Violation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks what the build generated and what is committed: every generated {@code definition.json} against every rule
 * of the definition format, and the committed release {@code definition.json} (when there is one) against the
 * generated definition (it must be the same but for author and e-mail, or it is stale) and against what the Hub's
 * release upload refuses. Bound to {@code verify}, so {@code mvn verify} fails on a stale release file.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private File classesDirectory;

  /** The committed release definition, written by {@code atomemo4j:export}. */
  @Parameter(property = "atomemo4j.definitionFile", defaultValue = "${project.basedir}/definition.json")
  private File definitionFile;

  @Parameter(defaultValue = "${project.version}", readonly = true)
  private String projectVersion;

  @Parameter(property = "atomemo4j.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("atomemo4j:validate skipped");
      return;
    }
    List<Path> generated;
    try {
      generated = GeneratedDefinitions.find(classesDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + classesDirectory + ": " + e.getMessage(), e);
    }
    if (generated.isEmpty()) {
      throw GeneratedDefinitions.noneGenerated(classesDirectory.toPath());
    }
    List<String> failures = new ArrayList<>();
    List<GeneratedDefinitions.Read> reads = new ArrayList<>();
    for (Path file : generated) {
      GeneratedDefinitions.Read read = GeneratedDefinitions.read(file);
      reads.add(read);
      warnAbout(read);
      if (!read.errors().isEmpty()) {
        failures.add("[atomemo4j:invalid-definition] the generated definition breaks rules of the format:"
            + GeneratedDefinitions.describe(file, read.errors()));
      } else {
        getLog().info("atomemo4j: " + read.definition().name() + " " + read.definition().version()
            + ": the generated definition is valid");
      }
    }
    Path committed = definitionFile.toPath();
    if (Files.isRegularFile(committed)) {
      failures.addAll(checkCommitted(committed, reads));
    } else {
      getLog().info("atomemo4j: no release definition.json at " + committed + " (write one with `mvn"
          + " atomemo4j:export` when you release)");
    }
    if (!failures.isEmpty()) {
      throw new MojoFailureException(String.join("\n", failures));
    }
  }

  private List<String> checkCommitted(Path committed, List<GeneratedDefinitions.Read> generated)
      throws MojoFailureException {
    GeneratedDefinitions.Read release = GeneratedDefinitions.read(committed);
    List<String> failures = new ArrayList<>();
    if (!release.errors().isEmpty()) {
      failures.add("[atomemo4j:invalid-definition] " + committed + " breaks rules of the format:"
          + GeneratedDefinitions.describe(committed, release.errors()));
      return failures;
    }
    GeneratedDefinitions.Read same = generated.stream()
        .filter(g -> g.definition().name().equals(release.definition().name())).findFirst().orElse(null);
    if (same == null) {
      failures.add("[atomemo4j:stale-definition] " + committed + " is the definition of plugin \""
          + release.definition().name() + "\", which this build does not generate; run `mvn atomemo4j:export`"
          + " and commit the result");
      return failures;
    }
    if (!GeneratedDefinitions.withoutAuthor(same.definition())
        .equals(GeneratedDefinitions.withoutAuthor(release.definition()))) {
      failures.add("[atomemo4j:stale-definition] " + committed + " is not the definition this build generates (it"
          + " differs in more than author and e-mail); run `mvn atomemo4j:export` and commit the result");
    }
    for (String problem : ReleaseChecks.problems(release.definition(), projectVersion)) {
      failures.add(committed + ": " + problem);
    }
    if (failures.isEmpty()) {
      getLog().info("atomemo4j: " + committed + " matches the generated definition and is ready for release ("
          + release.definition().author() + " <" + release.definition().email() + ">)");
    }
    return failures;
  }

  private void warnAbout(GeneratedDefinitions.Read read) {
    for (Violation v : read.violations()) {
      if (!v.isError()) {
        getLog().warn(read.file() + ": " + v.pointer() + " [" + v.code().slug() + "] " + v.message());
      }
    }
  }
}
