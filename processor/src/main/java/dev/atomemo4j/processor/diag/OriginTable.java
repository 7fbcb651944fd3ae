package dev.atomemo4j.processor.diag;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps JSON pointers of the definition being built to the source that produced each member, so a violation the
 * model's validator reports at {@code /tools/2/parameters/0/ui/component} lands on the {@code component} value of
 * that parameter's {@code @Param}. Lookups fall back to the longest recorded prefix.
 */
public final class OriginTable {
  private final Map<String, Origin> origins = new HashMap<>();

  public void put(String pointer, Origin origin) {
    if (origin != null) {
      origins.put(pointer, origin);
    }
  }

  /** The origin of {@code pointer} or of its closest recorded ancestor; null when nothing matches. */
  public Origin find(String pointer) {
    String p = pointer;
    while (true) {
      Origin o = origins.get(p);
      if (o != null) {
        return o;
      }
      if (p.isEmpty()) {
        return null;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
