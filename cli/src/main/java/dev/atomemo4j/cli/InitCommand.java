package dev.atomemo4j.cli;

import dev.atomemo4j.model.validate.Names;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atomemo4j init NAME}: creates a plugin project with the atomemo4j Maven archetype. Everything the user
 * typed is checked before Maven runs, so a bad name costs no Maven start and gets one clear line; Maven itself runs
 * through a {@link Maven} that tests replace.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    header = "Creates a new plugin project from the atomemo4j archetype.",
    description = {
        "Creates a plugin project NAME in the current directory (or --directory) with the atomemo4j Maven archetype.",
        "--type tool (the default): an Atomemo Hub plugin with one tool, its test on the test kit, .env.example and a",
        "README. --type context: an Atlas context plugin with a config record, its tests on the host test kit, a",
        "host.yaml and a README. --type sandbox: an Atlas explore backend (@Sandbox), its tests on the host test kit,",
        "a host.yaml and a README. --type interaction: an Atlas interaction plugin with HTTP routes, a config record",
        "with a secret token, its tests over real HTTP on the host test kit, a host.yaml and a README.",
        "--type datasource: an Atlas datasource plugin on embedded H2 with entities, its tests on the host test kit,",
        "a host.yaml and a README. Needs Maven (mvn) on the PATH.",
        "Exit status: 0 created, 1 Maven failed, 2 bad arguments or Maven not found."})
final class InitCommand implements Callable<Integer> {

