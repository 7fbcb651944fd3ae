package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.runtime.AuthSpec;
import dev.atomemo4j.runtime.CredentialRequest;
import dev.atomemo4j.runtime.LocatorPage;
import dev.atomemo4j.runtime.LocatorRequest;
import dev.atomemo4j.runtime.MappingRequest;
import dev.atomemo4j.runtime.OAuth2AuthorizeRequest;
import dev.atomemo4j.runtime.OAuth2TokenRequest;
import dev.atomemo4j.runtime.ResourceFields;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.TokenPatch;
import dev.atomemo4j.runtime.ToolException;
import dev.atomemo4j.runtime.spi.CredentialBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.ToolBinding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written registry in the shape the annotation processor generates, for plugin {@code acme-echo} 1.0.0: one
 * tool per behaviour the transport must show, and two credentials. Each test gets a fresh instance, so the gates
 * and recordings are per test.
 */
final class TestPlugin implements PluginRegistry {

  record ApiKeyCredential(Secret apiKey) {}

  record OAuthCredential(String clientId, Secret clientSecret) {}

  /** A record with a Secret component, as a tool parameter. */
  record Connection(String host, Secret token) {}

  static final Shape.Obj CONNECTION = new Shape.Obj("Connection",
      List.of(new Shape.Field("host", Shape.Str.ANY, true, false, null),
          new Shape.Field("token", Shape.SecretStr.INSTANCE, true, false, null)),
      v -> new Connection((String) v[0], (Secret) v[1]),
      o -> new Object[] {((Connection) o).host(), ((Connection) o).token()});

  /** Released by tests to let the {@code wait} tool return. */
  final CountDownLatch release = new CountDownLatch(1);
  /** Request ids of {@code wait} invocations, as they start. */
  final BlockingQueue<String> started = new LinkedBlockingQueue<>();
  /** Failures seen by tools that record them ({@code file-url}). */
  final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
  /** How many times the {@code send-mail} action body ran: never, over the Hub. */
  final java.util.concurrent.atomic.AtomicInteger actionRuns = new java.util.concurrent.atomic.AtomicInteger();
  /** How many times the {@code stamp-form} auto action body ran. */
  final java.util.concurrent.atomic.AtomicInteger autoRuns = new java.util.concurrent.atomic.AtomicInteger();
  /** Whether a {@code wait} tool saw its thread interrupted. */
  final BlockingQueue<String> interrupted = new LinkedBlockingQueue<>();
  /** Request ids of {@code blob} invocations, as their result is made. */
  final BlockingQueue<String> produced = new LinkedBlockingQueue<>();

  static final Shape.Obj API_KEY_VALUES = new Shape.Obj("ApiKeyCredential",
      List.of(new Shape.Field("api_key", Shape.SecretStr.INSTANCE, true, false, null)),
      v -> new ApiKeyCredential((Secret) v[0]), o -> new Object[] {((ApiKeyCredential) o).apiKey()});

  static final Shape.Obj OAUTH_VALUES = new Shape.Obj("OAuthCredential",
      List.of(new Shape.Field("client_id", Shape.Str.ANY, true, false, null),
          new Shape.Field("client_secret", Shape.SecretStr.INSTANCE, true, false, null)),
      v -> new OAuthCredential((String) v[0], (Secret) v[1]),
      o -> new Object[] {((OAuthCredential) o).clientId(), ((OAuthCredential) o).clientSecret()});

