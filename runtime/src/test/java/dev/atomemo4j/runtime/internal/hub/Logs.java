package dev.atomemo4j.runtime.internal.hub;

import java.lang.reflect.Method;

/**
 * The log events of the test JVM. The SLF4J backend of the test class path is the recording provider of the
 * Phoenix tests (registered in META-INF/services; SLF4J binds exactly one provider), so this reads its recording
 * instead of installing a second one.
 */
final class Logs {

  private static final Method ALL;
  private static final Method CLEAR;

  static {
    try {
      Class<?> recording = Class.forName("dev.atomemo4j.runtime.internal.phoenix.RecordingLogs");
      ALL = recording.getDeclaredMethod("all");
      CLEAR = recording.getDeclaredMethod("clear");
      ALL.setAccessible(true);
      CLEAR.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Logs() {}

  static void clear() {
    invoke(CLEAR);
  }

  /** Everything logged since the last {@link #clear()}, at every level, one event per line. */
  static String all() {
    return (String) invoke(ALL);
  }

  private static Object invoke(Method m) {
    try {
      return m.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
