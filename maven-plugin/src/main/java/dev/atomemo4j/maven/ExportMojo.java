package dev.atomemo4j.maven;

import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionWriter;
import dev.atomemo4j.runtime.ConfigException;
import dev.atomemo4j.runtime.internal.hub.AtomemoLogin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the release {@code definition.json}: the generated definition with the publisher's author and e-mail, in
 * the official SDK's exact bytes, after checking everything the Hub's release upload would refuse. This is the file
 * to commit; release mode reads author and e-mail back from it, and the release pipeline uploads it. Compiles first
 * ({@code mvn atomemo4j:export} alone is enough).
 *
 * <p>Author and e-mail come from {@code <author>}/{@code <email>} (or {@code -Datomemo4j.author}/{@code
 * -Datomemo4j.email}), else from {@code ATOMEMO4J_AUTHOR}/{@code ATOMEMO4J_EMAIL}, else from the Atomemo login on
 * this machine ({@code atomemo auth login}); never from the machine's user name.
 */
@Mojo(name = "export", threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class ExportMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private File classesDirectory;

  /** Where the release definition is written: the file to commit. */
  @Parameter(property = "atomemo4j.definitionFile", defaultValue = "${project.basedir}/definition.json")
  private File definitionFile;

  /** The publisher's name. */
  @Parameter(property = "atomemo4j.author")
  private String author;

  /** The publisher's e-mail. */
  @Parameter(property = "atomemo4j.email")
  private String email;

  /** The plugin to export, when the module declares several. */
  @Parameter(property = "atomemo4j.plugin")
  private String plugin;

  /** The Hub the plugin is released to: decides which Atomemo login counts. */
  @Parameter(property = "atomemo4j.hubUrl", defaultValue = "wss://plugin-hub.atomemo.ai")
  private String hubUrl;

  @Parameter(defaultValue = "${project.version}", readonly = true)
  private String projectVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path generated;
    try {
      generated = GeneratedDefinitions.single(classesDirectory.toPath(), plugin);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + classesDirectory + ": " + e.getMessage(), e);
    }
    GeneratedDefinitions.Read read = GeneratedDefinitions.read(generated);
    if (!read.errors().isEmpty()) {
      throw new MojoFailureException("[atomemo4j:invalid-definition] the generated definition breaks rules of the"
          + " format:" + GeneratedDefinitions.describe(generated, read.errors()));
    }
    AtomemoLogin.Identity publisher = publisher();
    PluginDefinition release = read.definition().withAuthor(publisher.author(), publisher.email());
    List<String> problems = new ArrayList<>(ReleaseChecks.problems(release, projectVersion));
    // The author and e-mail are ours to check once set: the format's own rules (an e-mail address) apply too.
    GeneratedDefinitions.Read again = reread(release);
    again.errors().forEach(v -> problems.add("[atomemo4j:invalid-definition] " + v.pointer() + " [" + v.code().slug()
        + "] " + v.message()));
    if (!problems.isEmpty()) {
      throw new MojoFailureException("the Hub's release upload would refuse " + release.name() + " "
          + release.version() + "; nothing was written:\n  " + String.join("\n  ", problems));
    }
    Path target = definitionFile.toPath();
    try {
      write(target, DefinitionWriter.toBytes(release));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + target + ": " + e.getMessage(), e);
    }
    getLog().info("atomemo4j: wrote " + target + " for " + release.name() + " " + release.version() + " ("
        + release.author() + " <" + release.email() + ">); commit it: release mode and the release upload read it");
  }

  private AtomemoLogin.Identity publisher() throws MojoFailureException {
    boolean hasAuthor = author != null && !author.isBlank();
    boolean hasEmail = email != null && !email.isBlank();
    if (hasAuthor && hasEmail) {
      return new AtomemoLogin.Identity(author.strip(), email.strip());
    }
    if (hasAuthor || hasEmail) {
      throw new MojoFailureException("[atomemo4j:release-author] " + (hasAuthor ? "<author> is set but <email> is"
          + " not" : "<email> is set but <author> is not") + "; set both (or -Datomemo4j.author and"
          + " -Datomemo4j.email), or neither to use your Atomemo login");
    }
    try {
      return AtomemoLogin.lookUp(System.getenv(), hubUrl, Path.of(System.getProperty("user.home", ".")),
          new OkHttpClient());
    } catch (ConfigException e) {
      throw new MojoFailureException("[atomemo4j:release-author] the release definition needs its publisher's"
          + " name and e-mail: set <author> and <email> in the atomemo4j-maven-plugin's configuration (or"
          + " -Datomemo4j.author and -Datomemo4j.email). Looking them up in your Atomemo login failed: "
          + String.join("; ", e.problems()));
    }
  }

  private static GeneratedDefinitions.Read reread(PluginDefinition definition) throws MojoFailureException {
    try {
      Path tmp = Files.createTempFile("atomemo4j-release", ".json");
      try {
        Files.write(tmp, DefinitionWriter.toBytes(definition));
        return GeneratedDefinitions.read(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MojoFailureException("cannot check the release definition: " + e.getMessage(), e);
    }
  }

  /** Temp file and rename, so a failed write never leaves half a committed file. */
  private static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".definition", ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
