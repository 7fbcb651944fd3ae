package dev.atomemo4j.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.core.lifecycle.CallKind;
import dev.atomemo4j.core.lifecycle.HealthSnapshot;
import dev.atomemo4j.core.lifecycle.MaskedConfig;
import dev.atomemo4j.core.lifecycle.PluginHealth;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The admin API's JSON bodies (host/API.md), built by hand so the wire format is stated in one place. */
final class AdminJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AdminJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode error(String code, String message) {
    return object().put("code", code).put("message", message);
  }

  static ObjectNode health(PluginHealth health) {
    ObjectNode out = object().put("healthy", health.healthy());
    if (health.message() == null) {
      out.putNull("message");
    } else {
      out.put("message", health.message());
    }
    return out.put("latency_ms", health.latency().toMillis()).put("checked_at", health.checkedAt().toString())
        .put("probed", health.probed());
  }

  static ObjectNode snapshot(HealthSnapshot snapshot) {
    ObjectNode out = object().put("status", snapshot.healthy() ? "healthy" : "unhealthy")
        .put("healthy", snapshot.healthy()).put("checked_at", snapshot.checkedAt().toString());
    ArrayNode plugins = out.putArray("plugins");
    for (HealthSnapshot.Entry entry : snapshot.plugins()) {
      ObjectNode p = plugins.addObject().put("id", entry.pluginId()).put("status", entry.status().wireName())
          .put("enabled", entry.enabled());
      p.setAll(health(entry.health()));
    }
    return out;
  }

  static ObjectNode summary(PluginInstance plugin) {
    ObjectNode out = object().put("id", plugin.id()).put("name", plugin.id());
    if (plugin.descriptor().version() == null) {
      out.putNull("version");
    } else {
      out.put("version", plugin.descriptor().version());
    }
    ArrayNode types = out.putArray("types");
    for (PluginType type : PluginType.values()) {
      if (plugin.types().contains(type)) {
        types.add(type.wireName());
      }
    }
    out.put("status", plugin.status().wireName()).put("enabled", plugin.enabled()).put("required", plugin.required());
    Optional<PluginHealth> health = plugin.lastHealth();
    if (health.isPresent()) {
      out.set("health", health(health.get()));
      out.put("latency_ms", health.get().latency().toMillis());
    } else {
      out.putNull("health");
      out.putNull("latency_ms");
    }
    return out;
  }

  static ObjectNode detail(PluginInstance plugin) {
    ObjectNode out = summary(plugin);
    out.set("config", MaskedConfig.of(plugin));
    ObjectNode deadlines = out.putObject("deadlines_ms");
    for (CallKind kind : CallKind.values()) {
      deadlines.put(kind.wireName(), plugin.deadline(kind).toMillis());
    }
    Optional<String> manifest = plugin.manifestJson();
    if (manifest.isPresent()) {
      try {
        out.set("manifest", MAPPER.readTree(manifest.get()));
      } catch (JsonProcessingException e) {
        out.put("manifest_error", "the plugin manifest is not valid JSON");
      }
    } else {
      out.putNull("manifest");
    }
    return out;
  }
}
