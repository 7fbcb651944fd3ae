package dev.atomemo4j.examples.hackernews;

import dev.atomemo4j.annotations.Plugin;

/** The official hacker-news plugin, declared with atomemo4j: three tools over the Algolia Hacker News API. */
@Plugin(
    name = "hacker-news",
    displayName = "Hacker News",
    description = "Consume the Hacker News API powered by Algolia",
    icon = "https://news.ycombinator.com/y18.svg",
    repo = "https://github.com/choice-open/atomemo-official-plugins/blob/main/plugins/hacker-news/README.md",
    locales = {"en-US", "zh-Hans"},
    tools = HackerNewsTools.class)
public final class HackerNews {
  private HackerNews() {}
}
