package dev.atomemo4j.model.io;

/** RFC 6901 JSON pointer building. */
public final class Pointers {
  private Pointers() {}

  public static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String parent, int index) {
    return parent + "/" + index;
  }
}
