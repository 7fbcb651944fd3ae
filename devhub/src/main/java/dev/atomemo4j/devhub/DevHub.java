package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.devhub.phoenix.PhoenixServer;
import dev.atomemo4j.devhub.phoenix.SocketKind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Atomemo Plugin Hub for development: the server side of the Hub protocol (hub-protocol.md) on one port,
 * with an HTTP JSON API (API.md), a file store, credential instances and the inspector's static files.
 *
 * <pre>{@code
 * try (DevHub hub = DevHub.builder().port(0).dataDirectory(tmp).build()) {
 *     hub.start();
 *     // run a plugin with HUB_WS_URL=hub.wsUrl() and HUB_DEBUG_API_KEY=hub.apiKey()
 *     hub.whenPluginReady("acme-echo").get(5, SECONDS);
 *     RequestOutcome result = hub.invokeTool("acme-echo", "echo-text", parameters).get();
 * }
 * }</pre>
 *
 * <p>A dev hub binds to 127.0.0.1 by default and its API has no login; see {@code API.md} ("Security").
 */
public final class DevHub implements AutoCloseable {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of(".atomemo4j-devhub");
    static final String API_KEY_FILE = "debug-api-key";
    static final String CREDENTIALS_FILE = "credentials.json";
    static final String FILES_DIRECTORY = "files";

    private static final Logger log = LoggerFactory.getLogger(DevHub.class);

    private final Builder config;
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;

    private String apiKey;
    private boolean apiKeyGenerated;
    private ScheduledThreadPoolExecutor timer;
    private ExecutorService workers;
    private Catalogue catalogue;
    private Broker broker;
    private FileStore files;
    private FrameLog frames;
    private Operations operations;
    private PhoenixServer server;
    private volatile URI url;
    private long startedNanos;
    private volatile BuildStatus build;

    private enum State {
        NEW,
        STARTED,
        CLOSED
    }

