package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.hub.Hello;
import dev.atomemo4j.benchmarks.hub.HubHarness;
import dev.atomemo4j.benchmarks.hub.HubHarnesses;
import dev.atomemo4j.benchmarks.hub.Jdks;
import dev.atomemo4j.benchmarks.plugins.LoadPlugin;
import dev.atomemo4j.benchmarks.report.Figures;
import dev.atomemo4j.benchmarks.report.Row;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measure 8: process start → registered on a local hub, against a bare JVM printing hello, on Java 17 and Java 25,
 * without and with a class-data archive built from the plugin's class path (AppCDS on Java 17, the AOT cache on
 * Java 25). Each side is a fresh child JVM; runs interleave hello, plain and archived, and the figure is the median.
 */
public final class StartupMeasure implements Measure {

  static final double GOAL = 2.0;

  @Override
  public String id() {
    return "8";
  }

  @Override
  public String title() {
    return "start-up: process start → registered on a local hub, vs a bare JVM printing hello";
  }

  @Override
  public String goal() {
    return "≤ 2×";
  }

  /** How one JDK builds and uses its archive. */
  private record Archive(String kind, String file, String build, String use) {
    String[] buildArgs(Path dir) {
      return new String[] {build + dir.resolve(file)};
    }

    String[] useArgs(Path dir) {
      return new String[] {use + dir.resolve(file)};
    }
  }

  private static final Archive APP_CDS = new Archive("AppCDS archive", "plugin.jsa", "-XX:ArchiveClassesAtExit=",
      "-XX:SharedArchiveFile=");
  private static final Archive AOT_CACHE = new Archive("AOT cache", "plugin.aot", "-XX:AOTCacheOutput=",
      "-XX:AOTCache=");

  @Override
  public List<Row> run(Settings s) throws Exception {
    Optional<HubHarness> harness = HubHarnesses.find();
    Optional<Path> java25 = Jdks.java25();
    List<Row> rows = new ArrayList<>();
    if (harness.isEmpty()) {
      for (String id : List.of("8", "8a", "8b", "8c")) {
        rows.add(Row.notMeasured(id, title(), goal(), Row.NEEDS_HUB));
      }
      return rows;
    }
    String classPath = jarsOnly(System.getProperty("java.class.path"));
    try (HubHarness h = harness.get()) {
      rows.addAll(rows(h, "8", "8a", Jdks.current(), Runtime.version().feature(), APP_CDS, classPath, s));
      if (java25.isPresent()) {
        rows.addAll(rows(h, "8b", "8c", java25.get(), 25, AOT_CACHE, classPath, s));
      } else {
        rows.add(Row.notMeasured("8b", "… on Java 25", goal(), "no Java 25 JDK found"));
        rows.add(Row.notMeasured("8c", "… on Java 25 with an AOT cache", goal(), "no Java 25 JDK found"));
      }
    }
    return rows;
  }

  private List<Row> rows(HubHarness h, String plainId, String archivedId, Path java, int feature, Archive archive,
      String classPath, Settings s) throws Exception {
    Files.createDirectories(s.workDir());
    Path dir = Files.createTempDirectory(s.workDir(), "startup" + feature);
    // The training run: the same start-up, stopped normally, writes the archive on its way out.
    h.startUntilRegistered(LoadPlugin.class, java, classPath, s.childJvmArgs(archive.buildArgs(dir)));
    boolean built = Files.isRegularFile(dir.resolve(archive.file()));
    int runs = s.smoke() ? 1 : Math.max(1, s.coldForks()) * 2 + 1;
    double[] hello = new double[runs];
    double[] plain = new double[runs];
    double[] archived = new double[runs];
    for (int i = 0; i < runs; i++) {
      hello[i] = hello(java, classPath);
      plain[i] = h.startUntilRegistered(LoadPlugin.class, java, classPath, s.childJvmArgs()).toNanos();
      archived[i] = built
          ? h.startUntilRegistered(LoadPlugin.class, java, classPath, s.childJvmArgs(archive.useArgs(dir))).toNanos()
          : Double.NaN;
    }
    double helloMedian = Figures.median(hello);
    double plainMedian = Figures.median(plain);
    double r = plainMedian / helloMedian;
    String jdk = "Java " + feature;
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(plainId, (plainId.equals("8") ? title() + " (" + jdk + ")" : "… on " + jdk),
        Figures.time(plainMedian), "hello " + Figures.time(helloMedian), Figures.ratio(r), goal(),
        r <= GOAL ? "yes" : "no",
        String.format(Locale.ROOT, "%s, no archive beyond the JDK's own: median of %d fresh JVMs per side, run "
            + "interleaved; ours = from just before the child process starts to its `register_plugin` arriving at "
            + "the loopback hub (a 3-tool plugin, the runtime and its dependencies as jars); hello = the same `java` "
            + "printing hello, to its exit. Ratio = ours ÷ hello.", jdk, runs)));
    if (!built) {
      rows.add(Row.notMeasured(archivedId, "… on " + jdk + " with an " + archive.kind(), goal(),
          "the training run wrote no " + archive.kind() + " (" + archive.buildArgs(dir)[0] + ")"));
      return rows;
    }
    double archivedMedian = Figures.median(archived);
    double ra = archivedMedian / helloMedian;
    rows.add(new Row(archivedId, "… on " + jdk + " with an " + archive.kind(), Figures.time(archivedMedian),
        "hello " + Figures.time(helloMedian), Figures.ratio(ra), goal(), ra <= GOAL ? "yes" : "no",
        String.format(Locale.ROOT, "As %s, with `%s` built by one training run (`%s`: start, register, stop); "
            + "hello uses the JDK's default archive only. README, *Faster start-up*, says how to build one.",
            plainId, archive.use() + archive.file(), archive.build() + archive.file())));
    return rows;
  }

  /** Nanos from starting {@code java Hello} to its exit. */
  private static double hello(Path java, String classPath) throws IOException, InterruptedException {
    long began = System.nanoTime();
    Process p = new ProcessBuilder(java.toString(), "-cp", classPath, Hello.class.getName())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("hello did not exit within 60 s on " + java);
    }
    return System.nanoTime() - began;
  }

  /**
   * The class path with each module's {@code target/classes} directory replaced by the jar beside it: class-data
   * archives take classes from jars only, and a plugin ships as jars.
   */
  static String jarsOnly(String classPath) throws IOException {
    List<String> out = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p) && p.getFileName() != null && p.getFileName().toString().equals("classes")
          && p.getParent() != null) {
        try (Stream<Path> jars = Files.list(p.getParent())) {
          Optional<Path> jar = jars.filter(j -> j.getFileName().toString().endsWith(".jar")
              && !j.getFileName().toString().endsWith("-sources.jar")
              && !j.getFileName().toString().endsWith("-javadoc.jar")).findFirst();
          if (jar.isPresent()) {
            out.add(jar.get().toString());
            continue;
          }
        }
      }
      out.add(entry);
    }
    return String.join(File.pathSeparator, out);
  }
}