  /** The maven-archetype-plugin version the archetype is tested with (archetype/pom.xml). */
  static final String ARCHETYPE_PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate";

  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_.-]+");

  /** The plugin types the archetype generates now (its post-generate script checks the same list). */
  static final List<String> TYPES = List.of("tool", "context", "sandbox", "interaction", "datasource");

  /** Atlas plugin types that later parts of atomemo4j add: "not yet available", not "unknown". */
  static final List<String> LATER_TYPES = List.of("action");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME",
      description = "the plugin name, also the artifactId and the project directory: 5–65 letters, digits, "
          + "single `_` or `-`, starting with a letter (e.g. my-plugin)")
  String name;

  @Option(names = "--group-id", paramLabel = "G", defaultValue = "com.example",
      description = "the Maven groupId (default: ${DEFAULT-VALUE})")
  String groupId;

  @Option(names = "--package", paramLabel = "P",
      description = "the Java package (default: the groupId and the name without `_`/`-`, e.g. com.example.myplugin)")
  String packageName;

  @Option(names = "--type", paramLabel = "T", defaultValue = "tool",
      description = "the kind of plugin: tool (an Atomemo Hub plugin with one tool), context (an Atlas context "
          + "plugin run by a PluginHost), sandbox (an Atlas explore backend), interaction (HTTP routes a "
          + "PluginHost serves) or datasource (an Atlas datasource plugin) (default: ${DEFAULT-VALUE})")
  String type;

  @Option(names = "--directory", paramLabel = "D", defaultValue = ".",
      description = "where to create the NAME directory (default: the current directory)")
  Path directory;

  @Option(names = "--atomemo4j-version", paramLabel = "V", hidden = true,
      description = "the atomemo4j (archetype) version to use (default: this command's own version)")
  String atomemo4jVersion;

  private final Maven maven;

  InitCommand() {
    this(Maven.onPath(System.getenv()));
  }

  InitCommand(Maven maven) {
    this.maven = maven;
  }

  /** Runs Maven with some arguments in a directory, passing each line it prints to {@code output}. */
  interface Maven {
    /**
     * @return Maven's exit status
     * @throws NotFound when there is no Maven to run
     */
    int run(Path workingDirectory, List<String> arguments, Consumer<String> output)
        throws NotFound, IOException, InterruptedException;

    /** No Maven could be found. */
    final class NotFound extends Exception {
      private static final long serialVersionUID = 1L;

      NotFound(String message) {
        super(message);
      }
    }

    /** The {@code mvn} on the {@code PATH} of {@code environment}. */
    static Maven onPath(Map<String, String> environment) {
      return (workingDirectory, arguments, output) -> {
        List<String> command = new ArrayList<>();
        command.add(findMvn(environment));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
            .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        try (InputStream in = process.getInputStream();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.accept(TerminalText.strip(line));
          }
        }
        return process.waitFor();
      };
    }

    private static String findMvn(Map<String, String> environment) throws NotFound {
      boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
      List<String> names = windows ? List.of("mvn.cmd", "mvn.bat", "mvn.exe") : List.of("mvn");
      String path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
      for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
        if (dir.isEmpty()) {
          continue;
        }
        for (String candidate : names) {
          Path file = Path.of(dir, candidate);
          if (Files.isRegularFile(file) && Files.isExecutable(file)) {
            return file.toString();
          }
        }
      }
      throw new NotFound("Maven (mvn) is not on the PATH; install Apache Maven 3.8 or later and try again");
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    String problem = problem();
    if (problem != null) {
      err.println("atomemo4j: " + problem);
      return ExitCodes.BAD_INPUT;
    }
    String pkg = packageName != null ? packageName : defaultPackage(groupId, name);
    String archetypeVersion = atomemo4jVersion != null ? atomemo4jVersion : ownVersion();
    if (archetypeVersion == null) {
      err.println("atomemo4j: cannot tell which atomemo4j version this command belongs to (not run from its jar); "
          + "pass --atomemo4j-version");
      return ExitCodes.BAD_INPUT;
    }
    Path parent = directory.toAbsolutePath().normalize();
    Path project = parent.resolve(name);
    if (Files.exists(project)) {
      err.println("atomemo4j: " + project + " already exists; choose another NAME or --directory");
      return ExitCodes.BAD_INPUT;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      err.println("atomemo4j: cannot create " + parent + ": " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }

    List<String> arguments = mavenArguments(pkg, archetypeVersion);
    out.println("Creating " + project + " with atomemo4j-archetype " + archetypeVersion + " (mvn " + ARCHETYPE_PLUGIN
        + ")");
    out.flush();
    List<String> log = new ArrayList<>();
    int status;
    try {
      status = maven.run(parent, arguments, log::add);
    } catch (Maven.NotFound e) {
      err.println("atomemo4j: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (IOException e) {
      err.println("atomemo4j: cannot run Maven: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("atomemo4j: interrupted while Maven was running");
      return ExitCodes.INVALID;
    }
    if (status != 0) {
      // Maven's own account of the failure: its [ERROR] lines, without the generic advice that follows them.
      log.stream()
          .filter(line -> line.startsWith("[ERROR] ") && !line.substring(8).isBlank()
              && !line.startsWith("[ERROR] [Help")
              && !line.startsWith("[ERROR] To see the full stack trace") && !line.startsWith("[ERROR] Re-run Maven")
              && !line.startsWith("[ERROR] For more information"))
          .forEach(err::println);
      err.println("atomemo4j: Maven failed (exit status " + status + ")"
          + (Files.exists(project) ? "; " + project + " may be incomplete" : "; nothing was created"));
      if (archetypeVersion.endsWith("-SNAPSHOT")) {
        err.println("atomemo4j: a development build of atomemo4j takes the archetype and its artifacts from your "
            + "local Maven repository: run `mvn -B install -DskipTests` in the atomemo4j checkout first");
      }
      return ExitCodes.INVALID;
    }
    out.println("Created " + project + ". Next:");
    Path here = Path.of("").toAbsolutePath();
    out.println("  cd " + (project.startsWith(here) ? here.relativize(project) : project));
    if (type.equals("datasource")) {
      out.println("  mvn verify    # build, and test the datasource's queries in a PluginHost");
      out.println("See its README.md for running it with `atomemo4j host host.yaml` and its query console.");
    } else if (type.equals("context")) {
      out.println("  mvn verify    # build, and test the context plugin in a PluginHost");
      out.println("See its README.md for running it with `atomemo4j host host.yaml`.");
    } else if (type.equals("sandbox")) {
      out.println("  mvn verify    # build, and test the sandbox plugin's explore backend in a PluginHost");
      out.println("See its README.md for running it with `atomemo4j host host.yaml`.");
    } else if (type.equals("interaction")) {
      out.println("  mvn verify    # build, and test the routes over HTTP in a PluginHost");
      out.println("See its README.md for running it with `atomemo4j host host.yaml`.");
    } else {
      out.println("  mvn verify    # build, and test the greet tool against a local hub");
      out.println("See its README.md for running it against the dev hub and the Atomemo Hub.");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** What is wrong with the arguments, in one sentence, or null. Needs no Maven and touches no file. */
  String problem() {
    if (LATER_TYPES.contains(type)) {
      return "--type " + type + " is not yet available: it comes with a later part of atomemo4j; the types available "
          + "now are " + String.join(", ", TYPES);
    }
    if (!TYPES.contains(type)) {
      return "--type \"" + type + "\" is not a plugin type; expected one of: " + String.join(", ", TYPES);
    }
    if (!Names.isFeatureName(name)) {
      return "NAME \"" + name + "\" is not a valid plugin name: " + Names.whyNotFeatureName(name)
          + " (plugin names are 5–65 ASCII letters, digits, single `_` or `-`, starting with a letter and ending "
          + "with a letter or digit; e.g. my-plugin)";
    }
    if (!GROUP_ID.matcher(groupId).matches() || groupId.startsWith(".") || groupId.endsWith(".")
        || groupId.contains("..")) {
      return "--group-id \"" + groupId + "\" is not a Maven groupId (letters, digits, `_`, `-` and `.`, e.g. "
          + "com.example)";
    }
    if (packageName != null) {
      if (!isPackageName(packageName)) {
        return "--package \"" + packageName + "\" is not a Java package name (dot-separated Java identifiers that "
            + "are not keywords, e.g. com.example.myplugin)";
      }
    } else if (!isPackageName(defaultPackage(groupId, name))) {
      return "the package would be \"" + defaultPackage(groupId, name) + "\" (the groupId and the name), which is "
          + "not a Java package name; pass --package, e.g. --package com.example.myplugin";
    }
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      return "--directory " + directory + " is not a directory";
    }
    return null;
  }

  /** The arguments of the {@code mvn} run (without {@code mvn}). */
  List<String> mavenArguments(String pkg, String archetypeVersion) {
    return List.of(
        "-B",
        "-ntp",
        ARCHETYPE_PLUGIN,
        "-DarchetypeGroupId=dev.atomemo4j",
        "-DarchetypeArtifactId=atomemo4j-archetype",
        "-DarchetypeVersion=" + archetypeVersion,
        // The archetype is named exactly; no need to download a catalog of every archetype there is.
        "-DarchetypeCatalog=internal",
        "-DgroupId=" + groupId,
        "-DartifactId=" + name,
        "-Dpackage=" + pkg,
        "-Dname=" + name,
        "-Dtype=" + type,
        "-DinteractiveMode=false");
  }

  /** {@code com.example} and {@code my-plugin} give {@code com.example.myplugin}. */
  static String defaultPackage(String groupId, String name) {
    return groupId + "." + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  static boolean isPackageName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (String part : s.split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part) || RESTRICTED.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /** Not keywords to SourceVersion on every JDK, yet not usable as a package name part. */
  private static final Set<String> RESTRICTED = Set.of("_", "true", "false", "null");

  /** This command's version, from the jar's Maven descriptor; null when not run from the jar. */
  static String ownVersion() {
    try (InputStream in = InitCommand.class.getResourceAsStream(
        "/META-INF/maven/dev.atomemo4j/atomemo4j-cli/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank()) {
          return v.trim();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return InitCommand.class.getPackage().getImplementationVersion();
  }
}
