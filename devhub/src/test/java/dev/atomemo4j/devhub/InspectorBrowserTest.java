package dev.atomemo4j.devhub;

import dev.atomemo4j.devhub.testsupport.NodeScript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspector in a real browser: headless Debian Chromium driven by {@code playwright-core} (a node script,
 * {@code inspector-browser.cjs}) against a dev hub with a fake plugin on a real WebSocket.
 *
 * <p>The script creates a credential instance through the credentials panel, fills the generated form of a tool
 * (text, a select, a bounded integer, a switch that reveals a field through a display filter, a credential select),
 * invokes it and reads the rendered result and elapsed time, edits the parameters as raw JSON into an invalid
 * invocation and reads the rendered structured error, checks the frame log, renders a tool with every other kind of
 * property (arrays, tags, multi-select, unions, maps, file upload, locator, JSON editors), runs the display-filter
 * evaluator on a table of cases inside the page, and saves screenshots to {@code target/inspector/}. It also drags
 * the frame dock taller and reloads (the height is kept), reads server-side parameter problems as a list and on their
 * fields, switches JSON → Form with a member the form cannot show (a warning names it), filters the frame log (the
 * badge counts what is shown), sees a failed save-to-reload build appear as a banner without a reload, and checks at
 * 600 px that nothing is wider than the window. This class then checks what the script saw against what the fake
 * plugin received.
 *
 * <p>Needs {@code node}, Chromium at {@code /usr/bin/chromium} (or {@code -Datomemo4j.chromium=…}) and the npm
 * package {@code playwright-core} in the {@code atomemo4j.node.modules} directory (Maven default
 * {@code devhub/target/node/node_modules}). Install them, from the repository root, with
 * <pre>
 * apt-get install -y chromium chromium-driver fonts-noto-color-emoji
 * npm install --prefix devhub/target/node --no-audit --no-fund playwright-core@1.65.1
 * </pre>
 * Without them the test is skipped, except under {@code CI=true}, where it fails: CI must run it.
 */
class InspectorBrowserTest {
    private static final String PLUGIN = "inspector-demo";
    private static final String SECRET = "sk-browser-secret-4711";
    private static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver fonts-noto-color-emoji; "
            + "npm install --prefix devhub/target/node --no-audit --no-fund playwright-core@1.65.1";

    @TempDir
    Path data;

    @TempDir
    Path browserProfile;

    private DevHub hub;
    private FakePlugin plugin;
    private final List<JsonNode> invocations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> locatorRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHubAndPlugin() throws IOException {
        hub = DevHub.builder().port(0).dataDirectory(data).build();
        hub.start();
    }

    @AfterEach
    void stop() {
        if (plugin != null) {
            plugin.close();
        }
        hub.close();
    }

