package dev.atomemo4j.host.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.core.actions.ActionCodes;
import dev.atomemo4j.core.actions.ActionState;
import dev.atomemo4j.core.lifecycle.PluginInstance;
import dev.atomemo4j.core.pipeline.ApprovalStage;
import dev.atomemo4j.core.pipeline.Codec;
import dev.atomemo4j.core.pipeline.ErrorCodes;
import dev.atomemo4j.core.pipeline.Exchange;
import dev.atomemo4j.core.pipeline.InvokeStage;
import dev.atomemo4j.core.pipeline.PipelineRequest;
import dev.atomemo4j.core.pipeline.RequestFailure;
import dev.atomemo4j.core.pipeline.RequestPipeline;
import dev.atomemo4j.core.pipeline.ResultEncoder;
import dev.atomemo4j.core.pipeline.SecretPointers;
import dev.atomemo4j.core.pipeline.Secrets;
import dev.atomemo4j.core.pipeline.ValidateStage;
import dev.atomemo4j.runtime.PluginStatus;
import dev.atomemo4j.runtime.ToolContext;
import dev.atomemo4j.runtime.spi.ActionBinding;
import dev.atomemo4j.runtime.spi.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's approval gate for {@code @Action}s ({@code host.actions()}): propose a request, approve or deny it,
 * and run an approved one exactly once through the core pipeline's APPROVAL stage (atlas-features.md §16 row 1).
 *
 * <ul>
 *   <li>Effective mode: the install's override, else the declared default, else {@code manual}.
 *   <li>{@code auto} runs at once; {@code manual} needs the {@link Approver#APPROVER} role, {@code admin-only} the
 *       {@link Approver#ADMIN} role and (configurably) someone other than the requester; no user is always refused.
 *   <li>Every transition is a compare-and-set in the {@link JdbcActionStore}, audited; the execution claim is one
 *       too, so an approval and an execution happen once however many callers or hosts race for them.
 *   <li>Secret parameters are stored, listed, audited and logged as {@code [REDACTED]}; their values are sealed.
 * </ul>
 */
public final class HostActions {
  private static final Logger log = LoggerFactory.getLogger("atomemo4j.host.actions");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
  /** The actor of transitions no person made. */
  static final String SYSTEM = "system";

  private final JdbcActionStore store;
  private final ActionSettings settings;
  private final Function<String, PluginInstance> plugins;
  private final SecretSealer sealer;
  private final RequestPipeline pipeline;
  /** Notified whenever this object moves a request, for {@link #awaitFinal}. */
  private final Object changes = new Object();

  /**
   * @param plugins the hosted plugin of an id, or null when there is none
   */
  public HostActions(JdbcActionStore store, ActionSettings settings, Function<String, PluginInstance> plugins) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.plugins = Objects.requireNonNull(plugins, "plugins");
    this.sealer = new SecretSealer(settings.secretKey());
    this.pipeline = RequestPipeline.builder()
        .add(RequestPipeline.Phase.VALIDATE, new ValidateStage(HostActions::context))
        .add(RequestPipeline.Phase.APPROVAL, new ApprovalStage(this::claim))
        .add(RequestPipeline.Phase.INVOKE, new DeadlineInvokeStage())
        .build(Runnable::run);
  }

  /**
   * After a restart: what this host was executing when it stopped is marked {@code interrupted}, never re-run by
   * itself (the effect may or may not have happened). Pending requests stay pending.
   *
   * @return the interrupted request ids
   */
  public List<String> recover() {
    List<String> out = new ArrayList<>();
    for (String id : store.executingOn(settings.hostId())) {
      if (store.transition(id, ActionState.EXECUTING, ActionState.INTERRUPTED, SYSTEM, now(), null, null,
          "action:interrupted: the host stopped while executing it; check its effect before proposing it again")) {
        log.warn("action request {} was executing when host {} stopped: marked interrupted, not re-run", id,
            settings.hostId());
        out.add(id);
      }
    }
    return out;
  }

  /** The mode {@code action} of {@code pluginId} runs under: install override, declared default, else manual. */
  public Approval effectiveMode(String pluginId, ActionBinding action) {
    Approval byName = settings.overrides().get(pluginId + "/" + action.name());
    if (byName != null) {
      return byName;
    }
    Approval byType = settings.overrides().get(pluginId + "/" + action.actionType());
    if (byType != null) {
      return byType;
    }
    return action.approval() != null ? action.approval() : Approval.MANUAL;
  }

  /**
   * Stores a request for {@code action} of {@code pluginId} with {@code input}, made by {@code requester}. An
   * {@code auto} action runs at once and the returned request is already finished.
   *
   * @throws ActionException unknown plugin or action, invalid input ({@code sdk:invalid_parameter}), a required
   *     credential missing ({@code sdk:credential_missing})
   */
  public ActionRequest propose(String pluginId, String actionName, JsonNode input, String requester) {
    if (requester == null || requester.isBlank()) {
      throw new ActionException(ActionException.NO_USER, "a request needs the requester's identity");
    }
    PluginInstance plugin = plugin(pluginId);
    ActionBinding action = plugin.descriptor().atlas().action(actionName).orElseThrow(() -> new ActionException(
        ActionException.NOT_FOUND, "plugin `" + pluginId + "` has no action `" + actionName + "`; it has: "
            + String.join(", ", plugin.descriptor().atlas().actions().stream().map(ActionBinding::name).toList())));
    JsonNode parameters = input == null ? JSON.createObjectNode() : input;
    JsonNode credentials = credentials(pluginId);
    Secrets secrets = secrets(action, parameters, credentials);
    List<String> missing = ValidateStage.missingCredentials(action, credentials);
    if (!missing.isEmpty()) {
      throw new ActionException(ErrorCodes.CREDENTIAL_MISSING, "action `" + actionName + "` requires the "
          + "credential(s) " + String.join(", ", missing) + ", which this host was not given");
    }
    try {
      Codec.decodeParameters(action.input(), parameters, credentials, plugin.descriptor(),
          "action `" + actionName + "`", secrets);
    } catch (RequestFailure f) {
      throw new ActionException(f.code(), secrets.scrub(f.getMessage()) + problems(f));
    }
    Approval mode = effectiveMode(pluginId, action);
    Instant now = now();
    ActionRequest request = new ActionRequest(UUID.randomUUID().toString(), pluginId, actionName,
        action.actionType(), mode, ActionState.PENDING, requester, masked(action, parameters).toString(),
        summary(action, parameters), action.reversible(), now, now.plus(settings.expiry()), null, null, null);
    store.insert(request, sealed(action, parameters), requester);
    log.info("action request {} proposed by {}: {} of {} ({}), input {}", request.id(), requester, actionName,
        pluginId, mode.wireName(), request.input());
    if (mode == Approval.AUTO) {
      execute(request.id());
    }
    return get(request.id());
  }

  /**
   * Approves a pending request and runs it (through the approval stage, once). Returns the request as it ended.
   *
   * @throws ActionException no user, a missing role, self-approval of an admin-only request, not pending (already
   *     decided, or expired)
   */
  public ActionRequest approve(String requestId, Approver approver) {
    ActionRequest r = decidable(requestId, approver);
    if (!store.transition(requestId, ActionState.PENDING, ActionState.APPROVED, approver.userId(), now(),
        approver.userId(), null, null)) {
      throw notPending(get(requestId));
    }
    log.info("action request {} approved by {}", requestId, approver.userId());
    signal();
    execute(r.id());
    return get(requestId);
  }

  /** Denies a pending request; its body never runs. Same checks as {@link #approve}. */
  public ActionRequest deny(String requestId, Approver approver) {
    return deny(requestId, approver, null);
  }

  /**
   * Denies a pending request and stores why ({@code reason}, e.g. "the MCP user declined") as its error, {@code
   * host:action_denied: <reason>}; null for none. Same checks as {@link #approve}.
   */
  public ActionRequest deny(String requestId, Approver approver, String reason) {
    decidable(requestId, approver);
    if (!store.transition(requestId, ActionState.PENDING, ActionState.DENIED, approver.userId(), now(),
        approver.userId(), null, reason == null ? null : ActionCodes.DENIED + ": " + reason)) {
      throw notPending(get(requestId));
    }
    log.info("action request {} denied by {}{}", requestId, approver.userId(), reason == null ? "" : ": " + reason);
    signal();
    return get(requestId);
  }

  /**
   * Waits at most {@code wait} until the request is final (succeeded, failed, denied, expired, interrupted) and
   * returns it as it is then. A decision made on this host wakes the wait at once; one made by another host sharing
   * the store is seen within {@link #POLL}.
   */
  public ActionRequest awaitFinal(String requestId, Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    synchronized (changes) {
      while (true) {
        ActionRequest r = get(requestId);
        long left = end - System.nanoTime();
        if (r.state().isFinal() || left <= 0) {
          return r;
        }
        long millis = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), POLL.toMillis()));
        changes.wait(millis);
      }
    }
  }

  /** How often {@link #awaitFinal} looks at the store for decisions made by other hosts. */
  static final Duration POLL = Duration.ofMillis(200);

  /** Wakes {@link #awaitFinal} callers: a request of this host changed. */
  private void signal() {
    synchronized (changes) {
      changes.notifyAll();
    }
  }

  /**
   * A core {@link dev.atomemo4j.core.actions.ActionGateway} onto {@code pluginId}'s actions, for a front end that
   * is a peer of the host (the MCP server): it proposes and decides through this object, as a user with the
   * approver role.
   */
  public dev.atomemo4j.core.actions.ActionGateway gateway(String pluginId) {
    plugin(pluginId);
    return new HostActionGateway(this, pluginId);
  }

  /**
   * Runs an approved request if nobody has claimed it yet; a no-op for any other state. Any host sharing the store
   * may call it (a worker after an approval elsewhere): the claim is a compare-and-set, so it runs once.
   *
   * @return whether this call ran it
   */
  public boolean execute(String requestId) {
    try {
      return executeOnce(requestId);
    } finally {
      signal();
    }
  }

  private boolean executeOnce(String requestId) {
    ActionRequest r = get(requestId);
    PluginInstance plugin = plugin(r.pluginId());
    ActionBinding action = plugin.descriptor().atlas().action(r.action()).orElseThrow();
    JsonNode credentials = credentials(r.pluginId());
    JsonNode parameters;
    try {
      parameters = unsealed(requestId, JSON.readTree(r.input()));
    } catch (JsonProcessingException | IllegalStateException e) {
      // Claimed first, so exactly one caller records the failure and nobody runs the body with a broken input.
      if (claim(r)) {
        failIfClaimed(r, UNSEALABLE, "the request's input cannot be read on this host: " + e.getMessage()
            + "; hosts sharing a store need the same secret key (ActionSettings.withSecretKey, actions.secretKey)");
        log.warn("action request {} failed: its sealed input cannot be opened with this host's key", requestId);
      }
      return false;
    }
    Secrets secrets = secrets(action, parameters, credentials);
    Exchange ex = new Exchange(PipelineRequest.executeAction(requestId, r.action(), parameters, credentials,
        Optional.empty()), plugin.descriptor(), secrets);
    ex.attributes().put(InvokeStage.PLUGIN_OBJECT, plugin.pluginObject());
    ex.attributes().put(DeadlineInvokeStage.PLUGIN_ID, r.pluginId());
    ex.attributes().put(DeadlineInvokeStage.DEADLINE, plugin.actionDeadline(action.timeout()));
    try {
      pipeline.run(ex).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RequestFailure f && f.code().equals(ErrorCodes.APPROVAL_REQUIRED)) {
        return false; // not approved, or another caller claimed it: nothing ran here
      }
      String code = cause instanceof RequestFailure f ? f.code() : ErrorCodes.EXCEPTION;
      String message = secrets.scrub(cause instanceof RequestFailure ? cause.getMessage()
          : cause.getClass().getSimpleName() + ": " + cause.getMessage());
      failIfClaimed(r, code, message);
      log.warn("action request {} failed: {} {}", requestId, code, message);
      return wasClaimed(ex);
    }
    String result;
    try {
      result = secrets.scrub(ResultEncoder.encode(ex).toString());
    } catch (RequestFailure f) {
      store.transition(requestId, ActionState.EXECUTING, ActionState.FAILED, settings.hostId(), now(), null, null,
          f.code() + ": " + secrets.scrub(f.getMessage()));
      return true;
    }
    store.transition(requestId, ActionState.EXECUTING, ActionState.SUCCEEDED, settings.hostId(), now(), null,
        result, null);
    log.info("action request {} succeeded", requestId);
    return true;
  }

  /** Pending requests whose expiry has passed become {@code expired}; returns how many this call expired. */
  public int expireDue() {
    int n = 0;
    Instant now = now();
    for (ActionRequest r : store.list(ActionState.PENDING)) {
      if (now.isAfter(r.expiresAt()) && store.transition(r.id(), ActionState.PENDING, ActionState.EXPIRED, SYSTEM,
          now, null, null, null)) {
        n++;
      }
    }
    if (n > 0) {
      signal();
    }
    return n;
  }

  public Optional<ActionRequest> request(String id) {
    return store.find(id);
  }

  /** Requests in {@code state}, oldest first. */
  public List<ActionRequest> list(ActionState state) {
    return store.list(state);
  }

  public List<AuditEntry> audit(String requestId) {
    return store.audit(requestId);
  }

  // ---- the approval stage's gate

  /** The code of a request whose sealed input this host cannot open (another key). */
  static final String UNSEALABLE = "action:unsealable";

  /** Claims the request for execution: approved → executing, or pending → executing for auto. */
  private boolean claim(Exchange ex) {
    ActionRequest r = store.find(ex.requestId()).orElse(null);
    if (r == null) {
      return false;
    }
    boolean won = claim(r);
    if (won) {
      ex.attributes().put(CLAIMED, Boolean.TRUE);
    }
    return won;
  }

  private boolean claim(ActionRequest r) {
    return r.mode() == Approval.AUTO && r.state() == ActionState.PENDING
        ? store.transition(r.id(), ActionState.PENDING, ActionState.EXECUTING, SYSTEM, now(), "auto", null, null,
            settings.hostId())
        : store.transition(r.id(), ActionState.APPROVED, ActionState.EXECUTING, settings.hostId(), now(), null, null,
            null, settings.hostId());
  }

  private static final String CLAIMED = "atomemo4j.host.claimed";


  private static boolean wasClaimed(Exchange ex) {
    return ex.attributes().containsKey(CLAIMED);
  }

  private void failIfClaimed(ActionRequest r, String code, String message) {
    store.transition(r.id(), ActionState.EXECUTING, ActionState.FAILED, settings.hostId(), now(), null, null,
        code + ": " + message);
  }

  // ---- checks

  private ActionRequest decidable(String requestId, Approver approver) {
    if (approver == null || !approver.authenticated()) {
      throw new ActionException(ActionException.NO_USER, "approving or denying needs an authenticated user");
    }
    ActionRequest r = get(requestId);
    if (r.state() != ActionState.PENDING) {
      throw notPending(r);
    }
    if (now().isAfter(r.expiresAt())) {
      store.transition(r.id(), ActionState.PENDING, ActionState.EXPIRED, SYSTEM, now(), null, null, null);
      throw notPending(get(requestId));
    }
    String role = r.mode() == Approval.ADMIN_ONLY ? Approver.ADMIN : Approver.APPROVER;
    if (!approver.has(role)) {
      throw new ActionException(ActionException.FORBIDDEN, "request " + r.id() + " (" + r.mode().wireName()
          + ") needs the " + role + " role; " + approver.userId() + " has " + approver.roles());
    }
    if (r.mode() == Approval.ADMIN_ONLY && settings.forbidSelfApproval() && r.requester().equals(approver.userId())) {
      throw new ActionException(ActionException.SELF_APPROVAL, approver.userId() + " requested " + r.id()
          + " and may not decide their own admin-only request");
    }
    return r;
  }

  private static ActionException notPending(ActionRequest r) {
    return new ActionException(ActionException.NOT_PENDING, "request " + r.id() + " is " + r.state().wireName()
        + ", not pending");
  }

  private ActionRequest get(String id) {
    return store.find(id).orElseThrow(() -> new ActionException(ActionException.NOT_FOUND, "no action request "
        + id));
  }

  private PluginInstance plugin(String pluginId) {
    PluginInstance p = plugins.apply(pluginId);
    if (p == null) {
      throw new ActionException(ActionException.NOT_FOUND, "no plugin `" + pluginId + "` on this host");
    }
    if (p.pluginObject() == null || p.status() == PluginStatus.TEARDOWN) {
      throw new ActionException(ActionException.PLUGIN_NOT_RUNNING, "plugin `" + pluginId + "` is "
          + p.status().name().toLowerCase(java.util.Locale.ROOT) + " and cannot run actions");
    }
    return p;
  }

  private JsonNode credentials(String pluginId) {
    ObjectNode out = JSON.createObjectNode();
    settings.credentials().getOrDefault(pluginId, Map.of()).forEach(out::set);
    return out;
  }

  private Instant now() {
    return settings.clock().instant();
  }

  // ---- secrets

  // Every Secret of the input, wherever the shape puts it (a record component, a list item, a map value): its
  // JSON pointers (SecretPointers). Stored requests, the audit, the API and logs see [REDACTED] there; the values
  // are sealed, keyed by pointer, and put back only to execute.

  private static Secrets secrets(ActionBinding action, JsonNode parameters, JsonNode credentials) {
    Secrets.Builder b = Secrets.builder().allStringsOf(credentials);
    for (String v : SecretPointers.values(action.input(), parameters)) {
      b.value(v);
    }
    return b.build();
  }

  private static JsonNode masked(ActionBinding action, JsonNode parameters) {
    if (!parameters.isObject()) {
      return parameters;
    }
    ObjectNode copy = ((ObjectNode) parameters).deepCopy();
    for (String pointer : SecretPointers.in(action.input(), parameters)) {
      replace(copy, pointer, JSON.getNodeFactory().textNode(Secrets.MASK));
    }
    return copy;
  }

  private String sealed(ActionBinding action, JsonNode parameters) {
    ObjectNode secret = JSON.createObjectNode();
    for (String pointer : SecretPointers.in(action.input(), parameters)) {
      secret.set(pointer, parameters.at(pointer));
    }
    return secret.isEmpty() ? null : sealer.seal(secret.toString());
  }

  private JsonNode unsealed(String requestId, JsonNode masked) throws JsonProcessingException {
    String sealed = store.sealed(requestId);
    if (sealed == null || !masked.isObject()) {
      return masked;
    }
    ObjectNode out = ((ObjectNode) masked).deepCopy();
    JsonNode secret = JSON.readTree(sealer.open(sealed));
    for (Iterator<String> it = secret.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      // Requests sealed before pointers were used are keyed by top-level parameter name.
      replace(out, key.startsWith("/") ? key : "/" + key.replace("~", "~0").replace("/", "~1"), secret.get(key));
    }
    return out;
  }

  /** Whether the parameter is itself declared a Secret: its placeholder is masked even when no value was given. */
  private static boolean declaredSecret(ActionBinding action, String parameter) {
    for (Shape.Field f : action.input().fields()) {
      if (f.name().equals(parameter)) {
        Shape s = f.shape() instanceof Shape.Opt o ? o.inner() : f.shape();
        return s instanceof Shape.SecretStr;
      }
    }
    return false;
  }

  /** Sets the value at a JSON pointer whose parent exists (the pointers come from this very tree). */
  private static void replace(ObjectNode root, String pointer, JsonNode value) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.set(last, value);
    } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    }
  }

  private static String summary(ActionBinding action, JsonNode parameters) {
    String template = action.summary() == null || action.summary().isBlank() ? action.description()
        : action.summary();
    List<String> secretPointers = SecretPointers.in(action.input(), parameters);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      JsonNode v = parameters.path(name);
      String top = "/" + name.replace("~", "~0").replace("/", "~1");
      boolean holdsSecret = declaredSecret(action, name)
          || secretPointers.stream().anyMatch(p -> p.equals(top) || p.startsWith(top + "/"));
      String text = holdsSecret ? Secrets.MASK : v.isMissingNode() || v.isNull() ? "" : v.isTextual()
          ? v.asText() : v.toString();
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String problems(RequestFailure f) {
    JsonNode p = f.members().get("problems");
    return p == null ? "" : " " + p;
  }

  /** Actions run on the host, not the Hub: no Hub files or models. */
  private static ToolContext context(Exchange ex) {
    return new ToolContext() {
      @Override
      public String requestId() {
        return ex.requestId();
      }

      @Override
      public Optional<String> organizationId() {
        return ex.organizationId();
      }

      @Override
      public Files files() {
        throw new UnsupportedOperationException("actions on a PluginHost have no Hub file storage");
      }
    };
  }
}
