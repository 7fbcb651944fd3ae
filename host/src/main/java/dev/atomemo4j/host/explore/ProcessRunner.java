package dev.atomemo4j.host.explore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one process under {@link ExploreLimits}, for the built-in backends. Both streams are read at once against one
 * byte budget; the first byte over it kills the process (and its descendants) and sets {@code truncated}, so a flood
 * costs no more than the limit. At the time limit the process tree is killed and {@code timedOut} set. The process
 * gets no stdin and only the environment given (never the host's, which may hold secrets).
 */
final class ProcessRunner {
  /** How long the readers may take to see the end of output once the process is gone (descendants that escaped). */
  private static final long DRAIN_MILLIS = 2000;

  private ProcessRunner() {}

  static ProcessOutput run(List<String> argv, Path workingDirectory, Map<String, String> environment,
      ExploreLimits limits) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(
        Path.of("/dev/null").toFile()));
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    AtomicLong budget = new AtomicLong(limits.maxOutputBytes());
    AtomicBoolean truncated = new AtomicBoolean();
    Reader out = new Reader(process.getInputStream(), budget, truncated, process);
    Reader err = new Reader(process.getErrorStream(), budget, truncated, process);
    Thread outThread = start(out, "atomemo4j-explore-stdout");
    Thread errThread = start(err, "atomemo4j-explore-stderr");
    boolean timedOut = false;
    try {
      if (!process.waitFor(limits.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        timedOut = !truncated.get();
        killTree(process);
        process.waitFor();
      }
    } catch (InterruptedException e) {
      killTree(process);
      throw e;
    }
    outThread.join(DRAIN_MILLIS);
    errThread.join(DRAIN_MILLIS);
    return new ProcessOutput(out.text(), err.text(), process.exitValue(), timedOut, truncated.get());
  }

  private static Thread start(Runnable reader, String name) {
    Thread t = new Thread(reader, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** SIGKILL to the descendants first (so none is reparented and keeps running), then to the process. */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Copies one stream while the shared budget lasts; past it, kills the process and drops the rest. */
  private static final class Reader implements Runnable {
    private final InputStream in;
    private final AtomicLong budget;
    private final AtomicBoolean truncated;
    private final Process process;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Reader(InputStream in, AtomicLong budget, AtomicBoolean truncated, Process process) {
      this.in = in;
      this.budget = budget;
      this.truncated = truncated;
      this.process = process;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          int take = take(n);
          synchronized (kept) {
            kept.write(buffer, 0, take);
          }
          if (take < n) {
            truncated.set(true);
            killTree(process);
            return;
          }
        }
      } catch (IOException closed) {
        // the process was killed while we read: what was kept is the output
      }
    }

    private int take(int wanted) {
      while (true) {
        long left = budget.get();
        int take = (int) Math.min(left, wanted);
        if (budget.compareAndSet(left, left - take)) {
          return take;
        }
      }
    }

    String text() {
      synchronized (kept) {
        return new String(kept.toByteArray(), StandardCharsets.UTF_8);
      }
    }
  }
}
