package dev.atomemo4j.examples.glossary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of one glossary file, in file order. Immutable: a refresh reads a new one and swaps it in, so the
 * context provider never sees a half-read file.
 *
 * @param terms term to definition, first occurrence wins
 * @param skipped lines that were neither a term, a comment nor blank (1-based line numbers)
 * @param dropped terms left out because the file has more than the configured maximum
 */
record Glossary(Map<String, String> terms, List<Integer> skipped, int dropped) {

  static final Glossary EMPTY = new Glossary(Map.of(), List.of(), 0);

  Glossary {
    terms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    skipped = List.copyOf(skipped);
  }

  static Glossary read(Path file, int maxTerms) throws IOException {
    Map<String, String> terms = new LinkedHashMap<>();
    List<Integer> skipped = new java.util.ArrayList<>();
    int dropped = 0;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String term = colon < 0 ? "" : line.substring(0, colon).strip();
      String definition = colon < 0 ? "" : line.substring(colon + 1).strip();
      if (term.isEmpty() || definition.isEmpty()) {
        skipped.add(i + 1);
      } else if (terms.containsKey(term)) {
        continue;
      } else if (terms.size() >= maxTerms) {
        dropped++;
      } else {
        terms.put(term, definition);
      }
    }
    return new Glossary(terms, skipped, dropped);
  }

  /** The system-prompt section: a heading and one bullet per term; empty when there are no terms. */
  String toPrompt(String title) {
    if (terms.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("## ").append(title).append('\n');
    terms.forEach((term, definition) -> out.append("- **").append(term).append("**: ").append(definition)
        .append('\n'));
    return out.toString();
  }
}
