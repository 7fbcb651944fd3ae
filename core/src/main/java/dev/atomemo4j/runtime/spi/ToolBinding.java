package dev.atomemo4j.runtime.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One tool: its input shape (the parameters), the result shape when the return type is typed, the invoker that
 * calls the author's method, and the {@code locator_list} / {@code resource_mapping} handlers of its class, keyed
 * by the method names the definition refers to.
 *
 * @param timeout the per-invocation limit, or null for the runtime default
 * @param inputSchemaResource classpath path of the tool's JSON Schema
 * @param hints what the author declared of the tool's behaviour ({@code @Tool(readOnly, destructive, idempotent,
 *     openWorld)}); {@link Hints#NONE} when nothing was declared
 */
public record ToolBinding(
    String name,
    Shape.Obj input,
    Shape output,
    Duration timeout,
    ToolInvoker invoker,
    Map<String, Handler> locatorLists,
    Map<String, Handler> resourceMappings,
    String inputSchemaResource,
    Hints hints) {

  /** No locator lists or resource mappings: what generated code passes for a tool without them. */
  public static final Map<String, Handler> NO_HANDLERS = Map.of();

  public ToolBinding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(invoker, "invoker");
    locatorLists = Map.copyOf(locatorLists);
    resourceMappings = Map.copyOf(resourceMappings);
  }

  /** A tool without declared hints (and registries generated before hints existed). */
  public ToolBinding(String name, Shape.Obj input, Shape output, Duration timeout, ToolInvoker invoker,
      Map<String, Handler> locatorLists, Map<String, Handler> resourceMappings, String inputSchemaResource) {
    this(name, input, output, timeout, invoker, locatorLists, resourceMappings, inputSchemaResource, Hints.NONE);
  }

  /**
   * The behaviour hints of a tool, as MCP's tool annotations know them; each null when the author did not say.
   * Front ends that show them (MCP) pass them on; the Hub has no place for them.
   */
  public record Hints(Boolean readOnly, Boolean destructive, Boolean idempotent, Boolean openWorld) {
    public static final Hints NONE = new Hints(null, null, null, null);

    public boolean isEmpty() {
      return readOnly == null && destructive == null && idempotent == null && openWorld == null;
    }
  }

  /** Calls the author's tool with decoded input (a record, or the parameter values in order). */
  @FunctionalInterface
  public interface ToolInvoker {
    Object invoke(Object input, dev.atomemo4j.runtime.ToolContext context) throws Exception;
  }

  /** Calls a locator-list or resource-mapping method with the request object the runtime builds. */
  @FunctionalInterface
  public interface Handler {
    Object handle(Object request) throws Exception;
  }
}
