package dev.atomemo4j.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Supplies the instances of tool classes, so that a tool class can take its HTTP client, configuration or secrets
 * through its constructor instead of static fields. The generated registry asks the factory once per tool class, at
 * start; a class the factory answers {@code null} for is created with its public no-argument constructor (a direct
 * {@code new}, no reflection).
 *
 * <p>The method is generic, so a dependency-injection container plugs in as a method reference:
 *
 * <pre>{@code
 * Atomemo4j.builder().toolFactory(applicationContext::getBean).start();   // Spring
 * Atomemo4j.builder().toolFactory(injector::getInstance).start();         // Guice
 * Atomemo4j.builder().toolFactory(ToolFactory.of(new WeatherTools(httpClient, apiKey))).start(); // by hand
 * }</pre>
 *
 * <p>A tool class without a public no-argument constructor must be supplied by the factory; otherwise start-up fails
 * with {@code sdk:no_tool_instance}, naming the class.
 */
@FunctionalInterface
public interface ToolFactory {
  /** The default: every tool class is created with its public no-argument constructor. */
  ToolFactory NO_ARG_CONSTRUCTORS = new ToolFactory() {
    @Override
    public <T> T create(Class<T> toolClass) {
      return null;
    }
  };

  /**
   * The instance whose methods serve the tools of {@code toolClass}, or null to create it with its public
   * no-argument constructor.
   *
   * @throws Exception when the instance cannot be created; start-up then fails with {@code sdk:tool_factory_failed}
   */
  <T> T create(Class<T> toolClass) throws Exception;

  /**
   * A factory serving exactly these instances, each for its own class ({@code getClass()}); other tool classes are
   * created with their no-argument constructors.
   *
   * @throws IllegalArgumentException if two instances are of the same class
   */
  static ToolFactory of(Object... instances) {
    Map<Class<?>, Object> byClass = new LinkedHashMap<>();
    for (Object instance : instances) {
      Objects.requireNonNull(instance, "instance");
      if (byClass.putIfAbsent(instance.getClass(), instance) != null) {
        throw new IllegalArgumentException("two instances of " + instance.getClass().getName()
            + " were given; a tool class is served by one instance");
      }
    }
    return new ToolFactory() {
      @Override
      public <T> T create(Class<T> toolClass) {
        Object instance = byClass.get(toolClass);
        return instance == null ? null : toolClass.cast(instance);
      }

      @Override
      public String toString() {
        return "ToolFactory.of(" + byClass.keySet() + ")";
      }
    };
  }
}
