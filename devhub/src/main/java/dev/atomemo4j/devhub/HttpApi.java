package dev.atomemo4j.devhub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev hub's HTTP side, on the same Jetty server as the sockets: the JSON API under {@code /api}, the file store
 * under {@code /files}, the OAuth2 callback, and the inspector's static files under {@code /inspector/} (from the
 * classpath directory {@value #INSPECTOR_RESOURCES}). API.md documents every endpoint.
 *
 * <p>Requests that wait for a plugin never hold a Jetty thread: the body is read asynchronously and the response is
 * written when the request's future completes.
 *
 * <p><b>Local-only safety.</b> The API has no login: it is meant for the developer's own machine. Two checks keep
 * other web pages out: the {@code Host} header must name a loopback address or the configured host (against DNS
 * rebinding; skipped when bound to a wildcard address), and a state-changing request that carries an
 * {@code Origin} header must come from the dev hub's own origin (against cross-site requests). The file URLs are
 * protected by their tokens instead.
 */
final class HttpApi extends Handler.Abstract {
    static final String INSPECTOR_RESOURCES = "dev/atomemo4j/devhub/inspector/";
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "map", "application/json",
            "txt", "text/plain; charset=utf-8", "woff2", "font/woff2");

    /** Everything a route may need. */
    interface Hub {
        Operations operations();

        Catalogue catalogue();

        FileStore files();

        FrameLog frames();

        String apiKey();

        URI url();

        ObjectNode info();

        ObjectNode health();

        /** The save-to-reload loop's last build; null when none was reported. */
        BuildStatus build();
    }

    @FunctionalInterface
    private interface Action {
        CompletableFuture<HttpResult> run(Call call) throws Exception;
    }

    private record Route(String method, String[] pattern, Action action) {}

    /** One request, with its path variables, query and (for POST/PUT/PATCH) body. */
    private static final class Call {
        final Request request;
        final Map<String, String> vars;
        final Fields query;
        final byte[] body;

        Call(Request request, Map<String, String> vars, Fields query, byte[] body) {
            this.request = request;
            this.vars = vars;
            this.query = query;
            this.body = body;
        }

        String var(String name) {
            return vars.get(name);
        }

        String query(String name) {
            String value = query.getValue(name);
            return value == null || value.isEmpty() ? null : value;
        }

        String header(String name) {
            return request.getHeaders().get(name);
        }

        /** The body as a JSON object; an empty body is {@code {}}. */
        ObjectNode json() {
            if (body == null || body.length == 0) {
                return Json.object();
            }
            JsonNode node;
            try {
                node = Json.parse(new String(body, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new DevHubException(400, "devhub:invalid_json", "the body is not valid JSON: "
                        + e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode)) {
                throw new DevHubException(400, "devhub:invalid_json", "the body must be a JSON object");
            }
            return (ObjectNode) node;
        }
    }

    private final Hub hub;
    private final String boundHost;
    private final List<Route> routes = new ArrayList<>();

    HttpApi(Hub hub, String boundHost) {
        this.hub = hub;
        this.boundHost = boundHost;
        defineRoutes();
    }

    // ---- routes -------------------------------------------------------------------------------------------------

    private void defineRoutes() {
        route("GET", "/", call -> done(HttpResult.redirect("/inspector/")));
        route("GET", "/inspector", call -> done(HttpResult.redirect("/inspector/")));
        route("GET", "/inspector/{path*}", call -> done(staticResource(call.var("path"))));

        route("GET", "/api/health", call -> done(HttpResult.ok(hub.health())));
        route("GET", "/api/info", call -> done(HttpResult.ok(hub.info())));
        route("GET", "/api/v1/debug_api_key", call -> done(HttpResult.ok(Json.object().put("api_key", hub.apiKey()))));
        route("POST", "/api/v1/release/plugins", this::releaseApi);

        route("GET", "/api/plugins", call -> {
            ObjectNode body = Json.object();
            var list = body.putArray("plugins");
            hub.catalogue().all().forEach(entry -> list.add(entry.toSummaryJson()));
            BuildStatus build = hub.build();
            if (build != null) {
                body.set("build", build.toJson());
            }
            return done(HttpResult.ok(body));
        });
        route("GET", "/api/plugins/{plugin}",
                call -> done(HttpResult.ok(ops().requireEntry(call.var("plugin")).toDetailJson())));
        route("PUT", "/api/plugins/{plugin}/release",
                call -> done(HttpResult.json(201, ops().registerRelease(call.json(), call.var("plugin")))));
        route("POST", "/api/plugins/{plugin}/tools/{tool}/invoke", call -> {
            ObjectNode body = call.json();
            return outcome(ops().invokeTool(call.var("plugin"), call.var("tool"), objectMember(body, "parameters"),
                    bindings(body), timeout(body)));
        });
        route("POST", "/api/plugins/{plugin}/tools/{tool}/locator-list", call -> {
            ObjectNode body = call.json();
            return outcome(ops().locatorList(call.var("plugin"), call.var("tool"), textMember(body, "method"),
                    textMember(body, "filter"), textMember(body, "pagination_token"),
                    objectMember(body, "parameters"), bindings(body), timeout(body)));
        });
        route("POST", "/api/plugins/{plugin}/tools/{tool}/resource-mapping", call -> {
            ObjectNode body = call.json();
            return outcome(ops().resourceMapping(call.var("plugin"), call.var("tool"), textMember(body, "method"),
                    objectMember(body, "parameters"), bindings(body), timeout(body)));
        });
        route("POST", "/api/plugins/{plugin}/credentials/{credential}/auth-spec", call -> {
            ObjectNode body = call.json();
            return ops().authSpec(call.var("plugin"), call.var("credential"), textMember(body, "instance_id"),
                    objectMember(body, "credential"), objectMember(body, "extra"), timeout(body))
                    .thenApply(result -> {
                        ObjectNode json = result.toJson();
                        // The auth spec carries the secret itself (api_key, maybe an Authorization header).
                        Secrets.maskSecretMembers(json.get("data"));
                        return HttpResult.ok(json);
                    });
        });

        route("GET", "/api/credentials", call -> {
            ObjectNode body = Json.object();
            body.set("credentials", Operations.toArray(
                    ops().listCredentials(call.query("plugin"), call.query("credential"))));
            return done(HttpResult.ok(body));
        });
        route("POST", "/api/credentials", call -> {
            ObjectNode body = call.json();
            return done(HttpResult.json(201, ops().createCredential(textMember(body, "plugin"),
                    textMember(body, "credential"), textMember(body, "name"), objectMember(body, "values"))));
        });
        route("GET", "/api/credentials/{id}", call -> done(HttpResult.ok(ops().credential(call.var("id")))));
        route("PATCH", "/api/credentials/{id}", call -> {
            ObjectNode body = call.json();
            return done(HttpResult.ok(ops().updateCredential(call.var("id"), textMember(body, "name"),
                    objectMember(body, "values"))));
        });
        route("DELETE", "/api/credentials/{id}", call -> {
            ops().deleteCredential(call.var("id"));
            return done(HttpResult.ok(Json.object().put("deleted", call.var("id"))));
        });
        route("POST", "/api/credentials/{id}/oauth2/authorize",
                call -> outcome(ops().oauth2Authorize(call.var("id"), timeout(call.json()))));
        route("POST", "/api/credentials/{id}/oauth2/refresh",
                call -> outcome(ops().oauth2Refresh(call.var("id"), timeout(call.json()))));
        route("GET", Operations.OAUTH2_CALLBACK_PATH, this::oauth2Callback);

        route("GET", "/api/files", call -> {
            ObjectNode body = Json.object();
            var list = body.putArray("files");
            for (FileStore.StoredFile file : hub.files().list()) {
                list.addObject().put("res_key", file.key()).put("size", file.size())
                        .put("content_type", file.contentType()).put("filename", file.filename())
                        .put("created_at", file.createdAt().toString())
                        .set("file_ref", hub.files().fileRef(file));
            }
            return done(HttpResult.ok(body));
        });
        route("POST", "/api/files", this::uploadFromApi);
        route("GET", "/files/{key*}", this::download);
        route("PUT", "/files/{key*}", this::uploadPresigned);

        route("GET", "/api/frames", call -> {
            int limit = intQuery(call, "limit", 100, 1, 10_000);
            long after = intQuery(call, "after", 0, 0, Integer.MAX_VALUE);
            ObjectNode body = Json.object();
            body.set("frames", FrameLog.toJson(hub.frames().recent(limit, after)));
            body.put("last_seq", hub.frames().lastSeq());
            return done(HttpResult.ok(body));
        });
    }

    private Operations ops() {
        return hub.operations();
    }

    private CompletableFuture<HttpResult> releaseApi(Call call) {
        String presented = call.header("x-api-key");
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                hub.apiKey().getBytes(StandardCharsets.UTF_8))) {
            throw new DevHubException(403, "devhub:forbidden",
                    "POST /api/v1/release/plugins needs the header x-api-key with the dev hub's debug API key");
        }
        return done(HttpResult.json(201, ops().registerRelease(call.json(), null)));
    }

    private CompletableFuture<HttpResult> oauth2Callback(Call call) {
        boolean wantsJson = String.valueOf(call.header("Accept")).contains("application/json");
        return ops().oauth2Callback(call.query("code"), call.query("state"), call.query("error"),
                call.query("error_description")).thenApply(result -> {
                    if (wantsJson) {
                        ObjectNode body = Json.object().put("ok", result.ok()).put("message", result.message());
                        body.set("instance", result.instance());
                        body.set("error", result.error());
                        return HttpResult.json(result.status(), body);
                    }
                    return HttpResult.html(result.status(), callbackPage(result));
                });
    }

    private CompletableFuture<HttpResult> uploadFromApi(Call call) throws IOException {
        String filename = call.query("filename");
        String contentType = call.header("Content-Type");
        String key = FileStore.newKey("inspector", filename == null ? null : extensionOrNull(filename));
        FileStore.StoredFile file = hub.files().put(key, contentType, filename, call.body == null ? new byte[0]
                : call.body);
        return done(HttpResult.json(201, hub.files().fileRef(file)));
    }

    private CompletableFuture<HttpResult> download(Call call) throws IOException {
        String key = call.var("key");
        if (!hub.files().verify("get", key, call.query("token"))) {
            throw new DevHubException(403, "devhub:bad_token", "missing or wrong token for downloading " + key);
        }
        FileStore.StoredFile file = hub.files().get(key);
        if (file == null) {
            throw DevHubException.notFound("devhub:file_not_found", "no file with res_key " + key);
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file.data());
        HttpResult result = HttpResult.bytes(200, file.contentType(), bytes);
        if (file.filename() != null) {
            result.header("Content-Disposition", "inline; filename=\"" + file.filename().replaceAll("[\"\\\\\r\n]", "_")
                    + "\"");
        }
        return done(result);
    }

    private CompletableFuture<HttpResult> uploadPresigned(Call call) throws IOException {
        String key = call.var("key");
        if (!hub.files().verify("put", key, call.query("token"))) {
            throw new DevHubException(403, "devhub:bad_token", "missing or wrong token for uploading " + key);
        }
        FileStore.StoredFile file = hub.files().put(key, call.header("Content-Type"), null,
                call.body == null ? new byte[0] : call.body);
        return done(HttpResult.ok(Json.object().put("res_key", file.key()).put("size", file.size())
                .put("content_type", file.contentType())));
    }

    private HttpResult staticResource(String path) throws IOException {
        String relative = path == null || path.isEmpty() ? "index.html" : path;
        if (relative.endsWith("/")) {
            relative += "index.html";
        }
        if (relative.contains("..") || relative.startsWith("/") || relative.contains("\\")) {
            throw DevHubException.notFound("devhub:not_found", "no such inspector file");
        }
        try (InputStream in = HttpApi.class.getClassLoader().getResourceAsStream(INSPECTOR_RESOURCES + relative)) {
            if (in == null) {
                throw DevHubException.notFound("devhub:not_found", "no inspector file " + relative);
            }
            String extension = relative.substring(relative.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return HttpResult.bytes(200, CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"),
                    in.readAllBytes()).header("Cache-Control", "no-cache");
        }
    }

    // ---- Jetty entry point --------------------------------------------------------------------------------------

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!isOurs(path)) {
            return false;
        }
        String method = request.getMethod();
        Map<String, String> vars = new HashMap<>();
        Route route = null;
        Set<String> allowed = new LinkedHashSet<>();
        String[] segments = split(path);
        for (Route candidate : routes) {
            Map<String, String> matched = match(candidate.pattern(), segments);
            if (matched != null) {
                allowed.add(candidate.method());
                if (candidate.method().equals(method) && route == null) {
                    route = candidate;
                    vars = matched;
                }
            }
        }
        if (route == null) {
            if (allowed.isEmpty()) {
                write(response, callback, HttpResult.error(404, "devhub:not_found", "no endpoint " + method + " "
                        + path + "; see API.md"));
            } else {
                write(response, callback, HttpResult.error(405, "devhub:method_not_allowed", method + " is not allowed on "
                        + path + "; allowed: " + String.join(", ", allowed)).header("Allow", String.join(", ", allowed)));
            }
            return true;
        }
        HttpResult refused = checkOrigin(request, path, method);
        if (refused != null) {
            write(response, callback, refused);
            return true;
        }
        Action action = route.action();
        Map<String, String> pathVars = vars;
        Fields query = Request.extractQueryParameters(request);
        CompletableFuture<byte[]> body;
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            long length = request.getLength();
            if (length > MAX_BODY_BYTES) {
                write(response, callback, HttpResult.error(413, "devhub:too_large", "the body exceeds "
                        + MAX_BODY_BYTES + " bytes"));
                return true;
            }
            CompletableFuture<byte[]> read = new CompletableFuture<>();
            Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES, Promise.Invocable.toPromise(read));
            body = read.handle((bytes, failure) -> {
                if (failure == null) {
                    return bytes;
                }
                // Jetty reports a body over the limit as IllegalStateException("Max size (…) exceeded").
                boolean tooLarge = String.valueOf(failure.getMessage()).contains("exceeded");
                throw new CompletionException(tooLarge
                        ? new DevHubException(413, "devhub:too_large", "the body exceeds " + MAX_BODY_BYTES + " bytes")
                        : new DevHubException(400, "devhub:unreadable_body", "cannot read the body: " + failure));
            });
        } else {
            body = CompletableFuture.completedFuture(null);
        }
        body.thenCompose(bytes -> {
            try {
                return action.run(new Call(request, pathVars, query, bytes));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }).whenComplete((result, failure) -> write(response, callback,
                failure == null ? result : failureResult(method, path, failure)));
        return true;
    }

    private static boolean isOurs(String path) {
        return path.equals("/") || path.equals("/api") || path.startsWith("/api/") || path.startsWith("/files/")
                || path.equals(Operations.OAUTH2_CALLBACK_PATH) || path.equals("/inspector")
                || path.startsWith("/inspector/");
    }

    private HttpResult checkOrigin(Request request, String path, String method) {
        if (path.startsWith("/files/")) {
            return null; // token-protected, and fetched by plugins from anywhere
        }
        String host = Request.getServerName(request);
        if (!isAllowedHost(host)) {
            return HttpResult.error(403, "devhub:forbidden_host", "the Host header \"" + host
                    + "\" is not this dev hub's address; use " + hub.url());
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        boolean changesState = !method.equals("GET") && !method.equals("HEAD");
        if (changesState && origin != null && !isOwnOrigin(origin, Request.getServerPort(request))) {
            return HttpResult.error(403, "devhub:forbidden_origin", "cross-origin requests from " + origin
                    + " are not accepted; the dev hub API only serves its own pages and non-browser clients");
        }
        return null;
    }

    private boolean isAllowedHost(String host) {
        if (isWildcard(boundHost) || host == null) {
            return true;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") || bare.equals("::1")
                || bare.equalsIgnoreCase(boundHost);
    }

    private boolean isOwnOrigin(String origin, int port) {
        try {
            URI uri = URI.create(origin);
            return "http".equals(uri.getScheme()) && isAllowedHost(uri.getHost()) && uri.getPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static HttpResult failureResult(String method, String path, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DevHubException) {
            return HttpResult.error((DevHubException) cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return HttpResult.error(400, "devhub:invalid_request", cause.getMessage());
        }
        log.error("{} {} failed", method, path, cause);
        return HttpResult.error(500, "devhub:internal_error", "the dev hub failed: " + cause);
    }

    private static void write(Response response, Callback callback, HttpResult result) {
        try {
            response.setStatus(result.status());
            if (result.contentType() != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, result.contentType());
            }
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            result.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, result.body().length);
            response.write(true, ByteBuffer.wrap(result.body()), callback);
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    // ---- small helpers ------------------------------------------------------------------------------------------

    private void route(String method, String pattern, Action action) {
        routes.add(new Route(method, split(pattern), action));
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        return trimmed.split("/", -1);
    }

    /** Variables {@code {name}} match one non-empty segment; a final {@code {name*}} matches the (possibly empty) rest. */
    private static Map<String, String> match(String[] pattern, String[] segments) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String part = pattern[i];
            if (part.startsWith("{") && part.endsWith("*}")) {
                vars.put(part.substring(1, part.length() - 2),
                        i >= segments.length ? "" : String.join("/", List.of(segments).subList(i, segments.length)));
                return vars;
            }
            if (i >= segments.length) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                vars.put(part.substring(1, part.length() - 1), segments[i]);
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return pattern.length == segments.length ? vars : null;
    }

    private static CompletableFuture<HttpResult> done(HttpResult result) {
        return CompletableFuture.completedFuture(result);
    }

    private static CompletableFuture<HttpResult> outcome(CompletableFuture<RequestOutcome> future) {
        return future.thenApply(result -> HttpResult.ok(result.toJson()));
    }

    private static String textMember(ObjectNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DevHubException.badRequest("\"" + member + "\" must be a string");
        }
        return value.textValue();
    }

    private static ObjectNode objectMember(ObjectNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode)) {
            throw DevHubException.badRequest("\"" + member + "\" must be a JSON object");
        }
        return (ObjectNode) value;
    }

    /** {@code credentials: {param → credential instance id}}. */
    private static Map<String, String> bindings(ObjectNode body) {
        ObjectNode credentials = objectMember(body, "credentials");
        if (credentials == null) {
            return Map.of();
        }
        Map<String, String> bindings = new LinkedHashMap<>();
        credentials.properties().forEach(field -> {
            if (!field.getValue().isTextual()) {
                throw DevHubException.badRequest("credentials." + field.getKey()
                        + " must be a credential instance id (a string)");
            }
            bindings.put(field.getKey(), field.getValue().textValue());
        });
        return bindings;
    }

    /** {@code timeout_ms}: optional, 1 ms to 30 min. */
    private static Duration timeout(ObjectNode body) {
        JsonNode value = body.get("timeout_ms");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || value.asLong() < 1 || value.asLong() > MAX_TIMEOUT.toMillis()) {
            throw DevHubException.badRequest("\"timeout_ms\" must be an integer from 1 to " + MAX_TIMEOUT.toMillis());
        }
        return Duration.ofMillis(value.asLong());
    }

    private static int intQuery(Call call, String name, int fallback, int min, int max) {
        String value = call.query(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw DevHubException.badRequest("query parameter " + name + " must be an integer from " + min + " to "
                    + max);
        }
    }

    private static String extensionOrNull(String filename) {
        String extension = FileStore.extensionOf(filename);
        return extension != null && extension.matches("\\.[a-z0-9]{1,16}") ? extension : null;
    }

    private static String callbackPage(Operations.CallbackResult result) {
        String title = result.ok() ? "Authorized" : "Authorization failed";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " · atomemo4j dev hub</title><style>body{font:16px system-ui,sans-serif;margin:4rem auto;"
                + "max-width:40rem;color:#222}h1{font-size:1.4rem;color:" + (result.ok() ? "#1a7f37" : "#cf222e")
                + "}a{color:#0969da}</style></head><body><h1>" + title + "</h1><p>" + escape(result.message())
                + "</p><p><a href=\"/inspector/\">Back to the dev hub inspector</a></p></body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
