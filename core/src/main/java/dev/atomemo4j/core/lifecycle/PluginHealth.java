package dev.atomemo4j.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The host's view of one probe of one plugin.
 *
 * @param healthy the probe's verdict (or, for a plugin without {@code @HealthCheck}, whether its status is healthy)
 * @param message the probe's message or why it failed ({@code "timed out after 5000 ms"}); null when none
 * @param latency measured by the host; zero when nothing was called
 * @param checkedAt when the probe ended, by the host's clock
 * @param probed whether a {@code @HealthCheck} ran (false: derived from the status)
 */
public record PluginHealth(String pluginId, boolean healthy, String message, Duration latency, Instant checkedAt,
    boolean probed) {
  public PluginHealth {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(checkedAt, "checkedAt");
  }
}
