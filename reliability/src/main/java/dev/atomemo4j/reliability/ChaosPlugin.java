package dev.atomemo4j.reliability;

import dev.atomemo4j.runtime.Atomemo4j;
import dev.atomemo4j.runtime.PluginServer;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The plugin the fault suite attacks, run in a JVM of its own: {@code ChaosPlugin <hub ws url> <max in flight>}. It
 * has a registry written the way the processor generates one, with tools for each fault: {@code echo}, {@code blob}
 * (a result of any size), {@code slow} (sleeps), and {@code leak}, which throws an exception quoting a credential
 * value and a {@code Secret} nested in a record, so the suite can grep for the marker. Every 100 ms it prints the
 * heap in use as {@code HEAP <bytes>}, which the suite reads for the peak.
 */
public final class ChaosPlugin implements PluginRegistry {

  /** What the suite's {@code leak} requests pass: a host and a secret token. */
  record Connection(String host, Secret token) {}

  record ApiKey(Secret apiKey) {}

  static final String NAME = "chaos";
  static final String VERSION = "1.0.0";

  private static final Shape.Obj CONNECTION = new Shape.Obj("Connection",
      List.of(new Shape.Field("host", Shape.Str.ANY, true, false, null),
          new Shape.Field("token", Shape.SecretStr.INSTANCE, true, false, null)),
      v -> new Connection((String) v[0], (Secret) v[1]),
      o -> new Object[] {((Connection) o).host(), ((Connection) o).token()});

  private static final Shape.Obj API_KEY = new Shape.Obj("ApiKey",
      List.of(new Shape.Field("api_key", Shape.SecretStr.INSTANCE, true, false, null)),
      v -> new ApiKey((Secret) v[0]), o -> new Object[] {((ApiKey) o).apiKey()});

  private static final Shape.Int SIZE = new Shape.Int(Shape.IntKind.INT, 0.0, 14_000_000.0, null);

  @Override
  public PluginDescriptor descriptor() {
    List<ToolBinding> tools = List.of(
        tool("echo", List.of(field("text", Shape.Str.ANY)), (in, ctx) -> Map.of("text", args(in)[0])),
        tool("blob", List.of(field("size", SIZE)), (in, ctx) -> Map.of("blob", "b".repeat((Integer) args(in)[0]))),
        tool("slow", List.of(field("millis", SIZE)), (in, ctx) -> {
          Thread.sleep((Integer) args(in)[0]);
          return Map.of("slept", args(in)[0]);
        }),
        tool("leak", List.of(field("connection", CONNECTION), field("key", new Shape.CredentialRef("api-key"))),
            (in, ctx) -> {
              Connection c = (Connection) args(in)[0];
              ApiKey key = (ApiKey) args(in)[1];
              throw new IllegalStateException("cannot reach " + c.host() + " with token " + c.token().reveal()
                  + " and key " + key.apiKey().reveal());
            }));
    List<CredentialBinding> credentials = List.of(new CredentialBinding("api-key", API_KEY, null, null, null, null));
    return new PluginDescriptor(NAME, VERSION, "META-INF/atomemo4j/chaos/definition.json", ChaosPlugin.class, tools,
        credentials);
  }

  private static ToolBinding tool(String name, List<Shape.Field> fields, ToolBinding.ToolInvoker invoker) {
    return new ToolBinding(name, new Shape.Obj(name, fields, v -> v, null), null, null, invoker, Map.of(), Map.of(),
        "META-INF/atomemo4j/chaos/schemas/" + name + ".input.json");
  }

  private static Shape.Field field(String name, Shape shape) {
    return new Shape.Field(name, shape, true, false, null);
  }

  private static Object[] args(Object in) {
    return (Object[]) in;
  }

  public static void main(String[] args) throws Exception {
    Thread heap = new Thread(ChaosPlugin::reportHeap, "chaos-heap");
    heap.setDaemon(true);
    heap.start();
    Path dir = Files.createTempDirectory("chaos-plugin");
    PluginServer server = Atomemo4j.builder()
        .registry(new ChaosPlugin())
        .environment(Map.of())
        .config("HUB_WS_URL", args[0])
        .config("HUB_DEBUG_API_KEY", args.length > 2 ? args[2] : "chaos-key")
        .config("DEBUG", "true")
        .workingDirectory(dir)
        .author("Chaos Monkey", "chaos@example.com")
        .maxInFlight(Integer.parseInt(args[1]))
        .start();
    server.awaitTermination();
  }

  private static void reportHeap() {
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    while (true) {
      long used = 0;
      for (MemoryPoolMXBean pool : pools) {
        used += pool.getUsage().getUsed();
      }
      System.out.println("HEAP " + used);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
