package dev.atomemo4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.host.explore.BackendAttempt;
import dev.atomemo4j.host.explore.ExploreException;
import dev.atomemo4j.host.explore.ExploreResult;
import dev.atomemo4j.host.explore.ExploreSettings;
import dev.atomemo4j.host.explore.HostExplore;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import java.io.IOException;
import java.util.List;

/**
 * The admin API's explore routes (host/API.md, Explore): {@code POST /api/explore {"command"}} runs a command as
 * {@code host.explore} does and answers the result, or the error with its {@code explore:…} code (and, for
 * {@code explore:no_backend}, every backend considered); {@code GET /api/explore} shows the settings, the backend in
 * use and what its selection considered.
 */
final class ExploreApi {
  private ExploreApi() {}

  /** A reply, or null when the path is not an explore route. */
  static ActionsApi.Reply handle(HostExplore explore, String method, String path, String body) {
    if (!path.equals("/api/explore")) {
      return null;
    }
    if (method.equals("GET")) {
      return new ActionsApi.Reply(200, state(explore));
    }
    if (!method.equals("POST")) {
      return new ActionsApi.Reply(405, AdminJson.error("host:method_not_allowed", method
          + " is not allowed here; use GET or POST"));
    }
    JsonNode in;
    try {
      in = AdminJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return new ActionsApi.Reply(400, AdminJson.error("host:bad_request", "the body is not JSON"));
    }
    JsonNode command = in.get("command");
    if (command == null || !command.isTextual()) {
      return new ActionsApi.Reply(400, AdminJson.error(ExploreException.INVALID_COMMAND,
          "the body must be {\"command\": \"…\"} with the command as a string"));
    }
    try {
      return new ActionsApi.Reply(200, result(explore.explore(command.asText())));
    } catch (ExploreException e) {
      ObjectNode error = AdminJson.error(e.code(), e.getMessage());
      if (!e.attempts().isEmpty()) {
        error.set("attempts", attempts(e.attempts()));
      }
      return new ActionsApi.Reply(statusOf(e.code()), error);
    }
  }

  private static ObjectNode result(ExploreResult r) {
    return AdminJson.object().put("backend", r.backend()).put("command", r.command()).put("stdout", r.stdout())
        .put("stderr", r.stderr()).put("exitCode", r.exitCode()).put("timedOut", r.timedOut())
        .put("truncated", r.truncated());
  }

  private static ObjectNode state(HostExplore explore) {
    ExploreSettings s = explore.settings();
    ObjectNode out = AdminJson.object();
    if (explore.chosenBackend().isPresent()) {
      out.put("backend", explore.chosenBackend().get());
    } else {
      out.putNull("backend");
    }
    out.put("semanticRoot", s.semanticRoot().toAbsolutePath().normalize().toString());
    out.set("requires", capabilities(s.policy().required()));
    out.put("maxOutputBytes", s.limits().maxOutputBytes()).put("timeoutMs", s.limits().timeout().toMillis());
    out.set("lastSelection", attempts(explore.lastSelection()));
    return out;
  }

  private static ArrayNode capabilities(SandboxCapabilities c) {
    ArrayNode out = AdminJson.MAPPER.createArrayNode();
    SandboxCapabilities.NONE.missing(c).forEach(out::add);
    return out;
  }

  private static ArrayNode attempts(List<BackendAttempt> attempts) {
    ArrayNode out = AdminJson.MAPPER.createArrayNode();
    for (BackendAttempt a : attempts) {
      ObjectNode o = out.addObject().put("backend", a.backend()).put("priority", a.priority())
          .put("outcome", a.outcome().wireName());
      if (a.reason() == null) {
        o.putNull("reason");
      } else {
        o.put("reason", a.reason());
      }
    }
    return out;
  }

  private static int statusOf(String code) {
    switch (code) {
      case ExploreException.INVALID_COMMAND:
        return 400;
      case ExploreException.REJECTED:
        return 422;
      case ExploreException.EXEC_FAILED:
        return 502;
      default:
        return 503;
    }
  }
}
