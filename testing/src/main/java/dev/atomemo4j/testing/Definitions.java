package dev.atomemo4j.testing;

import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionReader;
import dev.atomemo4j.model.io.DefinitionWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks a generated {@code definition.json} against a committed one (your own, or an official plugin's), as
 * canonical bytes, optionally ignoring plugin-level members that legitimately differ (author, version, …).
 */
public final class Definitions {
  private Definitions() {}

  /** The definition the processor generated for {@code pluginClass}, exactly as written. */
  public static String generated(Class<?> pluginClass) {
    return Registries.of(pluginClass).descriptor().definitionJson();
  }

  /**
   * Fails unless {@code actual} equals the definition in {@code expectedFile} byte for byte once both are
   * canonicalized and the plugin-level members in {@code ignored} ({@code "author"}, {@code "email"},
   * {@code "lang"}, {@code "repo"}, {@code "version"}) are set aside.
   */
  public static void assertSameAs(Path expectedFile, String actual, String... ignored) {
    String expected;
    try {
      expected = Files.readString(expectedFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + expectedFile, e);
    }
    String a = canonical(actual, Set.of(ignored));
    String b = canonical(expected, Set.of(ignored));
    if (!a.equals(b)) {
      int at = firstDifference(a, b);
      throw new AssertionError("the generated definition differs from " + expectedFile + " at character " + at
          + ":\n  expected …" + excerpt(b, at) + "…\n  actual   …" + excerpt(a, at) + "…");
    }
  }

  static String canonical(String json, Set<String> ignored) {
    PluginDefinition d = DefinitionReader.read(json).definition().orElseThrow(
        () -> new AssertionError("not a definition: " + json.substring(0, Math.min(80, json.length()))));
    return DefinitionWriter.toJson(new PluginDefinition(d.name(), d.displayName(), d.description(), d.icon(),
        ignored.contains("lang") ? null : d.lang(), ignored.contains("repo") ? null : d.repo(), d.locales(),
        ignored.contains("author") ? null : d.author(), ignored.contains("email") ? null : d.email(),
        ignored.contains("version") ? null : d.version(), d.credentials(), d.models(), d.tools()));
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }

  private static String excerpt(String s, int at) {
    int from = Math.max(0, at - 40);
    return s.substring(from, Math.min(s.length(), at + 40)).replace("\n", "⏎");
  }
}
