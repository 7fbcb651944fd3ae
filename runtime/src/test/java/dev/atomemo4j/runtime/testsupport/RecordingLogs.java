package dev.atomemo4j.runtime.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of the test JVM: records every event at every level (so debug paths run too) for assertions,
 * and echoes ERROR (and, on request, WARN) to stderr.
 */
public final class RecordingLogs {

  /** One log event; {@code text} is the formatted message plus the printed throwable, as a backend would write. */
  public record Event(Level level, String logger, String text) {}

  private static final ConcurrentLinkedQueue<Event> EVENTS = new ConcurrentLinkedQueue<>();
  /** Tests provoke many warnings on purpose; {@code -Dphoenix.test.warnings=true} shows them while debugging. */
  private static final boolean ECHO_WARNINGS = Boolean.getBoolean("phoenix.test.warnings");

  /** Events below this level are neither enabled nor recorded, as with a backend configured at that level. */
  private static volatile Level threshold = Level.TRACE;

  private RecordingLogs() {}

  /** Like a backend at {@code level} (e.g. slf4j-simple's default, INFO); {@link #clear()} resets it to TRACE. */
  public static void minimumLevel(Level level) {
    threshold = level;
  }

  private static boolean enabled(Level level) {
    return level.toInt() >= threshold.toInt();
  }

  public static void clear() {
    EVENTS.clear();
    threshold = Level.TRACE;
  }

  public static List<Event> events() {
    return List.copyOf(EVENTS);
  }

  public static List<String> texts(Level level) {
    return EVENTS.stream().filter(e -> e.level() == level).map(Event::text).toList();
  }

  /** Everything logged, at every level, as one string. */
  public static String all() {
    StringBuilder out = new StringBuilder();
    for (Event e : EVENTS) {
      out.append(e.level()).append(' ').append(e.logger()).append(": ").append(e.text()).append('\n');
    }
    return out.toString();
  }

  private static final class RecordingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    RecordingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      if (!enabled(level)) {
        return;
      }
      String text = MessageFormatter.basicArrayFormat(pattern, arguments);
      if (throwable != null) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        text = text + "\n" + trace;
      }
      EVENTS.add(new Event(level, name, text));
      if (level == Level.ERROR || (level == Level.WARN && ECHO_WARNINGS)) {
        System.err.println("[" + level + "] " + name + ": " + text);
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled(Level.ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      return enabled(Level.ERROR);
    }
  }

  /** Registered in META-INF/services for the test classpath only. */
  public static final class Provider implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = RecordingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
      return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
      return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
      return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
      return "2.0.99";
    }

    @Override
    public void initialize() {}
  }
}
