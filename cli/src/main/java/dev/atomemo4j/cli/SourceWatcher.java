package dev.atomemo4j.cli;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a plugin module for saves: everything under {@code src/main/java} and {@code src/main/resources}
 * (directories created later included) and the module's {@code pom.xml}. Saves come in bursts (an editor writes a
 * temporary file, renames it, touches the directory; "save all" writes many files), so the listener hears once per
 * burst: after {@code quiet} has passed with no further change, with every path the burst touched.
 */
final class SourceWatcher implements AutoCloseable {
  static final Duration DEFAULT_QUIET = Duration.ofMillis(300);

  private final Path module;
  private final Duration quiet;
  private final Consumer<Set<Path>> listener;
  private final WatchService service;
  private final Map<WatchKey, Path> directories = new HashMap<>();
  private final Thread thread;

  SourceWatcher(Path module, Duration quiet, Consumer<Set<Path>> listener) throws IOException {
    this.module = module.toAbsolutePath().normalize();
    this.quiet = quiet;
    this.listener = listener;
    this.service = FileSystems.getDefault().newWatchService();
    register(this.module);
    for (String tree : new String[] {"src/main/java", "src/main/resources"}) {
      registerTree(this.module.resolve(tree));
    }
    this.thread = new Thread(this::run, "atomemo4j-dev-watch");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        Set<Path> burst = new LinkedHashSet<>();
        collect(service.take(), burst);
        WatchKey next;
        while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          collect(next, burst);
        }
        if (!burst.isEmpty()) {
          listener.accept(Set.copyOf(burst));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  private void collect(WatchKey key, Set<Path> burst) {
    Path dir = directories.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (dir == null) {
        continue;
      }
      if (event.kind() == OVERFLOW) {
        burst.add(dir); // events were lost: something under here changed
        continue;
      }
      Path changed = dir.resolve((Path) event.context());
      boolean moduleLevel = dir.equals(module);
      if (moduleLevel && !changed.getFileName().toString().equals("pom.xml")) {
        continue; // only the pom at the module's top level; target/ and friends change on every build
      }
      if (event.kind() == ENTRY_CREATE && !moduleLevel && Files.isDirectory(changed)) {
        registerTree(changed); // a new package: watch it, and count what it already holds
      }
      if (isSource(changed)) {
        burst.add(changed);
      }
    }
    if (!key.reset()) {
      directories.remove(key);
    }
  }

  /** Editor scratch files (vim's swap files, emacs' lock and backup files) are not saves. */
  static boolean isSource(Path path) {
    String name = path.getFileName().toString();
    return !(name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
        || name.startsWith("#") || name.endsWith(".tmp"));
  }

  private void registerTree(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path dir : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
        register(dir);
      }
    } catch (IOException e) {
      // a directory vanished while we walked it: its deletion is an event of its own
    }
  }

  private void register(Path dir) {
    try {
      directories.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
    } catch (IOException e) {
      // gone already
    }
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // nothing to do
    }
    thread.interrupt();
  }
}
