package dev.atomemo4j.host.testplugins;

import java.util.concurrent.atomic.AtomicInteger;

/** A context plugin without config; {@code @Refresh} bumps the edition its context names. */
public final class GlossaryPlugin {
  /** How many times any instance was refreshed. */
  public static final AtomicInteger REFRESHES = new AtomicInteger();

  private int edition = 1;

  public String load() {
    return "Glossary edition " + edition + ": ARR means annual recurring revenue.";
  }

  public void refresh() {
    edition++;
    REFRESHES.incrementAndGet();
  }
}
