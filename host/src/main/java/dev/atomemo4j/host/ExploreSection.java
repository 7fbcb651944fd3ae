package dev.atomemo4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.host.explore.ExploreLimits;
import dev.atomemo4j.host.explore.ExploreSettings;
import dev.atomemo4j.host.explore.SandboxPolicy;
import dev.atomemo4j.runtime.sandbox.SandboxCapabilities;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The host file's {@code explore:} section (host/API.md, "Explore"): the semantic root, the security policy's
 * required capabilities, the limits and the built-in backends. Problems are collected with the file's others.
 *
 * <pre>{@code
 * explore:
 *   semanticRoot: ${HOST_FILE_DIR}/semantic
 *   require: [networkIsolation, filesystemIsolation, unprivilegedExecution]
 *   maxOutputBytes: 1048576
 *   timeout: 30s
 *   builtIns: [bubblewrap]          # default: [bubblewrap, plain-process]
 *   bwrap: /usr/bin/bwrap           # default: bwrap on PATH
 *   createTimeout: 30s
 * }</pre>
 */
final class ExploreSection {
  static final Set<String> KEYS = Set.of("semanticRoot", "require", "maxOutputBytes", "timeout", "builtIns", "bwrap",
      "createTimeout");
  private static final List<String> CAPABILITIES = List.of("networkIsolation", "filesystemIsolation",
      "unprivilegedExecution");

  private ExploreSection() {}

  /**
   * The settings, or null when there is no section (or it is broken: the problems say why).
   *
   * @param text the host file's string reader (reports a non-string)
   * @param duration the host file's duration reader (reports a bad duration)
   */
  static ExploreSettings read(JsonNode node, List<ConfigViolation> problems,
      BiFunction<JsonNode, String, String> text, BiFunction<JsonNode, String, Duration> duration) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(new ConfigViolation("explore", HostFile.INVALID_SETTING, "must be a mapping"));
      return null;
    }
    ExploreSettings s = ExploreSettings.defaults();
    String root = text.apply(node.get("semanticRoot"), "explore.semanticRoot");
    if (root != null) {
      s = s.withSemanticRoot(Path.of(root));
    }
    JsonNode require = node.get("require");
    if (require != null && !require.isNull()) {
      boolean[] flags = new boolean[3];
      if (!require.isArray()) {
        problems.add(new ConfigViolation("explore.require", HostFile.INVALID_SETTING, "must be a list of: "
            + String.join(", ", CAPABILITIES)));
      } else {
        for (JsonNode item : require) {
          int at = CAPABILITIES.indexOf(item.asText());
          if (at < 0) {
            problems.add(new ConfigViolation("explore.require", HostFile.INVALID_SETTING, "unknown capability `"
                + item.asText() + "`; expected one of: " + String.join(", ", CAPABILITIES)));
          } else {
            flags[at] = true;
          }
        }
      }
      s = s.withPolicy(new SandboxPolicy(new SandboxCapabilities(flags[0], flags[1], flags[2])));
    }
    int maxBytes = s.limits().maxOutputBytes();
    JsonNode bytes = node.get("maxOutputBytes");
    if (bytes != null && !bytes.isNull()) {
      if (bytes.canConvertToInt() && bytes.isIntegralNumber() && bytes.intValue() > 0) {
        maxBytes = bytes.intValue();
      } else {
        problems.add(new ConfigViolation("explore.maxOutputBytes", HostFile.INVALID_SETTING,
            "must be a positive number of bytes"));
      }
    }
    Duration timeout = duration.apply(node.get("timeout"), "explore.timeout");
    s = s.withLimits(new ExploreLimits(maxBytes, timeout == null ? s.limits().timeout() : timeout));
    JsonNode builtIns = node.get("builtIns");
    if (builtIns != null && !builtIns.isNull()) {
      EnumSet<ExploreSettings.BuiltIn> chosen = EnumSet.noneOf(ExploreSettings.BuiltIn.class);
      if (!builtIns.isArray()) {
        problems.add(new ConfigViolation("explore.builtIns", HostFile.INVALID_SETTING,
            "must be a list of: bubblewrap, plain-process"));
      } else {
        for (JsonNode item : builtIns) {
          switch (item.asText()) {
            case "bubblewrap" -> chosen.add(ExploreSettings.BuiltIn.BUBBLEWRAP);
            case "plain-process" -> chosen.add(ExploreSettings.BuiltIn.PLAIN_PROCESS);
            default -> problems.add(new ConfigViolation("explore.builtIns", HostFile.INVALID_SETTING,
                "unknown built-in backend `" + item.asText() + "`; expected bubblewrap or plain-process"));
          }
        }
      }
      s = s.withBuiltIns(chosen);
    }
    String bwrap = text.apply(node.get("bwrap"), "explore.bwrap");
    if (bwrap != null) {
      s = s.withBwrap(bwrap);
    }
    Duration create = duration.apply(node.get("createTimeout"), "explore.createTimeout");
    if (create != null) {
      s = s.withCreateTimeout(create);
    }
    return s;
  }
}