    private DevHub(Builder builder) {
        this.config = builder.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the data directory, loads the credential store, binds the port and starts serving.
     *
     * @throws IOException if the data directory or the credential store cannot be read, or the port cannot be bound
     * @throws IllegalStateException if already started or closed
     */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("a DevHub can be started once; it is " + state);
            }
            Path data = DataDirectory.prepare(config.dataDirectory, CREDENTIALS_FILE, API_KEY_FILE);
            resolveApiKey(data);
            CredentialStore credentials = CredentialStore.open(data.resolve(CREDENTIALS_FILE));
            timer = new ScheduledThreadPoolExecutor(1, daemonThreads("devhub-timer"));
            timer.setRemoveOnCancelPolicy(true);
            workers = Executors.newCachedThreadPool(daemonThreads("devhub-worker"));
            catalogue = new Catalogue(workers, new CatalogueStore(data.resolve(CatalogueStore.FILE_NAME)));
            broker = new Broker(timer, workers, config.reconnectGrace);
            files = new FileStore(data.resolve(FILES_DIRECTORY), this::url);
            frames = new FrameLog(config.frameLogCapacity, catalogue);
            operations = new Operations(catalogue, broker, credentials, this::url, config.requestTimeout);
            HubCalls hubCalls = new HubCalls(files, config.llmEndpoint == null ? null : new HubCalls.LlmEndpoint(
                    config.llmEndpoint, config.llmApiKey, config.llmModel), workers);
            HubChannel channels = new HubChannel(catalogue, broker, hubCalls);
            server = PhoenixServer.builder()
                    .host(config.host)
                    .port(config.port)
                    .debugApiKey(apiKey)
                    .idleTimeout(config.idleTimeout)
                    .channelHandler(channels)
                    .joinAuthorizer(channels)
                    .frameListener(frames)
                    .handler(new HttpApi(new HubView(), config.host))
                    .build();
            try {
                server.start();
            } catch (IOException | RuntimeException e) {
                shutDownExecutors();
                state = State.CLOSED;
                throw e;
            }
            String host = HttpApi.isWildcard(config.host) ? "127.0.0.1"
                    : config.host.indexOf(':') >= 0 ? "[" + config.host + "]" : config.host;
            url = URI.create("http://" + host + ":" + server.port());
            startedNanos = System.nanoTime();
            state = State.STARTED;
            log.info("Dev hub ready: inspector {}, HUB_WS_URL={}, data in {}", inspectorUrl(), wsUrl(),
                    data.toAbsolutePath());
            if (apiKeyGenerated) {
                log.info("Debug API key (HUB_DEBUG_API_KEY): {}", apiKey);
            }
        }
    }

    /** Fails pending requests with {@code devhub:shutdown}, closes every socket and stops the server. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            boolean wasStarted = state == State.STARTED;
            state = State.CLOSED;
            if (!wasStarted) {
                return;
            }
            broker.close();
            server.close();
            shutDownExecutors();
            log.info("Dev hub stopped");
        }
    }

    // ---- addresses and keys -------------------------------------------------------------------------------------

    /** {@code http://127.0.0.1:<port>}: the base of the HTTP API, file URLs and the OAuth2 callback. */
    public URI url() {
        URI current = url;
        if (current == null) {
            throw new IllegalStateException("the dev hub is not started");
        }
        return current;
    }

    /** {@code ws://127.0.0.1:<port>}: what a plugin needs as {@code HUB_WS_URL}. */
    public URI wsUrl() {
        return URI.create("ws" + url().toString().substring("http".length()));
    }

    /** {@code http://127.0.0.1:<port>/inspector/}. */
    public URI inspectorUrl() {
        return URI.create(url() + "/inspector/");
    }

    public int port() {
        return url().getPort();
    }

    /** The debug socket's {@code api_key} (a plugin's {@code HUB_DEBUG_API_KEY}). */
    public String apiKey() {
        requireStarted();
        return apiKey;
    }

    /** True when {@link #apiKey()} was not configured but generated (or read back from the data directory). */
    public boolean apiKeyGenerated() {
        requireStarted();
        return apiKeyGenerated;
    }

    public Path dataDirectory() {
        return config.dataDirectory;
    }

    public Duration requestTimeout() {
        return config.requestTimeout;
    }

    // ---- Java API (the same operations as the HTTP API) ---------------------------------------------------------

    /**
     * Completes when the plugin (name, or release version slug) has an instance ready for requests: a debug instance
     * whose {@code register_plugin} was accepted, or a joined release instance.
     */
    public CompletableFuture<Void> whenPluginReady(String identifier) {
        requireStarted();
        return catalogue.whenReady(identifier);
    }

    /**
     * Tells the inspector what the save-to-reload loop last did (a compile error, a rebuild); {@code GET /api/plugins}
     * carries it as {@code build}, which the open inspector polls, so it shows without a manual reload.
     */
    public void reportBuild(BuildStatus status) {
        build = Objects.requireNonNull(status, "status");
    }

    /** What {@link #reportBuild} last said; null when no build was reported (a dev hub without a watched module). */
    public BuildStatus lastBuild() {
        return build;
    }

    /** The catalogue, as {@code GET /api/plugins} lists it. */
    public ArrayNode plugins() {
        requireStarted();
        ArrayNode list = Json.array();
        catalogue.all().forEach(entry -> list.add(entry.toSummaryJson()));
        return list;
    }

    /**
     * Sends {@code invoke_tool}. Instance ids of stored credentials found in {@code credential_id} parameters are
     * resolved into the request's {@code credentials} map.
     *
     * @throws DevHubException for an unknown plugin or tool, an unknown credential instance, or when no instance is
     *     connected
     */
    public CompletableFuture<RequestOutcome> invokeTool(String plugin, String tool, JsonNode parameters) {
        return invokeTool(plugin, tool, parameters, Map.of(), null);
    }

    /**
     * @param credentials {@code credential_id} parameter name → credential instance id, set into the parameters
     * @param timeout null for the default request timeout
     */
    public CompletableFuture<RequestOutcome> invokeTool(String plugin, String tool, JsonNode parameters,
            Map<String, String> credentials, Duration timeout) {
        requireStarted();
        return operations.invokeTool(plugin, tool, asObject(parameters, "parameters"), credentials, timeout);
    }

    /** Sends {@code credential_auth_spec} with the stored, decrypted values of a credential instance. */
    public CompletableFuture<RequestOutcome> credentialAuthSpec(String plugin, String credential, String instanceId) {
        requireStarted();
        return operations.authSpec(plugin, credential, Objects.requireNonNull(instanceId, "instanceId"), null, null,
                null);
    }

    /** Sends {@code locator_list} for a tool's {@code search_list_method}. */
    public CompletableFuture<RequestOutcome> locatorList(String plugin, String tool, String method, JsonNode parameters,
            String filter, String paginationToken) {
        requireStarted();
        return operations.locatorList(plugin, tool, method, filter, paginationToken,
                asObject(parameters, "parameters"), Map.of(), null);
    }

    /** Sends {@code resource_mapping} for a tool's {@code mapping_method}. */
    public CompletableFuture<RequestOutcome> resourceMapping(String plugin, String tool, String method,
            JsonNode parameters) {
        requireStarted();
        return operations.resourceMapping(plugin, tool, method, asObject(parameters, "parameters"), Map.of(), null);
    }

    /**
     * Stores a credential instance for a declared credential of a known plugin, after checking the values.
     *
     * @return the new instance id, to pass in a {@code credential_id} parameter
     * @throws DevHubException {@code devhub:invalid_credential_values}, {@code devhub:unknown_plugin},
     *     {@code devhub:unknown_credential}
     */
    public String createCredential(String plugin, String credential, String name, JsonNode values) {
        requireStarted();
        return Json.text(operations.createCredential(plugin, credential, name, asObject(values, "values")), "id");
    }

    /** The credential instances, values masked, as {@code GET /api/credentials} lists them. */
    public ArrayNode credentials() {
        requireStarted();
        return Operations.toArray(operations.listCredentials(null, null));
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void requireStarted() {
        if (state != State.STARTED) {
            throw new IllegalStateException("the dev hub is " + (state == State.NEW ? "not started" : "closed"));
        }
    }

    private static ObjectNode asObject(JsonNode node, String what) {
        if (node == null || node.isNull()) {
            return Json.object();
        }
        if (!(node instanceof ObjectNode)) {
            throw DevHubException.badRequest(what + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private void resolveApiKey(Path data) throws IOException {
        if (config.apiKey != null) {
            apiKey = config.apiKey;
            apiKeyGenerated = false;
            return;
        }
        apiKeyGenerated = true;
        Path file = data.resolve(API_KEY_FILE);
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.isEmpty()) {
                apiKey = stored;
                return;
            }
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Kept, so that a plugin's .env stays valid across dev hub restarts.
        AtomicFiles.write(file, (apiKey + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    private void shutDownExecutors() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.shutdownNow();
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What the HTTP API sees of the hub. */
    private final class HubView implements HttpApi.Hub {
        @Override
        public Operations operations() {
            return operations;
        }

        @Override
        public Catalogue catalogue() {
            return catalogue;
        }

        @Override
        public FileStore files() {
            return files;
        }

        @Override
        public FrameLog frames() {
            return frames;
        }

        @Override
        public String apiKey() {
            return apiKey;
        }

        @Override
        public URI url() {
            return DevHub.this.url();
        }

        @Override
        public BuildStatus build() {
            return build;
        }

        @Override
        public ObjectNode info() {
            ObjectNode info = Json.object();
            String version = DevHub.class.getPackage().getImplementationVersion();
            info.put("version", version == null ? "dev" : version);
            info.put("url", url().toString());
            info.put("ws_url", wsUrl().toString());
            info.put("inspector_url", inspectorUrl().toString());
            info.put("debug_socket", wsUrl() + SocketKind.DEBUG.path());
            info.put("release_socket", wsUrl() + SocketKind.RELEASE.path());
            info.put("request_timeout_ms", config.requestTimeout.toMillis());
            info.put("llm_configured", config.llmEndpoint != null);
            info.put("data_directory", config.dataDirectory.toAbsolutePath().toString());
            return info;
        }

        @Override
        public ObjectNode health() {
            ObjectNode health = Json.object();
            health.put("status", "ok");
            health.put("uptime_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
            health.put("plugins", catalogue.all().size());
            health.put("connected_plugins", catalogue.all().stream().filter(PluginEntry::connected).count());
            health.put("pending_requests", broker.pendingCount());
            return health;
        }
    }

    /** Configuration of a {@link DevHub}; every setting has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String apiKey;
        private Path dataDirectory = DEFAULT_DATA_DIRECTORY;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration idleTimeout = PhoenixServer.DEFAULT_IDLE_TIMEOUT;
        private Duration reconnectGrace = Broker.DEFAULT_RECONNECT_GRACE;
        private URI llmEndpoint;
        private String llmApiKey;
        private String llmModel;
        private int frameLogCapacity = 1000;

        private Builder() {}

        /** Interface to bind; default {@code 127.0.0.1}. A wildcard ({@code 0.0.0.0}) disables the Host check. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; default 0, an ephemeral port ({@link DevHub#port()} tells which). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The debug API key plugins must present. Default: the key stored in the data directory's
         * {@code debug-api-key} file, generated (and stored) the first time.
         */
        public Builder apiKey(String apiKey) {
            if (apiKey != null && apiKey.isEmpty()) {
                throw new IllegalArgumentException("apiKey must be non-empty");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** Where credentials, uploaded files and the generated key live; default {@code ./.atomemo4j-devhub}. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /** How long a request waits for the plugin's answer before {@code devhub:timeout}; default 30 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive");
            }
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Closes sockets without traffic for this long; default 60 s (Phoenix's default). */
        /**
         * How long requests held by a plugin whose connection dropped wait for it to reconnect and answer, before
         * they fail over to another instance or fail with {@code devhub:instance_left}; default 3 s, zero for none.
         */
        public Builder reconnectGrace(Duration reconnectGrace) {
            if (reconnectGrace.isNegative()) {
                throw new IllegalArgumentException("reconnectGrace must not be negative");
            }
            this.reconnectGrace = reconnectGrace;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive");
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * An OpenAI-compatible endpoint for {@code hub_call:invoke_llm}, e.g. {@code https://api.openai.com/v1}; the
         * dev hub posts to {@code <endpoint>/chat/completions}. Default: none ({@code devhub:llm_not_configured}).
         */
        public Builder llmEndpoint(URI llmEndpoint) {
            this.llmEndpoint = llmEndpoint;
            return this;
        }

        /** Sent as {@code Authorization: Bearer <key>} to the LLM endpoint; never logged or shown. */
        public Builder llmApiKey(String llmApiKey) {
            this.llmApiKey = llmApiKey;
            return this;
        }

        /** The model used when an {@code invoke_llm} call's {@code llm_config} names none. */
        public Builder llmModel(String llmModel) {
            this.llmModel = llmModel;
            return this;
        }

        /** How many recent frames {@code GET /api/frames} can return; default 1000. */
        public Builder frameLogCapacity(int frameLogCapacity) {
            if (frameLogCapacity < 1) {
                throw new IllegalArgumentException("frameLogCapacity must be positive");
            }
            this.frameLogCapacity = frameLogCapacity;
            return this;
        }

        public DevHub build() {
            return new DevHub(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.host = host;
            copy.port = port;
            copy.apiKey = apiKey;
            copy.dataDirectory = dataDirectory;
            copy.requestTimeout = requestTimeout;
            copy.reconnectGrace = reconnectGrace;
            copy.idleTimeout = idleTimeout;
            copy.llmEndpoint = llmEndpoint;
            copy.llmApiKey = llmApiKey;
            copy.llmModel = llmModel;
            copy.frameLogCapacity = frameLogCapacity;
            return copy;
        }
    }
}
