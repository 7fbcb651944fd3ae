package dev.atomemo4j.examples.jsonreader;

import dev.atomemo4j.annotations.Plugin;

/** The official json_reader plugin, declared with atomemo4j: one tool that parses an uploaded file as JSON. */
@Plugin(
    name = "json_reader",
    displayName = "JSON Reader",
    description = "Read a file and parse it as a JSON object, with BOM header support",
    icon = "https://server-media-public.atomemo.ai/icons/json-reader.svg",
    repo = "https://github.com/choice-open/atomemo-official-plugins/plugins/json_reader",
    locales = {"en-US", "zh-Hans"},
    tools = ReadJson.class)
public final class JsonReader {
  private JsonReader() {}
}
