package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.core.pipeline.ApprovalTicket;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.Shape;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the processor generates for {@link ActionsPlugin} (compare ActionDiagnosticsTest): each executor demands
 * the approval ticket of its own action before it calls the method.
 */
public final class ActionsPluginRegistry implements PluginRegistry {
  private static final Shape.Field TITLE = new Shape.Field("title", new Shape.Str(null, null, null), true,
      false, null);
  private static final Shape.Field TOKEN = new Shape.Field("token", Shape.SecretStr.INSTANCE, false, true, null);
  private static final Shape.Field N = new Shape.Field("n", new Shape.Str(null, null, null), true, false, null);
  private static final Shape.Obj ACCOUNT = new Shape.Obj("Account", List.of(
      new Shape.Field("user", new Shape.Str(null, null, null), true, false, null),
      new Shape.Field("password", Shape.SecretStr.INSTANCE, true, false, null)),
      v -> new ActionsPlugin.Account((String) v[0], (Secret) v[1]),
      o -> new Object[] {((ActionsPlugin.Account) o).user(), ((ActionsPlugin.Account) o).password()});

  private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("actions", "1.0.0",
      "META-INF/atomemo4j/actions/definition.json", ActionsPlugin.class, List.of(), List.of(),
      new AtlasBinding(null, Set.of(PluginType.ACTION), false, null, config -> new ActionsPlugin(),
          null, null, null, null, null, null, List.of(
              new ActionBinding("open_ticket", "Opens a ticket.", "ticket.create", true, Approval.MANUAL, List.of(),
                  "Open ticket: {title} (token {token})",
                  new Shape.Obj("open_ticket", List.of(TITLE, TOKEN), v -> v, null), null,
                  (plugin, in, ctx, ticket) -> {
                    ApprovalTicket.requirePresent(ticket, "open_ticket");
                    Object[] a = (Object[]) in;
                    return ((ActionsPlugin) plugin).openTicket((String) a[0], (Secret) a[1], ctx);
                  }, "META-INF/atomemo4j/actions/schemas/open_ticket.input.json"),
              new ActionBinding("wipe_all", "Deletes everything.", "data.wipe", false, Approval.ADMIN_ONLY,
                  List.of(), "", new Shape.Obj("wipe_all", List.of(), v -> v, null), null,
                  (plugin, in, ctx, ticket) -> {
                    ApprovalTicket.requirePresent(ticket, "wipe_all");
                    return ((ActionsPlugin) plugin).wipeAll(ctx);
                  }, "META-INF/atomemo4j/actions/schemas/wipe_all.input.json"),
              new ActionBinding("ping_auto", "Pings.", "net.ping", true, Approval.AUTO, List.of(), "Ping {n}",
                  new Shape.Obj("ping_auto", List.of(N), v -> v, null), null,
                  (plugin, in, ctx, ticket) -> {
                    ApprovalTicket.requirePresent(ticket, "ping_auto");
                    Object[] a = (Object[]) in;
                    return ((ActionsPlugin) plugin).ping((String) a[0], ctx);
                  }, "META-INF/atomemo4j/actions/schemas/ping_auto.input.json"),
              new ActionBinding("log_in", "Logs in.", "remote.login", true, Approval.MANUAL, List.of(),
                  "Log in as {account}",
                  new Shape.Obj("log_in", List.of(new Shape.Field("account", ACCOUNT, true, false, null)), v -> v,
                      null), null,
                  (plugin, in, ctx, ticket) -> {
                    ApprovalTicket.requirePresent(ticket, "log_in");
                    Object[] a = (Object[]) in;
                    return ((ActionsPlugin) plugin).logIn((ActionsPlugin.Account) a[0], ctx);
                  }, "META-INF/atomemo4j/actions/schemas/log_in.input.json"),
              new ActionBinding("with_credential", "Needs the ticket API.", "ticket.read", true, Approval.MANUAL,
                  List.of("ticket_api"), "", new Shape.Obj("with_credential", List.of(), v -> v, null), null,
                  (plugin, in, ctx, ticket) -> {
                    ApprovalTicket.requirePresent(ticket, "with_credential");
                    return ((ActionsPlugin) plugin).withCredential(ctx);
                  }, "META-INF/atomemo4j/actions/schemas/with_credential.input.json"),
              new ActionBinding("hold_on", "Holds until interrupted.", "test.hold", false, Approval.MANUAL,
                  List.of(), "", new Shape.Obj("hold_on", List.of(), v -> v, null), null,
                  (plugin, in, ctx, ticket) -> {
                    ApprovalTicket.requirePresent(ticket, "hold_on");
                    return ((ActionsPlugin) plugin).holdOn(ctx);
                  }, "META-INF/atomemo4j/actions/schemas/hold_on.input.json", Duration.ofMillis(200)))));

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
