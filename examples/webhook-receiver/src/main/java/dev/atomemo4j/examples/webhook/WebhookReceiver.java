package dev.atomemo4j.examples.webhook;

import dev.atomemo4j.annotations.HealthCheck;
import dev.atomemo4j.annotations.Initialize;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.annotations.Routes;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginContext;
import dev.atomemo4j.runtime.routes.RouteHandler;
import dev.atomemo4j.runtime.routes.RouteRequest;
import dev.atomemo4j.runtime.routes.RouteResponse;
import dev.atomemo4j.runtime.routes.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interaction plugin: receives webhooks from a service that signs them (as GitHub, Stripe or Slack do), and
 * accepts only requests signed with the shared key, recently, once. The host serves its routes under
 * {@code /plugins/webhook-receiver/}:
 *
 * <ul>
 *   <li>{@code POST /events}: a delivery. Signed and fresh: {@code 202 {"sequence": n}}; anything else: {@code 401}
 *       with the reason (missing header, stale timestamp, bad signature, replay), and the body is dropped.
 *   <li>{@code GET /events}: the newest accepted deliveries, oldest first; signed the same way (an empty body), so
 *       what was received is not public either.
 * </ul>
 *
 * <p>An application embedding the host reads the same deliveries from {@link #events()}.
 */
@Plugin(
    name = "webhook-receiver",
    displayName = "Webhook Receiver",
    description = "Receives signed webhooks (HMAC-SHA256) and keeps the newest accepted deliveries.",
    icon = "🪝",
    types = PluginType.INTERACTION,
    config = WebhookConfig.class)
public final class WebhookReceiver {
  /** Senders' keys are usually 32 random bytes; a short key makes the HMAC guessable. */
  private static final int MIN_KEY_LENGTH = 16;
  private static final int REMEMBERED_SIGNATURES = 10_000;

  private final WebhookConfig config;
  private final Clock clock;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Deque<ReceivedEvent> events = new ArrayDeque<>();
  private volatile WebhookSignature signature;
  private volatile ReplayGuard replays;
  private volatile Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

  /** The host calls this with the validated config. */
  public WebhookReceiver(WebhookConfig config) {
    this(config, Clock.systemUTC());
  }

  WebhookReceiver(WebhookConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Refuses a key too short to sign with; the message says so without showing it. */
  @Initialize
  public void initialize(PluginContext context) {
    log = context.logger();
    if (config.signingKey().reveal().length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException("the signing key is shorter than " + MIN_KEY_LENGTH + " characters");
    }
    Duration tolerance = Duration.ofSeconds(config.toleranceSeconds());
    signature = new WebhookSignature(config.signingKey(), tolerance, clock);
    replays = new ReplayGuard(tolerance, clock, REMEMBERED_SIGNATURES);
  }

  @Routes
  public void routes(Router router) {
    router.post("/events", signed(this::receive))
        .get("/events", signed(request -> RouteResponse.json(Map.of("events", listing()))));
  }

  /** The deliveries as JSON objects; the time as ISO-8601 text. */
  private List<Map<String, Object>> listing() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReceivedEvent e : events()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sequence", e.sequence());
      m.put("receivedAt", e.receivedAt().toString());
      m.put("contentType", e.contentType());
      m.put("body", e.body());
      out.add(m);
    }
    return out;
  }

  /** {@code handler}, behind the signature check and the replay guard. */
  private RouteHandler signed(RouteHandler handler) {
    return request -> {
      Optional<String> refusal = signature.refusal(request);
      if (refusal.isEmpty() && !replays.firstUse(request.header(WebhookSignature.SIGNATURE_HEADER).orElseThrow())) {
        refusal = Optional.of("this signature was used already (a replay)");
      }
      if (refusal.isPresent()) {
        refused.incrementAndGet();
        log.info("refused {} {}: {}", request.method(), request.path(), refusal.get());
        return RouteResponse.unauthorized(refusal.get());
      }
      return handler.handle(request);
    };
  }

  private RouteResponse receive(RouteRequest request) {
    ReceivedEvent event = new ReceivedEvent(accepted.incrementAndGet(), clock.instant(),
        request.header("Content-Type").orElse(""), request.bodyText());
    synchronized (events) {
      events.addLast(event);
      while (events.size() > config.maxEvents()) {
        events.removeFirst();
      }
    }
    log.debug("accepted delivery {} ({} bytes)", event.sequence(), request.body().length);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sequence", event.sequence());
    return RouteResponse.json(202, body);
  }

  /** The newest accepted deliveries (at most {@code maxEvents}), oldest first. */
  public List<ReceivedEvent> events() {
    synchronized (events) {
      return List.copyOf(new ArrayList<>(events));
    }
  }

  /** Local-only: the receiver is up when it initialized; the counts tell an operator whether senders get through. */
  @HealthCheck
  public HealthResult health() {
    if (signature == null) {
      return HealthResult.unhealthy("not initialized");
    }
    return HealthResult.ok(accepted.get() + " accepted, " + refused.get() + " refused");
  }
}
