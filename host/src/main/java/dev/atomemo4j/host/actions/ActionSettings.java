package dev.atomemo4j.host.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.annotations.Approval;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a host runs actions.
 *
 * @param hostId this host's name in the store: which executions it claimed (hosts sharing a database need
 *     distinct, stable ids; a restarted host marks what its id was executing {@code interrupted})
 * @param overrides the install's approval mode per {@code <pluginId>/<actionName>} or {@code <pluginId>/<actionType>}
 *     (the action name wins); beats the declared default
 * @param expiry how long a pending request may wait for a decision
 * @param forbidSelfApproval whether a requester may not approve or deny their own {@code admin-only} request
 * @param credentials per plugin id, credential name → its values, as actions receive them
 * @param secretKey the 32-byte AES key sealing Secret inputs in the store; hosts sharing a store share it
 * @param clock when things happen (expiry); injectable for tests
 */
public record ActionSettings(
    String hostId,
    Map<String, Approval> overrides,
    Duration expiry,
    boolean forbidSelfApproval,
    Map<String, Map<String, JsonNode>> credentials,
    byte[] secretKey,
    Clock clock) {

  public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

  public ActionSettings {
    Objects.requireNonNull(hostId, "hostId");
    overrides = Map.copyOf(overrides);
    Objects.requireNonNull(expiry, "expiry");
    credentials = Map.copyOf(credentials);
    secretKey = secretKey.clone();
    Objects.requireNonNull(clock, "clock");
  }

  /** Defaults: host id {@code host}, no overrides, 24 h expiry, no self-approval, a key for this process only. */
  public static ActionSettings defaults() {
    return new ActionSettings("host", Map.of(), DEFAULT_EXPIRY, true, Map.of(), SecretSealer.randomKey(),
        Clock.systemUTC());
  }

  public ActionSettings withHostId(String id) {
    return new ActionSettings(id, overrides, expiry, forbidSelfApproval, credentials, secretKey, clock);
  }

  public ActionSettings withOverrides(Map<String, Approval> value) {
    return new ActionSettings(hostId, value, expiry, forbidSelfApproval, credentials, secretKey, clock);
  }

  public ActionSettings withExpiry(Duration value) {
    return new ActionSettings(hostId, overrides, value, forbidSelfApproval, credentials, secretKey, clock);
  }

  public ActionSettings withForbidSelfApproval(boolean value) {
    return new ActionSettings(hostId, overrides, expiry, value, credentials, secretKey, clock);
  }

  public ActionSettings withCredentials(Map<String, Map<String, JsonNode>> value) {
    return new ActionSettings(hostId, overrides, expiry, forbidSelfApproval, value, secretKey, clock);
  }

  public ActionSettings withSecretKey(byte[] value) {
    return new ActionSettings(hostId, overrides, expiry, forbidSelfApproval, credentials, value, clock);
  }

  public ActionSettings withClock(Clock value) {
    return new ActionSettings(hostId, overrides, expiry, forbidSelfApproval, credentials, secretKey, value);
  }

  /** A copy: the key stays this record's own. */
  @Override
  public byte[] secretKey() {
    return secretKey.clone();
  }

  /** Never shows the key or credential values. */
  @Override
  public String toString() {
    return "ActionSettings[hostId=" + hostId + ", overrides=" + overrides + ", expiry=" + expiry
        + ", forbidSelfApproval=" + forbidSelfApproval + ", credentials for " + credentials.keySet() + "]";
  }
}
