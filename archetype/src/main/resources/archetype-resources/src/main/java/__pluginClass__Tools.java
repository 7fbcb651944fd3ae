package ${package};

import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;
import java.util.Map;

/** The tools of ${name}: each public {@code @Tool} method is one tool; its parameters are the tool's inputs. */
public final class ${pluginClass}Tools {

  @Tool(name = "greet", displayName = "Greet", description = "Greets someone by name.")
  public Map<String, String> greet(
      @Param(name = "name", displayName = "Name", placeholder = "e.g. Ada", hint = "Who to greet.") String name) {
    return Map.of("greeting", "Hello, " + name + "!");
  }
}
