package dev.atomemo4j.benchmarks.hub;

/** Measure 8's baseline: a bare JVM that prints hello and exits. */
public final class Hello {

  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
