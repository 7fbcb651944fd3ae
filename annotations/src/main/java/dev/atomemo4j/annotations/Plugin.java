package dev.atomemo4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an Atomemo plugin. The processor generates {@code definition.json}, a JSON Schema per tool and a
 * {@code <Class>Registry} that the runtime serves.
 *
 * <p>Features are listed explicitly, and appear in {@code definition.json} in the order given here (tools of one
 * class in declaration order), so the file never depends on compilation or file-system order.
 *
 * <pre>{@code
 * @Plugin(name = "get-current-time", displayName = "Get Current Time", description = "…", icon = "🕐",
 *     tools = TimeTools.class)
 * public final class GetCurrentTime {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Plugin {

  /** 5–65 letters, digits, {@code _} or {@code -}; never two of {@code _}/{@code -} in a row. */
  String name();

  /** The {@code en_US} display name; other locales come from the translations file. */
  String displayName();

  /** The {@code en_US} description. */
  String description();

  /** An emoji, a URL, or a platform symbol such as {@code "symbol:icon-airtable"}. */
  String icon();

  /**
   * The plugin version. Empty means the build's project version, which Maven passes to the processor as
   * {@code -Aatomemo4j.version} (see the README), so the version is written once.
   */
  String version() default "";

  /** The {@code lang} member. The Hub's release pipeline knows only typescript and elixir today. */
  String lang() default "java";

  /** The source repository, an http(s) URL; empty to omit. */
  String repo() default "";

  /** Locales the plugin supports, with hyphens ({@code en-US}, {@code zh-Hans}). */
  String[] locales() default {"en-US"};

  /** Classes holding {@link Tool} methods, or classes annotated {@link Tool}. */
  Class<?>[] tools() default {};

  /** Records annotated {@link Credential}. */
  Class<?>[] credentials() default {};

  /**
   * Base name of the translations, a classpath resource path without locale and extension: {@code "i18n/messages"}
   * reads {@code i18n/messages_zh_Hans.properties} for locale {@code zh-Hans}. Empty means
   * {@code <package path>/<SimpleName>} of the plugin class, e.g. {@code com/acme/GetCurrentTime_zh_Hans.properties}.
   */
  String translations() default "";

  // --- Atlas (atlas-design.md): never written to definition.json, which stays the Hub's format --------------------

  /**
   * The Atlas plugin types this plugin is. Checked both ways: a declared type needs the element that provides it
   * ({@link ContextProvider} for {@code CONTEXT}, …), and such an element needs its type declared. Empty for a plugin
   * that only serves tools.
   */
  PluginType[] types() default {};

  /**
   * The plugin's config: a record whose components may carry {@link ConfigField} and the Jakarta constraints.
   * {@code void.class} means the plugin takes no config. When set, the plugin class has a public constructor taking
   * the record (or a public no-argument one, reaching the config through {@code PluginContext.config}).
   */
  Class<?> config() default void.class;

  /**
   * Whether the host refuses to start when this plugin fails to initialize. By default a failed {@link Initialize}
   * leaves the plugin unhealthy and the host boots the others (as Atlas does).
   */
  boolean required() default false;

  /**
   * The plugin's tables in the host's storage database: records annotated {@link Table}, migrated before
   * {@link Initialize} and reached through {@code PluginContext.db()}.
   */
  Class<?>[] tables() default {};

  /**
   * The version of the plugin's tables: every {@code since} and {@link Migration} version is at most this. Raise it
   * with each change; the host applies the steps between the database's version and this one, in order.
   */
  int schemaVersion() default 1;
}
