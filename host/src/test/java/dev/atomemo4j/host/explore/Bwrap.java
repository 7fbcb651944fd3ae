package dev.atomemo4j.host.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the real bubblewrap can run here. Tests that need it skip with the reason printed when it cannot, except
 * where {@code ATOMEMO4J_REQUIRE_BWRAP=1} (set by {@code .ci/run}, which installs bubblewrap): there a missing or
 * broken bwrap fails them.
 */
final class Bwrap {
  private static String problem;
  private static boolean checked;

  private Bwrap() {}

  /** Skips (or, in CI, fails) the calling test when bwrap cannot create its sandbox here. */
  static void assumeUsable() {
    String why = problem();
    if (why == null) {
      return;
    }
    if ("1".equals(System.getenv("ATOMEMO4J_REQUIRE_BWRAP"))) {
      throw new AssertionError("bubblewrap is required here (ATOMEMO4J_REQUIRE_BWRAP=1) but cannot run: " + why);
    }
    System.out.println("SKIPPED bubblewrap test: " + why);
    Assumptions.abort("bubblewrap cannot run here: " + why);
  }

  private static synchronized String problem() {
    if (!checked) {
      checked = true;
      try {
        Path root = Files.createTempDirectory("bwrap-check");
        BubblewrapBackend.create("bwrap", root);
        Files.delete(root);
      } catch (Exception e) {
        problem = e.getMessage();
      }
    }
    return problem;
  }
}
