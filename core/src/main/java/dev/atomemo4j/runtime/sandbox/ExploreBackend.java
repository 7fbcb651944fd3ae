package dev.atomemo4j.runtime.sandbox;

/**
 * What a {@code @Sandbox} factory returns: runs explore commands (shell command lines such as
 * {@code grep -r orders .}) over the semantic root it was created for. The host may call {@link #exec} from
 * several threads at once (one per explore in flight), each under its time limit (it interrupts the calling thread
 * at the deadline and no longer waits), caps the output it passes on, and calls {@link #close} when it drops the
 * backend.
 */
public interface ExploreBackend {

  /**
   * Runs one command and answers its output and exit code. A command that fails is a result with a non-zero exit
   * code; an exception means the backend itself failed (the host reports {@code explore:exec_failed}).
   */
  ExecResult exec(String command) throws Exception;

  /** Releases what the backend holds (a VM, a container, a temporary directory). */
  default void close() throws Exception {}
}