    @Test
    void fillsTheGeneratedFormInvokesAToolAndRendersResultsErrorsCredentialsAndFrames() throws Exception {
        Path modules = nodeModules();
        Path chromium = Path.of(System.getProperty("atomemo4j.chromium", "/usr/bin/chromium"));
        requireEnvironment(modules, chromium);

        plugin = FakePlugin.start(hub, definition());
        plugin.answer("invoke_tool", this::greet);
        // The "provider" sends the browser straight back to the dev hub's callback with a code.
        plugin.answer("oauth2_build_authorize_url", request -> FakePlugin.Answer.ok(JsonNodeFactory.instance
                .objectNode().put("url", request.get("redirect_uri").asText() + "?code=browser-code&state="
                        + request.get("state").asText())));
        plugin.answer("locator_list", request -> {
            locatorRequests.add(request);
            return FakePlugin.Answer.ok(Api.json("{'results':[{'label':'Item A','value':'a','url':null},"
                    + "{'label':'Item B','value':'b','url':null}],'pagination_token':null}"));
        });
        plugin.answer("oauth2_get_token", request -> {
            tokenRequests.add(request);
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.putObject("parameters_patch").put("access_token", "at-browser").put("refresh_token", "rt-browser")
                    .put("expires_at", 1900000000L);
            return FakePlugin.Answer.ok(data);
        });
        hub.whenPluginReady(PLUGIN).get(5, TimeUnit.SECONDS);

        Path artifacts = Path.of("target", "inspector").toAbsolutePath();
        Files.createDirectories(artifacts);
        long started = System.nanoTime();
        Path corpus = Path.of(System.getProperty("atomemo4j.shared", "../../shared"), "conformance",
                "official-definitions").toAbsolutePath().normalize();
        boolean haveCorpus = Files.isDirectory(corpus);
        JsonNode seen = NodeScript.run(script(), java.time.Duration.ofSeconds(150), "  browser: ", hub.inspectorUrl().toString(), chromium.toString(), modules.toString(),
                browserProfile.toString(), artifacts.toString(), SECRET, haveCorpus ? corpus.toString() : "");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("InspectorBrowserTest: the browser scenario took " + millis + " ms; screenshots in "
                + artifacts);

        assertThat(seen.path("pageErrors")).as("JavaScript errors in the page").isEmpty();

        // The sidebar lists the connected plugin's tools.
        assertThat(seen.path("tools")).extracting(JsonNode::asText).containsExactly("greet", "kitchen-sink");

        // A credential instance created through the panel: listed with its secret masked, and stored for real.
        assertThat(seen.path("credentialRow").asText()).contains("browser", "••••", "eu").doesNotContain(SECRET);
        JsonNode stored = hub.credentials().get(0);
        String credentialId = stored.get("id").asText();
        assertThat(stored.path("name").asText()).isEqualTo("browser");

        // The OAuth2 button: the plugin built the URL, the popup hit the dev hub's callback, the code was exchanged
        // through the plugin, and the panel updated itself to "authorized" with the tokens masked.
        assertThat(seen.path("oauthPopupUrl").asText()).startsWith(hub.url() + "/oauth2/callback?code=browser-code");
        assertThat(seen.path("oauthPopupText").asText()).contains("is authorized");
        assertThat(tokenRequests).singleElement().satisfies(request -> {
            assertThat(request.get("code").asText()).isEqualTo("browser-code");
            assertThat(request.get("credential").get("client_id").asText()).isEqualTo("cid-browser");
        });
        assertThat(seen.path("oauthRow").asText()).contains("oauth", "authorized, expires", "access_token", "••••")
                .doesNotContain("at-browser", "rt-browser", SECRET);
        // ... and was then deleted through the panel.
        assertThat(hub.credentials()).hasSize(1);

        // The display filter hid "suffix" until the switch was on.
        assertThat(seen.path("suffixVisibleBefore").asBoolean()).isFalse();
        assertThat(seen.path("suffixVisibleAfter").asBoolean()).isTrue();

        // The plugin received typed parameters from the form, and the credential instance resolved by the hub.
        JsonNode first = invocations.get(0);
        assertThat(first.get("tool_name").asText()).isEqualTo("greet");
        assertThat(first.get("parameters")).isEqualTo(Api.json("{'text':'Ada','tone':'pirate','times':3,"
                + "'shout':true,'suffix':'!','account':'" + credentialId + "'}"));
        assertThat(first.get("credentials").get(credentialId).get("api_key").asText()).isEqualTo(SECRET);

        // The rendered result shows what the plugin answered, and the elapsed time.
        assertThat(seen.path("resultBadge").asText()).isEqualTo("Success");
        assertThat(seen.path("resultText").asText())
                .contains("\"message\": \"AHOY, ADA! AHOY, ADA! AHOY, ADA!\"", "\"tone\": \"pirate\"", "\"times\": 3",
                        "\"shout\": true", "\"credential_region\": \"eu\"");
        assertThat(seen.path("elapsed").asText()).matches("\\d+ ms");
        assertThat(seen.path("resultText").asText()).contains("<img id=\\\"injected\\\"");
        assertThat(seen.path("markupInjected").asBoolean()).as("plugin markup became DOM").isFalse();

        // The raw-JSON view showed exactly the form's parameters; edited there, it sent an invalid invocation whose
        // structured error was rendered.
        assertThat(seen.path("rawJson")).isEqualTo(first.get("parameters"));
        assertThat(invocations.get(1).get("parameters").get("times").asInt()).isEqualTo(9);
        assertThat(seen.path("errorBadge").asText()).isEqualTo("Error");
        assertThat(seen.path("errorCode").asText()).isEqualTo("demo:invalid_times");
        assertThat(seen.path("errorText").asText()).contains("times must be between 1 and 5, got 9", "\"maximum\": 5");
        assertThat(seen.path("errorElapsed").asText()).matches("\\d+ ms");

        // The frame log showed the invoke_tool frames, with the credential redacted.
        assertThat(seen.path("frameEvents")).extracting(JsonNode::asText)
                .contains("invoke_tool", "invoke_tool_response", "invoke_tool_error");
        assertThat(seen.path("invokeFramePayload").asText()).contains("\"tool_name\": \"greet\"", "\"api_key\": \"••••\"")
                .doesNotContain(SECRET);

        // The frame-log dock, dragged 150 px taller by its handle, keeps that height across a reload.
        JsonNode dock = seen.path("dock");
        assertThat(dock.path("afterDrag").asDouble()).isCloseTo(dock.path("before").asDouble() + 150, within(1.0));
        assertThat(dock.path("stored").asDouble()).isCloseTo(dock.path("afterDrag").asDouble(), within(1.0));
        assertThat(dock.path("afterReload").asDouble()).isCloseTo(dock.path("afterDrag").asDouble(), within(1.0));
        // Collapsing still folds it to its head, and expanding brings the dragged height back.
        assertThat(dock.path("collapsed").asDouble()).isLessThan(dock.path("before").asDouble());
        assertThat(dock.path("expandedAgain").asDouble()).isCloseTo(dock.path("afterDrag").asDouble(), within(1.0));

        // Server-side parameter problems: listed one per pointer, and shown on the fields those pointers name.
        JsonNode problems = seen.path("problems");
        assertThat(problems.path("message").asText()).isEqualTo("invalid parameters for greet (3 problems):");
        assertThat(problems.path("items")).extracting(JsonNode::asText).containsExactly(
                "/times must be at most 3", "/tone must be one of friendly, formal",
                "/volume is not a parameter of greet");
        assertThat(problems.path("timesField").asText()).isEqualTo("must be at most 3");
        assertThat(problems.path("toneField").asText()).isEqualTo("must be one of friendly, formal");
        assertThat(problems.path("fieldErrors").asInt()).as("/volume names no field").isEqualTo(2);
        assertThat(problems.path("lostShown").asBoolean()).as("nothing was lost switching to the form").isFalse();

        // JSON → Form with a member the form cannot show names it, and hands the JSON back on request.
        JsonNode lost = seen.path("lost");
        assertThat(lost.path("pointers")).extracting(JsonNode::asText).containsExactly("/bogus");
        assertThat(lost.path("text").asText()).contains("cannot show", "/bogus", "{\"deep\":true}");
        assertThat(lost.path("backInJson").path("bogus")).isEqualTo(Api.json("{'deep':true}"));
        assertThat(lost.path("hiddenInJson").asBoolean()).isTrue();

        // The frame count badge counts what the filter shows.
        JsonNode filtered = seen.path("filteredCount");
        assertThat(filtered.path("shown").asInt()).isPositive().isLessThan(filtered.path("kept").asInt());
        assertThat(filtered.path("badge").asText()).isEqualTo(String.valueOf(filtered.path("shown").asInt()));
        JsonNode unfiltered = seen.path("unfilteredCount");
        assertThat(unfiltered.path("badge").asText()).isEqualTo(String.valueOf(unfiltered.path("kept").asInt()));

        // A failed save-to-reload build reported while the page was open: a banner with the compiler's line, no reload.
        assertThat(seen.path("bannerHiddenBefore").asBoolean()).isTrue();
        assertThat(seen.path("buildBanner").asText()).contains("does not compile", "keeps running",
                "Tools.java:12: error: ';' expected");
        assertThat(seen.path("bannerWithoutReload").asBoolean()).isTrue();

        // Below 800 px: the sidebar stacks above the workspace, and nothing is wider than the window.
        JsonNode narrow = seen.path("narrow");
        assertThat(narrow.path("innerWidth").asInt()).isEqualTo(600);
        assertThat(narrow.path("scrollWidth").asInt()).as("too wide: %s", narrow.path("wide"))
                .isLessThanOrEqualTo(narrow.path("innerWidth").asInt());
        assertThat(narrow.path("stacked").asBoolean()).isTrue();

        // A tool using every other kind of property renders, prefills defaults and builds its value.
        JsonNode sink = seen.path("kitchenSink");
        assertThat(sink.path("controls").path("tagInput").asInt()).isEqualTo(1);
        assertThat(sink.path("controls").path("multiSelectOptions").asInt()).isEqualTo(3);
        assertThat(sink.path("controls").path("radios").asInt()).isEqualTo(2);
        assertThat(sink.path("controls").path("unionSelects").asInt()).isEqualTo(1);
        assertThat(sink.path("controls").path("passwordInputs").asInt()).isEqualTo(1);
        assertThat(sink.path("filtersVisibleWhenSafe").asBoolean()).isTrue();
        assertThat(sink.path("filtersHiddenWhenFast").asBoolean()).isTrue();
        JsonNode value = sink.path("value");
        assertThat(value.path("retries").asInt()).isEqualTo(2);
        assertThat(value.path("mode").asText()).isEqualTo("fast");
        assertThat(value.path("colors")).isEqualTo(Api.json("['green','blue']"));
        assertThat(value.path("tags")).isEqualTo(Api.json("['alpha','beta']"));
        assertThat(value.path("shapes")).isEqualTo(Api.json("[{'kind':'square','side':4}]"));
        assertThat(value.path("headers")).isEqualTo(Api.json("{'X-Trace':'on'}"));
        assertThat(value.path("rules")).isEqualTo(Api.json("[{'name':'first','weight':1}]"));
        // The locator's Browse asked the plugin (locator_list with the mode's method and the typed filter).
        assertThat(locatorRequests).singleElement().satisfies(request -> {
            assertThat(request.get("method").asText()).isEqualTo("list_items");
            assertThat(request.get("filter").asText()).isEqualTo("ite");
        });
        assertThat(value.path("item")).isEqualTo(Api.json(
                "{'__type__':'resource_locator','mode_name':'list','value':'b','cached_result_label':'Item B'}"));
        assertThat(value.has("filters")).as("hidden by its display filter").isFalse();
        JsonNode file = value.path("attachment");
        assertThat(file.path("__type__").asText()).isEqualTo("file_ref");
        assertThat(file.path("filename").asText()).isEqualTo("hello.txt");
        assertThat(file.path("res_key").asText()).startsWith("inspector/");

        // The display-filter evaluator (§7.5) agrees with MongoDB semantics on every case, in the real browser.
        assertThat(seen.path("filterCases").asInt()).isGreaterThan(30);
        assertThat(seen.path("filterFailures")).as("display filter cases that failed").isEmpty();

        // Every tool of every official definition gets a form without errors, whose value survives set(get()).
        if (haveCorpus) {
            JsonNode official = seen.path("official");
            assertThat(official.path("registrationFailures")).as("official definitions refused").isEmpty();
            int[] counts = officialCounts(corpus);
            assertThat(official.path("tools").asInt()).isEqualTo(counts[0]);
            assertThat(official.path("fields").asInt()).as("rendered fields, nested ones included")
                    .isGreaterThanOrEqualTo(counts[1]);
            assertThat(official.path("failures")).as("official tools whose form failed").isEmpty();
            assertThat(official.path("notConnectedBadge").asText()).isEqualTo("HTTP 503");
            assertThat(official.path("notConnectedCode").asText()).isEqualTo("devhub:plugin_not_connected");
            assertThat(artifacts.resolve("inspector-official.png")).isNotEmptyFile();
        } else {
            System.out.println("InspectorBrowserTest: no " + corpus + "; the official definitions were left out");
        }

        for (String png : List.of("inspector.png", "inspector-error.png", "inspector-credentials.png",
                "inspector-kitchen-sink.png", "inspector-problems.png", "inspector-narrow.png")) {
            assertThat(artifacts.resolve(png)).isNotEmptyFile();
        }
    }

