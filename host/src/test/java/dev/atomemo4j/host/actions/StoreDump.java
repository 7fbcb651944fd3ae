package dev.atomemo4j.host.actions;

import java.util.List;

/** Every stored column of every row of the action tables, for tests proving a value is never stored. */
public final class StoreDump {
  private StoreDump() {}

  public static List<String> of(JdbcActionStore store) {
    return store.dumpAllText();
  }
}
