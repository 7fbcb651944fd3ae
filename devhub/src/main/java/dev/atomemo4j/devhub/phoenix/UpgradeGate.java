package dev.atomemo4j.devhub.phoenix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the socket paths' query parameters before Jetty's WebSocket upgrade sees the request, the way Phoenix checks
 * {@code vsn} and calls the socket's {@code connect} before upgrading. Refusals are plain-text HTTP responses, so a
 * client that reports "Expected 101 status code" has a readable body next to it.
 *
 * <p>Doing this in a wrapper rather than in the {@code WebSocketCreator} keeps the refusal a normal response, and
 * also covers a non-upgrade GET to the socket paths.
 */
final class UpgradeGate extends Handler.Wrapper {
    static final String REQUIRED_VSN = "2.0.0";

    private static final Logger log = LoggerFactory.getLogger(UpgradeGate.class);
    private static final Pattern API_KEY_VALUE = Pattern.compile("(?i)(api_key=)[^&#]*");

    private final byte[] debugApiKey;

    UpgradeGate(String debugApiKey, Handler next) {
        super(next);
        this.debugApiKey = debugApiKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SocketKind kind = SocketKind.forPath(Request.getPathInContext(request));
        if (kind == null) {
            return super.handle(request, response, callback);
        }
        Fields query = Request.extractQueryParameters(request);
        String vsn = query.getValue("vsn");
        if (!REQUIRED_VSN.equals(vsn)) {
            // Phoenix treats a missing vsn as 1.0.0, whose object frames this hub does not speak.
            String got = vsn == null ? "no vsn parameter (which Phoenix reads as 1.0.0)" : "vsn=" + vsn;
            return refuse(request, response, callback, HttpStatus.BAD_REQUEST_400,
                    "Only the Phoenix V2 serializer (vsn=" + REQUIRED_VSN + ") is supported; the request has " + got + ".");
        }
        if (kind == SocketKind.DEBUG && !apiKeyMatches(query.getValue("api_key"))) {
            return refuse(request, response, callback, HttpStatus.FORBIDDEN_403,
                    "Missing or wrong api_key for the debug socket.");
        }
        return super.handle(request, response, callback);
    }

    private boolean apiKeyMatches(String presented) {
        // Constant-time: the comparison should not tell how much of a guessed key was right.
        return presented != null && MessageDigest.isEqual(debugApiKey, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean refuse(Request request, Response response, Callback callback, int status, String message) {
        log.warn("Refused {} {}: {} {}", request.getMethod(), redact(request.getHttpURI().asString()), status, message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, message + "\n", callback);
        return true;
    }

    /** The URI with every {@code api_key} value replaced, for log lines. */
    static String redact(String uri) {
        return API_KEY_VALUE.matcher(uri).replaceAll("$1<redacted>");
    }
}