    /** The fake plugin's tool: a greeting built from the parameters, or a structured error for bad ones. */
    private FakePlugin.Answer greet(JsonNode request) {
        invocations.add(request);
        JsonNode parameters = request.path("parameters");
        String text = parameters.path("text").asText("");
        int times = parameters.path("times").asInt(1);
        if (text.isEmpty()) {
            return FakePlugin.Answer.error("demo:invalid_parameters", "text is required");
        }
        if (text.equals("problems")) {
            // As the Java runtime answers parameters its shape engine refuses: one problem per JSON pointer.
            ObjectNode error = JsonNodeFactory.instance.objectNode()
                    .put("code", "sdk:invalid_parameter")
                    .put("message", "invalid parameters for greet: /times: must be at most 3; /tone: must be one of"
                            + " friendly, formal; /volume: is not a parameter of greet");
            error.putArray("problems")
                    .add(problem("/times", "must be at most 3"))
                    .add(problem("/tone", "must be one of friendly, formal"))
                    .add(problem("/volume", "is not a parameter of greet"));
            return new FakePlugin.Answer(null, error);
        }
        if (text.equals("report-build")) {
            // Stands in for `atomemo4j dev <module>` seeing a save that does not compile, while the page is open.
            hub.reportBuild(new BuildStatus(BuildStatus.State.FAILED, "/work/my-plugin",
                    List.of("/work/my-plugin/src/main/java/Tools.java:12: error: ';' expected"), 2));
        }
        if (times < 1 || times > 5) {
            ObjectNode error = JsonNodeFactory.instance.objectNode()
                    .put("code", "demo:invalid_times")
                    .put("message", "times must be between 1 and 5, got " + times);
            error.putObject("details").put("parameter", "times").put("minimum", 1).put("maximum", 5)
                    .put("value", times);
            return new FakePlugin.Answer(null, error);
        }
        String tone = parameters.path("tone").asText("friendly");
        String word = switch (tone) {
            case "formal" -> "Good day";
            case "pirate" -> "Ahoy";
            default -> "Hello";
        };
        boolean shout = parameters.path("shout").asBoolean(false);
        String one = word + ", " + text + parameters.path("suffix").asText("");
        String message = String.join(" ", java.util.Collections.nCopies(times, one));
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("message", shout ? message.toUpperCase(Locale.ROOT) : message);
        ObjectNode echo = data.putObject("echo");
        echo.put("text", text).put("tone", tone).put("times", times).put("shout", shout);
        String account = parameters.path("account").asText(null);
        JsonNode credential = account == null ? null : request.path("credentials").get(account);
        data.put("credential_region", credential == null ? null : credential.path("region").asText(null));
        // Plugin data is text to the inspector, never markup.
        data.put("markup", "<img id=\"injected\" src=\"x\" onerror=\"window.pwned = true\">");
        return FakePlugin.Answer.ok(data);
    }

