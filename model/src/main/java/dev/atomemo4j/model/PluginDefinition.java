package dev.atomemo4j.model;

import java.util.List;

/**
 * The whole {@code definition.json}: the plugin's identity and its credentials, models and tools.
 *
 * <p>Members are nullable where the file may omit them, so that a definition read from disk can be represented
 * even when it breaks a rule; {@link dev.atomemo4j.model.validate.DefinitionValidator} says what is wrong.
 * Lists are never null (absent lists read as empty).
 */
public record PluginDefinition(
    String name,
    I18nText displayName,
    I18nText description,
    String icon,
    String lang,
    String repo,
    List<String> locales,
    String author,
    String email,
    String version,
    List<CredentialDefinition> credentials,
    List<ModelDefinition> models,
    List<ToolDefinition> tools) {

  public PluginDefinition {
    locales = locales == null ? null : List.copyOf(locales);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    models = models == null ? List.of() : List.copyOf(models);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /** A copy carrying the given author and e-mail, as the debug runtime fills them in from the OneAuth session. */
  public PluginDefinition withAuthor(String newAuthor, String newEmail) {
    return new PluginDefinition(name, displayName, description, icon, lang, repo, locales, newAuthor, newEmail,
        version, credentials, models, tools);
  }

  public PluginDefinition withVersion(String newVersion) {
    return new PluginDefinition(name, displayName, description, icon, lang, repo, locales, author, email,
        newVersion, credentials, models, tools);
  }
}
