package dev.atomemo4j.runtime.internal.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.runtime.ConfigException;
import dev.atomemo4j.runtime.internal.json.StreamingTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Finds the definition's {@code author} and {@code email} (hub-protocol §13): explicit overrides (builder, or
 * {@code ATOMEMO4J_AUTHOR}/{@code ATOMEMO4J_EMAIL}) first; otherwise the OneAuth session in debug mode, or
 * {@code ./definition.json} in release mode.
 *
 * <p>Two phases, so that local problems (a missing login file, a missing definition.json) are listed together
 * with the configuration problems, and only the network lookup can fail on its own afterwards.
 */
final class AuthorResolver {

  static final String DEFAULT_ONEAUTH = "https://oneauth.atomemo.ai";
  static final String SESSION_PATH = "/v1/auth/get-session";


  /** Who the plugin is registered for. */
  record Author(String name, String email) {
    Author {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }
  }

  /** The second phase: known at once, or looked up over the network. */
  interface Plan {
    /** {@code http} is asked for a client only when the author must be looked up. */
    Author resolve(Supplier<OkHttpClient> http);
  }

  private AuthorResolver() {}

  /**
   * The local phase. Adds a sentence to {@code problems} for everything wrong and returns null then.
   *
   * @param builderAuthor the builder's override, or null (with {@code builderEmail})
   * @param userHome where {@code ~/.choiceform} lives
   */
  static Plan plan(HubConfig config, String builderAuthor, String builderEmail, Path workingDirectory,
      Path userHome, List<String> problems) {
    if (builderAuthor != null) {
      Author a = new Author(builderAuthor, builderEmail);
      return http -> a;
    }
    String envAuthor = config.value(HubConfig.AUTHOR);
    String envEmail = config.value(HubConfig.EMAIL);
    if (envAuthor != null && envEmail != null) {
      Author a = new Author(envAuthor, envEmail);
      return http -> a;
    }
    if (envAuthor != null || envEmail != null) {
      problems.add((envAuthor != null ? HubConfig.AUTHOR + " is set but " + HubConfig.EMAIL + " is not"
          : HubConfig.EMAIL + " is set but " + HubConfig.AUTHOR + " is not") + "; set both, or neither");
      return null;
    }
    if (config.mode() == Mode.RELEASE) {
      return fromDefinitionFile(workingDirectory.resolve("definition.json"), problems);
    }
    if (config.mode() == Mode.DEBUG) {
      return fromOneAuth(config, userHome, problems);
    }
    return null; // HUB_MODE is wrong: already reported
  }

  // --- release: ./definition.json ----------------------------------------------------------------------------------

