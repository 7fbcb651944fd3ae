package dev.atomemo4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.host.actions.ActionException;
import dev.atomemo4j.host.actions.ActionRequest;
import dev.atomemo4j.host.actions.Approver;
import dev.atomemo4j.host.actions.AuditEntry;
import dev.atomemo4j.host.actions.HostActions;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin API's action routes (host/API.md, Actions): list requests by state, one request with its audit,
 * propose, approve, deny. The approver's identity comes from the {@code X-Atomemo4j-User} and
 * {@code X-Atomemo4j-Roles} headers, which the admin API — without a login of its own — trusts from whatever
 * fronts it (keep it on loopback, behind your authenticating proxy); without a user every decision is refused.
 * Inputs are shown as stored: secrets masked.
 */
final class ActionsApi {
  static final String USER_HEADER = "X-Atomemo4j-User";
  static final String ROLES_HEADER = "X-Atomemo4j-Roles";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ActionsApi() {}

  /** A status and body, or null when {@code parts} is not an action route. */
  static Reply handle(HostActions actions, String method, String[] parts, String query, String body, String user,
      String roles) {
    if (parts.length < 3 || !parts[0].equals("api") || !parts[1].equals("actions")
        || !parts[2].equals("requests")) {
      return null;
    }
    if (actions == null) {
      return new Reply(404, AdminJson.error("host:no_actions", "no hosted plugin declares an action"));
    }
    try {
      if (parts.length == 3) {
        if (method.equals("GET")) {
          ActionState state = ActionState.ofWireName(param(query, "state", "pending"));
          ObjectNode out = AdminJson.object();
          ArrayNode list = out.putArray("requests");
          actions.list(state).forEach(r -> list.add(json(r)));
          return new Reply(200, out);
        }
        if (method.equals("POST")) {
          JsonNode in = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
          ActionRequest r = actions.propose(in.path("plugin").asText(), in.path("action").asText(),
              in.get("input"), user);
          return new Reply(201, json(r));
        }
        return notAllowed("GET, POST");
      }
      String id = parts[3];
      if (parts.length == 4) {
        if (!method.equals("GET")) {
          return notAllowed("GET");
        }
        ActionRequest r = actions.request(id).orElseThrow(() -> new ActionException(ActionException.NOT_FOUND,
            "no action request " + id));
        ObjectNode out = json(r);
        ArrayNode audit = out.putArray("audit");
        for (AuditEntry e : actions.audit(id)) {
          ObjectNode a = audit.addObject();
          a.put("from", e.from() == null ? null : e.from().wireName());
          a.put("to", e.to().wireName());
          a.put("actor", e.actor());
          a.put("at", e.at().toString());
        }
        return new Reply(200, out);
      }
      if (parts.length == 5 && (parts[4].equals("approve") || parts[4].equals("deny"))) {
        if (!method.equals("POST")) {
          return notAllowed("POST");
        }
        Approver approver = user == null || user.isBlank() ? Approver.NONE : new Approver(user, roles == null
            ? Set.of() : Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
        ActionRequest r = parts[4].equals("approve") ? actions.approve(id, approver) : actions.deny(id, approver);
        return new Reply(200, json(r));
      }
    } catch (ActionException e) {
      return new Reply(statusOf(e.code()), AdminJson.error(e.code(), e.getMessage()));
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      return new Reply(400, AdminJson.error("host:bad_request", e.getMessage()));
    }
    return new Reply(404, AdminJson.error("host:not_found", "no endpoint " + method + " /" + String.join("/", parts)
        + "; see host/API.md"));
  }

  static ObjectNode json(ActionRequest r) {
    ObjectNode o = AdminJson.object();
    o.put("id", r.id());
    o.put("plugin", r.pluginId());
    o.put("action", r.action());
    o.put("actionType", r.actionType());
    o.put("mode", r.mode().wireName());
    o.put("state", r.state().wireName());
    o.put("requester", r.requester());
    o.put("summary", r.summary());
    o.put("reversible", r.reversible());
    try {
      o.set("input", MAPPER.readTree(r.input()));
      o.set("result", r.result() == null ? null : MAPPER.readTree(r.result()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored request holds invalid JSON", e);
    }
    o.put("error", r.error());
    o.put("decidedBy", r.decidedBy());
    o.put("createdAt", r.createdAt().toString());
    o.put("expiresAt", r.expiresAt().toString());
    return o;
  }

  private static int statusOf(String code) {
    return switch (code) {
      case ActionException.NOT_FOUND -> 404;
      case ActionException.NO_USER -> 401;
      case ActionException.FORBIDDEN, ActionException.SELF_APPROVAL -> 403;
      case ActionException.NOT_PENDING, ActionException.PLUGIN_NOT_RUNNING -> 409;
      case ErrorCodes.CREDENTIAL_MISSING, ErrorCodes.INVALID_PARAMETER -> 422;
      default -> 400;
    };
  }

  private static Reply notAllowed(String allowed) {
    Reply r = new Reply(405, AdminJson.error("host:method_not_allowed", "use " + allowed));
    return r;
  }

  private static String param(String query, String name, String fallback) {
    if (query == null) {
      return fallback;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return fallback;
  }

  /** A status and a JSON body. */
  record Reply(int status, JsonNode body) {}
}
