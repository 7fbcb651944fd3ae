package dev.atomemo4j.runtime.internal.hub;

import dev.atomemo4j.runtime.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The author and e-mail of the Atomemo login on this machine, looked up exactly as the debug runtime does
 * (hub-protocol §13: {@code ATOMEMO4J_AUTHOR}/{@code ATOMEMO4J_EMAIL} first, then the OneAuth session of
 * {@code ~/.choiceform/atomemo.json}), for tools that write a release {@code definition.json}. Not plugin API.
 */
public final class AtomemoLogin {

  /** Who a plugin is published by. */
  public record Identity(String author, String email) {}

  private AtomemoLogin() {}

  /**
   * @param environment where {@code ATOMEMO4J_AUTHOR}, {@code ATOMEMO4J_EMAIL} and {@code CHOICEFORM_CONFIG_DIR}
   *     are read
   * @param hubUrl the Hub the plugin will be released to; it decides which login of the file counts
   * @throws ConfigException with what is missing and what to do, e.g. "you are not logged in"
   */
  public static Identity lookUp(Map<String, String> environment, String hubUrl, Path userHome, OkHttpClient http) {
    List<String> problems = new ArrayList<>();
    // Debug-mode settings with a placeholder key: only the author lookup of HubConfig is used here.
    HubConfig config = HubConfig.load(environment, Map.of(HubConfig.HUB_WS_URL, hubUrl, "HUB_MODE", "debug",
        "HUB_DEBUG_API_KEY", "unused"), Path.of("/nonexistent-atomemo4j-dir"), false, problems);
    AuthorResolver.Plan plan = AuthorResolver.plan(config, null, null, userHome, userHome, problems);
    if (!problems.isEmpty() || plan == null) {
      throw new ConfigException(problems);
    }
    AuthorResolver.Author author = plan.resolve(() -> http);
    return new Identity(author.name(), author.email());
  }
}