  private static Plan fromDefinitionFile(Path file, List<String> problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add("release mode takes author and email from ./definition.json, but " + file + " does not exist; "
          + "deploy it with the plugin, or set " + HubConfig.AUTHOR + " and " + HubConfig.EMAIL);
      return null;
    } catch (IOException e) {
      problems.add(file + " cannot be read: " + e.getClass().getSimpleName());
      return null;
    }
    JsonNode root;
    try {
      root = StreamingTrees.read(text);
    } catch (IOException e) { // reading a String: only invalid JSON
      problems.add(file + " is not valid JSON");
      return null;
    }
    String name = textMember(root, "author");
    String email = textMember(root, "email");
    if (name == null || email == null) {
      problems.add(file + " must be a JSON object with string `author` and `email`"
          + (name == null && email == null ? "; both are missing" : name == null ? "; `author` is missing"
              : "; `email` is missing"));
      return null;
    }
    Author a = new Author(name, email);
    return http -> a;
  }

  // --- debug: OneAuth ----------------------------------------------------------------------------------------------

  private static Plan fromOneAuth(HubConfig config, Path userHome, List<String> problems) {
    String dirOverride = config.value(HubConfig.CONFIG_DIR);
    Path dir = dirOverride != null ? Path.of(dirOverride) : userHome.resolve(".choiceform");
    Path file = dir.resolve("atomemo.json");
    String deployment = config.deployment();
    String advice = "run `atomemo auth login`, or set " + HubConfig.AUTHOR + " and " + HubConfig.EMAIL;
    JsonNode root = null;
    try {
      root = StreamingTrees.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      // §13.1: a missing file means "no token". Say so in words, not by naming a file that does not exist.
      problems.add("debug mode registers the plugin under your Atomemo account's name and e-mail, and you are not "
          + "logged in to Atomemo on this machine. Log in with the Atomemo CLI (`atomemo auth login`), or, without "
          + "an Atomemo account (against `atomemo4j dev`, or in CI), set " + HubConfig.AUTHOR + " and "
          + HubConfig.EMAIL + " to your name and e-mail (in the environment or in .env)");
      return null;
    } catch (JsonProcessingException e) {
      problems.add(file + " is not valid JSON; " + advice);
      return null;
    } catch (IOException e) {
      problems.add(file + " cannot be read (" + e.getClass().getSimpleName() + "); " + advice);
      return null;
    }
    JsonNode auth = root == null ? null : root.path("auth").path(deployment);
    String token = auth == null ? null : textMember(auth, "access_token");
    if (token == null || token.isEmpty()) {
      // The deployment ("staging"/"production") is the login file's word, not one a newcomer knows: name the Hub.
      problems.add("debug mode registers the plugin under your Atomemo account's name and e-mail, but your Atomemo "
          + "login (" + file + ") is not for the Hub HUB_WS_URL points at (" + hubHost(config) + "). Log in to that "
          + "Hub with `atomemo auth login`, or set " + HubConfig.AUTHOR + " and " + HubConfig.EMAIL + " to your "
          + "name and e-mail");
      return null;
    }
    String endpointText = textMember(auth, "endpoint");
    HttpUrl endpoint = HttpUrl.parse(endpointText == null ? DEFAULT_ONEAUTH : endpointText);
    if (endpoint == null) {
      problems.add(file + ": auth." + deployment + ".endpoint is not an http(s) URL");
      return null;
    }
    if (!endpoint.isHttps() && !HubConfig.isLoopback(endpoint.host())) {
      // The bearer token would travel in clear text to another machine.
      problems.add(file + ": auth." + deployment + ".endpoint `" + endpoint.scheme() + "://" + endpoint.host()
          + "` is not https; the login token is only sent over https (or plain http to this machine); fix the "
          + "endpoint, run `atomemo auth login` again, or set " + HubConfig.AUTHOR + " and " + HubConfig.EMAIL);
      return null;
    }
    HttpUrl url = endpoint.resolve(SESSION_PATH); // §13.3: the absolute path replaces any path
    return http -> lookUp(http.get(), url, token);
  }

  private static String hubHost(HubConfig config) {
    String url = config.baseUrl() != null ? config.baseUrl() : config.value(HubConfig.HUB_WS_URL);
    try {
      String host = url == null ? null : java.net.URI.create(url).getHost();
      return host == null ? String.valueOf(url) : host;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static Author lookUp(OkHttpClient http, HttpUrl url, String token) {
    Request request = new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .get()
        .build();
    String where = url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? ""
        : ":" + url.port()) + SESSION_PATH;
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new ConfigException(List.of("the OneAuth session lookup (GET " + where + ") answered HTTP "
            + response.code() + (response.code() == 401 || response.code() == 403
                ? ": your login has expired; run `atomemo auth login` again"
                : "; run `atomemo auth login` again, or set " + HubConfig.AUTHOR + " and " + HubConfig.EMAIL)));
      }
      ResponseBody body = response.body();
      JsonNode root = StreamingTrees.read(body.string());
      JsonNode user = root.path("user");
      String name = textMember(user, "name");
      String email = textMember(user, "email");
      if (name == null || email == null) {
        throw new ConfigException(List.of("the OneAuth session (GET " + where + ") has no user.name and "
            + "user.email; run `atomemo auth login` again, or set " + HubConfig.AUTHOR + " and "
            + HubConfig.EMAIL));
      }
      return new Author(name, email);
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of("the OneAuth session lookup (GET " + where + ") did not answer JSON"));
    } catch (IOException e) {
      throw new ConfigException(List.of("the OneAuth session lookup (GET " + where + ") failed: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "; check your network, or set " + HubConfig.AUTHOR + " and " + HubConfig.EMAIL));
    }
  }

  private static String textMember(JsonNode node, String name) {
    JsonNode v = node == null ? null : node.get(name);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}
