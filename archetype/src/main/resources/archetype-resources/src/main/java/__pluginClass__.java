#if( $pluginClass == "Plugin" )
#set( $pluginAnnotation = "dev.atomemo4j.annotations.Plugin" )
#else
#set( $pluginAnnotation = "Plugin" )
#end
package ${package};

#if( $pluginAnnotation == "Plugin" )
import dev.atomemo4j.annotations.Plugin;
#end
import dev.atomemo4j.runtime.Atomemo4j;

/**
 * The ${name} plugin. The annotation processor checks this declaration when you compile and generates
 * {@code META-INF/atomemo4j/${name}/definition.json} and the registry that {@link Atomemo4j#run()} serves.
 */
@${pluginAnnotation}(
    name = "${name}",
    displayName = "${displayName}",
    description = "${description}",
    icon = "👋",
    tools = ${pluginClass}Tools.class)
public final class ${pluginClass} {
  private ${pluginClass}() {}

  /** Connects to the Hub named by HUB_WS_URL (from the environment or ./.env) and serves it until stopped. */
  public static void main(String[] args) {
    Atomemo4j.run();
  }
}
