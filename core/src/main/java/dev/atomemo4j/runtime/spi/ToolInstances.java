package dev.atomemo4j.runtime.spi;

import dev.atomemo4j.runtime.Atomemo4jException;
import dev.atomemo4j.runtime.ToolFactory;
import java.util.function.Supplier;

/**
 * How the generated registry obtains each tool class's instance: from the application's {@link ToolFactory}, else
 * through the generated no-argument constructor call. Runs once per tool class when the descriptor is built, never
 * per request. Not meant to be called by hand.
 */
public final class ToolInstances {
  /** No ToolFactory supplied the instance of a class that has no public no-argument constructor. */
  public static final String NO_TOOL_INSTANCE = "sdk:no_tool_instance";
  /** The ToolFactory threw. */
  public static final String FACTORY_FAILED = "sdk:tool_factory_failed";
  /** The ToolFactory returned an object that is not an instance of the class asked for. */
  public static final String FACTORY_WRONG_TYPE = "sdk:tool_factory_wrong_type";

  private ToolInstances() {}

  /**
   * @param factory the application's factory, or null for none
   * @param noArgConstructor the generated {@code Type::new}, or null when the class has no public no-argument
   *     constructor
   */
  public static <T> T create(ToolFactory factory, Class<T> toolClass, Supplier<? extends T> noArgConstructor) {
    T made = null;
    if (factory != null) {
      try {
        made = factory.create(toolClass);
      } catch (Exception e) {
        throw new Atomemo4jException(FACTORY_FAILED, "the ToolFactory could not create " + toolClass.getName()
            + ": " + e, e);
      }
      // Generic factories (a container's getBean) are unchecked: check once here rather than fail per request.
      if (made != null && !toolClass.isInstance(made)) {
        throw new Atomemo4jException(FACTORY_WRONG_TYPE, "the ToolFactory returned a " + made.getClass().getName()
            + " when asked for " + toolClass.getName(), null);
      }
    }
    if (made != null) {
      return made;
    }
    if (noArgConstructor != null) {
      return noArgConstructor.get();
    }
    throw new Atomemo4jException(NO_TOOL_INSTANCE, toolClass.getName() + " has no public no-argument constructor"
        + " and no ToolFactory supplied an instance of it. Pass one that does, e.g. Atomemo4j.builder()"
        + ".toolFactory(ToolFactory.of(new " + toolClass.getSimpleName() + "(…))) or a container's getBean"
        + " (in tests: @PluginTest(toolFactory = …)), or give the class a public no-argument constructor.", null);
  }
}
