package dev.atomemo4j.processor.read;

import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Localized text: {@code en_US} from annotation attributes, other locales from the author's translation files,
 * looked up by stable keys ({@code tool.<tool>.<param>.hint}, …). A missing translation is a warning; a key in a
 * file that names nothing is an error (usually a renamed tool or parameter).
 */
final class Texts {
  /** A translations file: its locale key ({@code zh_Hans}), its resource path, its entries (null if missing). */
  record Bundle(String locale, String path, Properties entries) {}

  private final List<Bundle> bundles;
  private final Reporter reporter;
  private final Set<String> used = new LinkedHashSet<>();

  Texts(List<Bundle> bundles, Reporter reporter) {
    this.bundles = bundles;
    this.reporter = reporter;
  }

  /** {@code en} in {@code en_US} plus each locale's translation of {@code key}; null when {@code en} is null. */
  I18nText text(String en, String key, Origin origin) {
    if (en == null) {
      return null;
    }
    used.add(key);
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("en_US", en);
    for (Bundle b : bundles) {
      if (b.entries() == null) {
        continue;
      }
      String t = b.entries().getProperty(key);
      if (t != null) {
        entries.put(b.locale(), t);
      } else {
        reporter.report(Message.MISSING_TRANSLATION, origin, b.locale(), "\"" + abbreviate(en) + "\"", key,
            b.path());
      }
    }
    return new I18nText(entries);
  }

  /** Reports missing files once each, and keys no text asked for. */
  void finish(Origin pluginOrigin) {
    for (Bundle b : bundles) {
      if (b.entries() == null) {
        reporter.report(Message.MISSING_TRANSLATIONS_FILE, pluginOrigin, b.locale(), b.path());
        continue;
      }
      for (String key : b.entries().stringPropertyNames().stream().sorted().toList()) {
        if (!used.contains(key)) {
          String hint = dev.atomemo4j.model.validate.Names.closest(key, used);
          reporter.report(Message.UNKNOWN_TRANSLATION_KEY, pluginOrigin, b.path(), key,
              hint == null ? "" : "; did you mean " + hint + "?");
        }
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "…";
  }
}
