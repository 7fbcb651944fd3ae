package dev.atomemo4j.benchmarks.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The JVMs measure 6 runs on: this one (Java 17 by default) and, where installed, a Java 25 JDK. */
public final class Jdks {

  private Jdks() {}

  /** Where this workplace installs Java 25; {@code ATOMEMO4J_JAVA25_HOME} overrides it. */
  static final String DEFAULT_JAVA25_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";

  /** The {@code java} executable of a Java 25 JDK, if one is installed. */
  public static Optional<Path> java25() {
    String home = System.getenv().getOrDefault("ATOMEMO4J_JAVA25_HOME", DEFAULT_JAVA25_HOME);
    Path java = Path.of(home, "bin", "java");
    return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
  }

  /** The {@code java} executable of this JVM. */
  public static Path current() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }
}
