package dev.atomemo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a save, on a real file system with the JDK's WatchService. */
class SourceWatcherTest {
  @TempDir Path module;

  private final BlockingQueue<Set<Path>> bursts = new LinkedBlockingQueue<>();

  private SourceWatcher watch() throws Exception {
    Files.createDirectories(module.resolve("src/main/java/com/example"));
    Files.createDirectories(module.resolve("src/main/resources"));
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    // A long quiet period: two writes one after the other always fall into one burst, however loaded the machine.
    SourceWatcher watcher = new SourceWatcher(module, Duration.ofSeconds(2), bursts::add);
    watcher.start();
    return watcher;
  }

  @Test
  void savesInOneBurstAreHeardTogether() throws Exception {
    try (SourceWatcher watcher = watch()) {
      Path a = module.resolve("src/main/java/com/example/A.java");
      Path b = module.resolve("src/main/resources/messages.properties");
      Files.writeString(a, "class A {}");
      Files.writeString(b, "hello=world");

      Set<Path> burst = bursts.poll(60, TimeUnit.SECONDS);

      assertThat(burst).contains(a, b);
    }
  }

  @Test
  void aSourceInANewPackageIsWatched() throws Exception {
    try (SourceWatcher watcher = watch()) {
      Path fresh = Files.createDirectories(module.resolve("src/main/java/com/example/fresh"));
      Set<Path> created = bursts.poll(60, TimeUnit.SECONDS);
      assertThat(created).contains(fresh);

      Path source = fresh.resolve("B.java");
      Files.writeString(source, "class B {}");

      assertThat(bursts.poll(60, TimeUnit.SECONDS)).contains(source);
    }
  }

  @Test
  void thePomIsASaveButOtherFilesAtTheModulesTopAreNot() throws Exception {
    try (SourceWatcher watcher = watch()) {
      Files.writeString(module.resolve("README.md"), "notes");
      Files.writeString(module.resolve("pom.xml"), "<project><!-- changed --></project>");

      assertThat(bursts.poll(60, TimeUnit.SECONDS)).containsExactly(module.toAbsolutePath().normalize()
          .resolve("pom.xml"));
    }
  }

  @Test
  void editorScratchFilesAreNotSaves() {
    for (String name : new String[] {".A.java.swp", "A.java~", "#A.java#", ".#A.java", "A.java.swx", "x.tmp"}) {
      assertThat(SourceWatcher.isSource(Path.of(name))).as(name).isFalse();
    }
    assertThat(SourceWatcher.isSource(Path.of("A.java"))).isTrue();
    assertThat(SourceWatcher.isSource(Path.of("messages_zh_Hans.properties"))).isTrue();
  }
}