  @Override
  public PluginDescriptor descriptor() {
    List<ToolBinding> tools = new ArrayList<>();
    tools.add(tool("echo-text", fields(field("text", Shape.Str.ANY)), null,
        (in, ctx) -> Map.of("text", args(in)[0]),
        Map.of("listThings", this::listThings), Map.of("mapFields", this::mapFields)));
    tools.add(tool("wait", fields(), null, (in, ctx) -> {
      started.add(ctx.requestId());
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.add(ctx.requestId());
        throw e;
      }
      return Map.of("done", true);
    }));
    tools.add(tool("fail", fields(field("message", Shape.Str.ANY)), null, (in, ctx) -> {
      throw new IllegalStateException((String) args(in)[0]);
    }));
    tools.add(tool("refuse", fields(), null, (in, ctx) -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("thing", "x");
      details.put("code", "not the code");
      throw new ToolException("demo:not_found", "no such thing", details, null);
    }));
    tools.add(tool("async", fields(), null,
        (in, ctx) -> CompletableFuture.supplyAsync(() -> Map.of("async", true),
            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))));
    tools.add(new ToolBinding("sleepy", new Shape.Obj("sleepy", fields(), v -> v, null), null, Duration.ofMillis(300), (in, ctx) -> {
      Thread.sleep(10_000);
      return "never";
    }, Map.of(), Map.of(), "schemas/sleepy.json"));
    tools.add(tool("use-key", fields(field("key", new Shape.CredentialRef("api-key"))), null,
        (in, ctx) -> Map.of("key_length", ((ApiKeyCredential) args(in)[0]).apiKey().reveal().length())));
    tools.add(tool("leak-key", fields(field("key", new Shape.CredentialRef("api-key"))), null, (in, ctx) -> {
      throw new IllegalArgumentException("the key " + ((ApiKeyCredential) args(in)[0]).apiKey().reveal()
          + " was refused");
    }));
    tools.add(tool("secret-param", fields(field("token", Shape.SecretStr.INSTANCE)), null, (in, ctx) -> {
      throw new IllegalStateException("token " + ((dev.atomemo4j.runtime.Secret) args(in)[0]).reveal() + " expired");
    }));
    tools.add(tool("nested-secret", fields(field("connection", CONNECTION),
        field("tokens", new Shape.Arr(Shape.SecretStr.INSTANCE, null, null, Shape.Collection.LIST, null, null)),
        field("vault", new Shape.MapOf(Shape.SecretStr.INSTANCE))), null, (in, ctx) -> {
          Connection c = (Connection) args(in)[0];
          @SuppressWarnings("unchecked")
          List<Secret> tokens = (List<Secret>) args(in)[1];
          @SuppressWarnings("unchecked")
          Map<String, Secret> vault = (Map<String, Secret>) args(in)[2];
          String all = c.token().reveal() + " " + tokens.get(0).reveal() + " " + vault.get("k").reveal();
          throw new ToolException("demo:refused", "refused " + all, Map.of("tried", all), null);
        }));
    tools.add(tool("region", fields(field("key", new Shape.CredentialRef("api-key")),
        field("region", new Shape.Str(null, null, List.of("eu-west", "us-east"))),
        field("limits", new Shape.MapOf(new Shape.Int(Shape.IntKind.INT, null, null, null)))), null,
        (in, ctx) -> Map.of("ok", true)));
    tools.add(tool("file-url", fields(field("file", Shape.FileRefValue.INSTANCE)), null, (in, ctx) -> {
      try {
        return Map.of("url", ctx.files().downloadUrl((FileRef) args(in)[0]));
      } catch (Exception e) {
        failures.add(e);
        throw e;
      }
    }));
    tools.add(tool("download", fields(field("file", Shape.FileRefValue.INSTANCE)), null,
        (in, ctx) -> Map.of("text", new String(ctx.files().download((FileRef) args(in)[0]),
            StandardCharsets.UTF_8))));
    tools.add(tool("upload", fields(field("text", Shape.Str.ANY)), null,
        (in, ctx) -> ctx.files().upload(((String) args(in)[0]).getBytes(StandardCharsets.UTF_8), "note.txt",
            "text/plain")));
    tools.add(tool("llm", fields(field("config", Shape.AnyJson.INSTANCE)), null, (in, ctx) -> {
      JsonNode messages = JsonNodeFactory.instance.arrayNode().add(
          JsonNodeFactory.instance.objectNode().put("role", "user").put("content", "hi"));
      return ctx.llm().invoke((JsonNode) args(in)[0], messages);
    }));
    tools.add(tool("blob", fields(field("size", new Shape.Int(Shape.IntKind.INT, 0.0, 16_000_000.0, null))), null,
        (in, ctx) -> {
          String blob = "b".repeat((Integer) args(in)[0]);
          produced.add(ctx.requestId());
          return Map.of("blob", blob);
        }));
    tools.add(tool("thread", fields(), null, (in, ctx) -> Map.of("name", Thread.currentThread().getName(),
        "virtual", Thread.currentThread().toString().startsWith("VirtualThread"))));
    tools.add(tool("context", fields(), null,
        (in, ctx) -> Map.of("request_id", ctx.requestId(), "organization_id", ctx.organizationId().orElse("none"))));
    // Progress and cancellation are for front ends that have them (MCP); the Hub must take both calls in stride.
    tools.add(tool("progress", fields(), null, (in, ctx) -> {
      ctx.reportProgress(1, 2.0, "half way");
      ctx.reportProgress(2, 2.0, null);
      return Map.of("cancelled", ctx.isCancelled());
    }));

    List<CredentialBinding> credentials = List.of(
        new CredentialBinding("api-key", API_KEY_VALUES,
            (cred, req) -> AuthSpec.of("openai", ((ApiKeyCredential) cred).apiKey())
                .withModel(((CredentialRequest) req).model().orElse(null)),
            null, null, null),
        new CredentialBinding("oauth", OAUTH_VALUES, null,
            (cred, req) -> "https://auth.example/authorize?client_id=" + ((OAuthCredential) cred).clientId()
                + "&redirect_uri=" + ((OAuth2AuthorizeRequest) req).redirectUri()
                + "&state=" + ((OAuth2AuthorizeRequest) req).state(),
            (cred, req) -> TokenPatch.of(Secret.of("at-" + ((OAuth2TokenRequest) req).code()), Secret.of("rt-1"),
                1_700_000_000L),
            (cred, req) -> TokenPatch.of(Secret.of("at-refreshed"), null, 1_700_003_600L)));
    // One manual action: the Hub must never run it (it is no tool; approval happens in a host).
    dev.atomemo4j.runtime.spi.ActionBinding sendMail = new dev.atomemo4j.runtime.spi.ActionBinding("send-mail",
        "Sends a mail.", "mail.send", false, dev.atomemo4j.annotations.Approval.MANUAL, List.of(), "",
        new Shape.Obj("send-mail", fields(), v -> v, null), null, (plugin, in, ctx, ticket) -> {
          dev.atomemo4j.core.pipeline.ApprovalTicket.requirePresent(ticket, "send-mail");
          return actionRuns.incrementAndGet();
        }, "META-INF/atomemo4j/acme-echo/schemas/send-mail.input.json");
    // One auto action: the Hub calls it as a tool (the processor lists it in definition.json's tools).
    dev.atomemo4j.runtime.spi.ActionBinding stamp = new dev.atomemo4j.runtime.spi.ActionBinding("stamp-form",
        "Stamps a form.", "form.stamp", true, dev.atomemo4j.annotations.Approval.AUTO, List.of(), "",
        new Shape.Obj("stamp-form", List.of(new Shape.Field("form", new Shape.Str(null, null, null), true, false,
            null)), v -> v, null), null, (plugin, in, ctx, ticket) -> {
          dev.atomemo4j.core.pipeline.ApprovalTicket.requirePresent(ticket, "stamp-form");
          autoRuns.incrementAndGet();
          return "stamped " + ((Object[]) in)[0] + " by " + (plugin == this ? "the plugin object" : plugin);
        }, "META-INF/atomemo4j/acme-echo/schemas/stamp-form.input.json");
    dev.atomemo4j.runtime.spi.AtlasBinding atlas = new dev.atomemo4j.runtime.spi.AtlasBinding(null,
        java.util.Set.of(dev.atomemo4j.annotations.PluginType.ACTION), false, null, config -> this, null, null, null,
        null, null, null, List.of(sendMail, stamp));
    return new PluginDescriptor("acme-echo", "1.0.0", "META-INF/atomemo4j/acme-echo/definition.json",
        TestPlugin.class, tools, credentials, atlas);
  }

  private Object listThings(Object request) {
    LocatorRequest r = (LocatorRequest) request;
    String filter = r.filter().orElse("");
    return new LocatorPage(List.of(new LocatorPage.Item("Thing " + filter, "t-1", "https://things.example/t-1"),
        new LocatorPage.Item("Other", "t-2", null)), r.paginationToken().isPresent() ? null : "page-2");
  }

  private Object mapFields(Object request) {
    MappingRequest r = (MappingRequest) request;
    return new ResourceFields(List.of(new ResourceFields.Field("name", "Name", "string", true, "The name"),
        new ResourceFields.Field("age", null, "integer", null, null)), "No fields for " + r.method());
  }

  // --- generated-style helpers -------------------------------------------------------------------------------------

  static ToolBinding tool(String name, List<Shape.Field> fields, Shape output, ToolBinding.ToolInvoker invoker) {
    return tool(name, fields, output, invoker, Map.of(), Map.of());
  }

  static ToolBinding tool(String name, List<Shape.Field> fields, Shape output, ToolBinding.ToolInvoker invoker,
      Map<String, ToolBinding.Handler> locators, Map<String, ToolBinding.Handler> mappings) {
    return new ToolBinding(name, new Shape.Obj(name, fields, v -> v, null), output, null, invoker, locators,
        mappings, "META-INF/atomemo4j/acme-echo/schemas/" + name + ".input.json");
  }

  static List<Shape.Field> fields(Shape.Field... fields) {
    return List.of(fields);
  }

  static Shape.Field field(String name, Shape shape) {
    return new Shape.Field(name, shape, true, false, null);
  }

  static Object[] args(Object in) {
    return (Object[]) in;
  }
}
