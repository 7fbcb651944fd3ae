package dev.atomemo4j.runtime.internal.hub;

/** {@code HUB_MODE} (hub-protocol §1): what the socket path, the topic and registration look like. */
public enum Mode {
  DEBUG("debug"),
  RELEASE("release");

  private final String wireName;

  Mode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** {@code <base>/debug_socket} or {@code <base>/release_socket}; Phoenix adds {@code /websocket} (§2.1). */
  String endpoint(String base) {
    return base + "/" + wireName + "_socket";
  }

  /** §3.1: {@code debug_plugin:<name>} or {@code release_plugin:<name>__release__<version>}. */
  String topic(String pluginName, String version) {
    return this == DEBUG
        ? "debug_plugin:" + pluginName
        : "release_plugin:" + pluginName + "__release__" + version;
  }

  static Mode parse(String value) {
    for (Mode m : values()) {
      if (m.wireName.equals(value)) {
        return m;
      }
    }
    return null;
  }
}
