package dev.atomemo4j.runtime;

/**
 * Serves whichever plugin is on the classpath: {@code java -cp <plugin and its dependencies>
 * dev.atomemo4j.runtime.Main}. The {@code atomemo4j dev} and {@code demo} commands start plugins this way, so a
 * plugin needs no {@code main} of its own.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Atomemo4j.run();
  }
}
