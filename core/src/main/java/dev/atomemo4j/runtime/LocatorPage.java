package dev.atomemo4j.runtime;

import java.util.List;

/** One page of resources for a locator's list mode; {@code paginationToken} is null on the last page. */
public record LocatorPage(List<Item> results, String paginationToken) {

  public LocatorPage {
    results = List.copyOf(results);
  }

  /** A resource: its label, its id, and optionally a link. */
  public record Item(String label, String value, String url) {}
}
