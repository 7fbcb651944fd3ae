package dev.atomemo4j.host.schema;

import dev.atomemo4j.runtime.spi.SchemaBinding;
import dev.atomemo4j.runtime.storage.MigrationStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The versioned steps of one plugin's tables, derived from its {@link SchemaBinding}: version {@code v} creates the
 * tables with {@code since = v} and adds the columns with {@code since = v}, then runs what its {@code @Migration}
 * recorded. The records declare today's names; a declared step uses the names its version had, found by taking
 * the later renames back, so the steps (and their checksums) stay what they were when a database applied them.
 */
public final class SchemaPlan {

  /**
   * One version.
   *
   * @param checksum SHA-256 over the canonical text of its changes (not the description)
   */
  public record Step(int version, String description, List<SchemaOp> ops, String checksum) {
    public Step {
      ops = List.copyOf(ops);
    }
  }

  private final String pluginId;
  private final int version;
  private final List<Step> steps;
  private final Set<String> everStored;

  private SchemaPlan(String pluginId, int version, List<Step> steps, Set<String> everStored) {
    this.pluginId = pluginId;
    this.version = version;
    this.steps = List.copyOf(steps);
    this.everStored = Set.copyOf(everStored);
  }

  /**
   * @throws IllegalArgumentException when an {@code @Migration} method throws, or names a table that is not the
   *     plugin's
   */
  public static SchemaPlan of(String pluginId, SchemaBinding schema) {
    Map<Integer, List<SchemaOp>> explicit = new TreeMap<>();
    Map<Integer, String> descriptions = new TreeMap<>();
    Set<String> everStored = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    Map<String, Integer> named = new java.util.LinkedHashMap<>();
    schema.tables().forEach(t -> known.add(t.name().toLowerCase(Locale.ROOT)));
    for (SchemaBinding.Migration m : schema.migrations()) {
      Recorder recorder = new Recorder(pluginId, m.version(), known);
      try {
        m.step().describe(recorder);
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalArgumentException("@Migration(version = " + m.version() + ") of plugin `" + pluginId
            + "` threw while describing its step: " + e, e);
      }
      explicit.put(m.version(), recorder.ops);
      descriptions.put(m.version(), m.description());
      everStored.addAll(recorder.stored);
      named.putAll(recorder.named);
    }
    // Checked once every step was read: a step may name a table under a name a later step renames.
    named.forEach((name, step) -> {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("@Migration(version = " + step + ") of plugin `" + pluginId
            + "` names table `" + name + "`, which is not one of its tables " + known);
      }
    });

