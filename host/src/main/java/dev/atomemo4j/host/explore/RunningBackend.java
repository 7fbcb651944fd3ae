package dev.atomemo4j.host.explore;

/** A created backend as the host uses it: runs a command under the limits, and is closed when dropped. */
interface RunningBackend {
  ProcessOutput exec(String command, ExploreLimits limits) throws Exception;

  void close() throws Exception;
}
