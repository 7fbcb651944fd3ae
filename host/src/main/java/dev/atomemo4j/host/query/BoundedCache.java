package dev.atomemo4j.host.query;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small concurrent memo for the guard's pure results (a verdict depends on the query text alone, the guard being
 * immutable). An agent repeats its queries, and parsing is most of the guard's cost. Bounded crudely: when full it
 * forgets everything, which is cheap, keeps no order, and is right for a working set that fits.
 */
final class BoundedCache<K, V> {
  private final int capacity;
  private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();

  BoundedCache(int capacity) {
    this.capacity = capacity;
  }

  V get(K key) {
    return entries.get(key);
  }

  void put(K key, V value) {
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(key, value);
  }

  /** Removes and returns the value, so one caller alone owns it (for values it then changes). */
  V take(K key) {
    return entries.remove(key);
  }

  V computeIfAbsent(K key, Function<K, V> compute) {
    V value = entries.get(key);
    if (value == null) {
      value = compute.apply(key);
      put(key, value);
    }
    return value;
  }
}