    // Today's names, taken back version by version through the renames.
    int tables = schema.tables().size();
    String[] tableAt = new String[tables];
    String[][] columnAt = new String[tables][];
    for (int i = 0; i < tables; i++) {
      SchemaBinding.Table t = schema.tables().get(i);
      tableAt[i] = t.name();
      columnAt[i] = t.columns().stream().map(SchemaBinding.Column::name).toArray(String[]::new);
    }
    List<Step> steps = new ArrayList<>();
    for (int v = schema.version(); v >= 1; v--) {
      List<SchemaOp> ops = explicit.getOrDefault(v, List.of());
      for (int k = ops.size() - 1; k >= 0; k--) {
        takeBack(ops.get(k), pluginId, tableAt, columnAt);
      }
      List<SchemaOp> declared = new ArrayList<>();
      for (int i = 0; i < tables; i++) {
        SchemaBinding.Table t = schema.tables().get(i);
        String stored = TableNames.stored(pluginId, tableAt[i]);
        everStored.add(stored);
        List<SchemaBinding.Column> created = new ArrayList<>();
        for (int j = 0; j < t.columns().size(); j++) {
          SchemaBinding.Column c = t.columns().get(j);
          SchemaBinding.Column then = new SchemaBinding.Column(columnAt[i][j], c.type(), c.required(), c.unique(),
              c.defaultValue(), c.since());
          // A column never comes before its table (the processor checks it): one "older" goes into the CREATE.
          if (t.since() == v && c.since() <= v) {
            created.add(then);
          } else if (c.since() == v && v > t.since()) {
            declared.add(new SchemaOp.AddColumn(stored, then));
          }
        }
        if (t.since() == v) {
          declared.add(0, new SchemaOp.CreateTable(stored, created));
        }
      }
      List<SchemaOp> all = new ArrayList<>(declared);
      all.addAll(ops);
      steps.add(0, new Step(v, descriptions.getOrDefault(v, v == 1 ? "create the tables" : "declared changes"),
          all, checksum(v, all)));
    }
    return new SchemaPlan(pluginId, schema.version(), steps, everStored);
  }

  public String pluginId() {
    return pluginId;
  }

  /** {@code @Plugin(schemaVersion)}. */
  public int version() {
    return version;
  }

  /** Versions 1 to {@link #version()}, in order. */
  public List<Step> steps() {
    return steps;
  }

  /** Every stored name the plugin's tables have at some version: what its explicit statements may name. */
  public Set<String> everStored() {
    return everStored;
  }

  private static void takeBack(SchemaOp op, String pluginId, String[] tableAt, String[][] columnAt) {
    if (op instanceof SchemaOp.RenameTable r) {
      for (int i = 0; i < tableAt.length; i++) {
        if (TableNames.stored(pluginId, tableAt[i]).equals(r.to())) {
          tableAt[i] = r.from().substring(("plugin_" + TableNames.safe(pluginId) + "_").length());
        }
      }
    } else if (op instanceof SchemaOp.RenameColumn r) {
      for (int i = 0; i < tableAt.length; i++) {
        if (TableNames.stored(pluginId, tableAt[i]).equals(r.table())) {
          for (int j = 0; j < columnAt[i].length; j++) {
            if (columnAt[i][j].equalsIgnoreCase(r.to())) {
              columnAt[i][j] = r.from();
            }
          }
        }
      }
    }
  }

  static String checksum(int version, List<SchemaOp> ops) {
    StringBuilder text = new StringBuilder("atomemo4j-step\n").append(version).append('\n');
    for (SchemaOp op : ops) {
      text.append(op.canonical()).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Records what an {@code @Migration} method describes, on stored names; refuses other plugins' tables. */
  private static final class Recorder implements MigrationStep {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

    private final String pluginId;
    private final int version;
    private final Set<String> known;
    private final List<SchemaOp> ops = new ArrayList<>();
    private final Set<String> stored = new LinkedHashSet<>();
    private final Map<String, Integer> named = new java.util.LinkedHashMap<>();

    Recorder(String pluginId, int version, Set<String> known) {
      this.pluginId = pluginId;
      this.version = version;
      this.known = known;
    }

    @Override
    public void renameColumn(String table, String from, String to) {
      ops.add(new SchemaOp.RenameColumn(table(table), name(from), name(to)));
    }

    @Override
    public void dropColumn(String table, String column) {
      ops.add(new SchemaOp.DropColumn(table(table), name(column)));
    }

    @Override
    public void renameTable(String from, String to) {
      // The old name is one the plugin had, and the new one becomes its: both count as the plugin's.
      known.add(name(from).toLowerCase(Locale.ROOT));
      known.add(name(to).toLowerCase(Locale.ROOT));
      ops.add(new SchemaOp.RenameTable(table(from), table(to)));
    }

    @Override
    public void execute(String sql) {
      if (sql == null || sql.isBlank()) {
        throw new IllegalArgumentException("@Migration(version = " + version + ") of plugin `" + pluginId
            + "` executes an empty statement");
      }
      ops.add(new SchemaOp.Execute(sql));
    }

    @Override
    public String table(String name) {
      String n = name(name).toLowerCase(Locale.ROOT);
      named.putIfAbsent(n, version);
      String s = TableNames.stored(pluginId, n);
      stored.add(s);
      return s;
    }

    private String name(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("@Migration(version = " + version + ") of plugin `" + pluginId
            + "`: \"" + name + "\" is not a table or column name (letters, digits and _)");
      }
      return name;
    }
  }
}