    private static ObjectNode problem(String pointer, String message) {
        return JsonNodeFactory.instance.objectNode().put("pointer", pointer).put("message", message);
    }

    /** {tools, their top-level parameters} over the official definitions. */
    private static int[] officialCounts(Path corpus) throws IOException {
        int[] counts = new int[2];
        try (var files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode tool : FakePlugin.MAPPER.readTree(file.toFile()).path("tools")) {
                    counts[0]++;
                    counts[1] += tool.path("parameters").size();
                }
            }
        }
        return counts;
    }

    private static ObjectNode definition() throws IOException, URISyntaxException {
        return TestDefinitions.parse(Files.readString(
                Path.of(InspectorBrowserTest.class.getResource("inspector-demo.json").toURI())));
    }

    // ---- running the browser --------------------------------------------------------------------------------------

    private static Path script() throws URISyntaxException {
        return Path.of(InspectorBrowserTest.class.getResource("inspector-browser.cjs").toURI());
    }

    private static Path nodeModules() {
        String configured = System.getProperty("atomemo4j.node.modules", "target/node/node_modules");
        return Path.of(configured).toAbsolutePath();
    }

    /** Skips when node, Chromium or playwright-core is missing, but fails under CI=true: there it must run. */
    private static void requireEnvironment(Path modules, Path chromium) {
        String problem = null;
        if (!runs("node", "--version")) {
            problem = "`node` is not on the PATH";
        } else if (!Files.isExecutable(chromium)) {
            problem = "Chromium is not installed at " + chromium + " (Debian package `chromium`)";
        } else if (!Files.isRegularFile(modules.resolve("playwright-core/package.json"))) {
            problem = "the npm package playwright-core is not installed in " + modules;
        }
        if (problem == null) {
            return;
        }
        String message = "Inspector browser test cannot run: " + problem + ". Install with `" + INSTALL_HINT
                + "` (from the repository root), or point -Datomemo4j.node.modules / -Datomemo4j.chromium elsewhere.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(false, message);
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
