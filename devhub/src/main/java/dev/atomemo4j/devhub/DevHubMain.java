package dev.atomemo4j.devhub;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -cp … dev.atomemo4j.devhub.DevHubMain [options]}: runs a dev hub until Ctrl-C.
 *
 * <pre>
 * --host H             interface to bind (default 127.0.0.1)
 * --port N             port (default 0: a free port)
 * --api-key K          debug API key (default: generated once, kept in the data directory)
 * --data DIR           data directory (default ./.atomemo4j-devhub)
 * --request-timeout S  seconds a request waits for a plugin (default 30)
 * --llm-endpoint URL   OpenAI-compatible base URL for hub_call:invoke_llm (e.g. https://api.openai.com/v1)
 * --llm-api-key K      its key (default: the ATOMEMO4J_LLM_API_KEY environment variable)
 * --llm-model M        model used when a call names none
 * </pre>
 *
 * Exit status: 0 after a clean stop, 1 when the hub cannot start, 2 for bad arguments.
 */
public final class DevHubMain {
    static final String LLM_KEY_VARIABLE = "ATOMEMO4J_LLM_API_KEY";

    private static final String USAGE = String.join("\n",
            "Usage: DevHubMain [--host H] [--port N] [--api-key K] [--data DIR] [--request-timeout SECONDS]",
            "                  [--llm-endpoint URL] [--llm-api-key K] [--llm-model M]",
            "Runs the atomemo4j dev hub (a local Atomemo Plugin Hub) until Ctrl-C.");

    private DevHubMain() {}

    public static void main(String[] args) {
        int status = run(args, Map.copyOf(System.getenv()), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the hub, prints how to reach it, and blocks until the JVM shuts down (Ctrl-C). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        DevHub.Builder builder;
        try {
            builder = parse(args, env);
        } catch (HelpRequested e) {
            out.println(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("atomemo4j dev hub: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        DevHub hub = builder.build();
        try {
            hub.start();
        } catch (IOException | RuntimeException e) {
            err.println("atomemo4j dev hub: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stopped.countDown();
        }, "devhub-shutdown"));
        out.println(banner(hub));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hub.close();
        }
        return 0;
    }

    static String banner(DevHub hub) {
        return String.join("\n",
                "atomemo4j dev hub is running",
                "  Inspector:          " + hub.inspectorUrl(),
                "  API:                " + hub.url() + "/api",
                "  HUB_WS_URL=" + hub.wsUrl(),
                "  HUB_DEBUG_API_KEY=" + hub.apiKey(),
                "  Data directory:     " + hub.dataDirectory().toAbsolutePath(),
                "Press Ctrl-C to stop.");
    }

    /** Thrown by {@link #parse} for {@code --help}. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }

    static DevHub.Builder parse(String[] args, Map<String, String> env) {
        DevHub.Builder builder = DevHub.builder();
        String llmKey = env.get(LLM_KEY_VARIABLE);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (value == null) {
                if (!option.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException(option.startsWith("--")
                            ? option + " needs a value" : "unexpected argument \"" + arg + "\"");
                }
                value = args[++i];
            }
            switch (option) {
                case "--host":
                    builder.host(value);
                    break;
                case "--port":
                    builder.port(integer(option, value, 0, 65535));
                    break;
                case "--api-key":
                    if (value.isEmpty()) {
                        throw new IllegalArgumentException("--api-key must not be empty");
                    }
                    builder.apiKey(value);
                    break;
                case "--data":
                    builder.dataDirectory(Path.of(value));
                    break;
                case "--request-timeout":
                    builder.requestTimeout(Duration.ofSeconds(integer(option, value, 1, 3600)));
                    break;
                case "--llm-endpoint":
                    builder.llmEndpoint(httpUrl(option, value));
                    break;
                case "--llm-api-key":
                    llmKey = value;
                    break;
                case "--llm-model":
                    builder.llmModel(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        builder.llmApiKey(llmKey);
        return builder;
    }

    private static int integer(String option, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an integer from " + min + " to " + max + ", got \""
                + value + "\"");
    }

    private static URI httpUrl(String option, String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an http(s) URL, got \"" + value + "\"");
    }
}
