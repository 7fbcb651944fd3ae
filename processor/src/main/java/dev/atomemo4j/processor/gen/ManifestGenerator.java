package dev.atomemo4j.processor.gen;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.io.JsJson;
import dev.atomemo4j.processor.model.ActionModel;
import dev.atomemo4j.processor.model.AtlasModel;
import dev.atomemo4j.processor.model.ConfigFieldModel;
import dev.atomemo4j.processor.model.HookModel;
import dev.atomemo4j.processor.model.PluginModel;
import dev.atomemo4j.processor.model.SandboxModel;
import dev.atomemo4j.processor.model.ToolModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code META-INF/atomemo4j/<name>/manifest.json}: what a host needs to know about a plugin's Atlas side without
 * loading its classes (docs/plugin-manifest.md). Members in a fixed order and no timestamps, so two builds of one
 * source write identical bytes.
 */
final class ManifestGenerator {
  /** Bumped on any change a reader of an older format could misread; additions of members do not bump it. */
  static final int FORMAT_VERSION = 1;

  private ManifestGenerator() {}

  static String manifest(PluginModel model) {
    AtlasModel atlas = model.atlas();
    Map<String, JsonValue> root = new LinkedHashMap<>();
    root.put("format", JsonValue.of("atomemo4j-plugin-manifest"));
    root.put("formatVersion", JsonValue.of(FORMAT_VERSION));
    root.put("name", JsonValue.of(model.definition().name()));
    root.put("version", JsonValue.of(model.definition().version()));
    root.put("pluginClass", JsonValue.of(model.pluginClass().canonicalName()));
    root.put("registryClass", JsonValue.of(model.registryClass().canonicalName()));
    List<JsonValue> types = new ArrayList<>();
    for (PluginType t : atlas.types()) {
      types.add(JsonValue.of(t.wireName()));
    }
    root.put("types", new JsonValue.Array(types));
    root.put("required", JsonValue.of(atlas.required()));
    root.put("construction", JsonValue.of(switch (atlas.construction()) {
      case NONE -> "none";
      case WITH_CONFIG -> "config-constructor";
      case NO_ARG -> "no-arg-constructor";
    }));
    root.put("config", atlas.config() == null ? new JsonValue.Null() : config(model, atlas.config()));
    Map<String, JsonValue> lifecycle = new LinkedHashMap<>();
    lifecycle(lifecycle, "initialize", atlas.initialize(), true);
    lifecycle(lifecycle, "healthCheck", atlas.healthCheck(), false);
    lifecycle(lifecycle, "teardown", atlas.teardown(), false);
    lifecycle(lifecycle, "onUninstall", atlas.onUninstall(), false);
    lifecycle(lifecycle, "contextProvider", atlas.contextProvider(), false);
    lifecycle(lifecycle, "refresh", atlas.refresh(), false);
    root.put("lifecycle", new JsonValue.Obj(lifecycle));
    List<JsonValue> tools = new ArrayList<>();
    for (ToolModel t : model.tools()) {
      tools.add(JsonValue.of(t.name()));
    }
    root.put("tools", new JsonValue.Array(tools));
    if (!atlas.actions().isEmpty()) {
      // Only when there are actions, so the manifests of plugins without any stay byte for byte as before.
      List<JsonValue> actions = new ArrayList<>();
      for (ActionModel a : atlas.actions()) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("name", JsonValue.of(a.name()));
        m.put("description", JsonValue.of(a.description()));
        m.put("actionType", JsonValue.of(a.actionType()));
        m.put("reversible", JsonValue.of(a.reversible()));
        m.put("approval", JsonValue.of(a.approval().wireName()));
        m.put("credentials", new JsonValue.Array(a.credentials().stream().map(JsonValue::of).toList()));
        m.put("summary", JsonValue.of(a.summary()));
        m.put("method", JsonValue.of(a.call().methodName()));
        m.put("inputSchemaResource", JsonValue.of(model.schemaResource(a.name(), "input")));
        actions.add(new JsonValue.Obj(m));
      }
      root.put("actions", new JsonValue.Array(actions));
    }
    if (!atlas.hooks().isEmpty()) {
      root.put("hooks", hooks(atlas.hooks())); // only when there are hooks: other manifests stay as they were
    }
    if (atlas.sandbox() != null) {
      root.put("sandbox", sandbox(atlas.sandbox())); // an addition: formatVersion stays
    }
    if (atlas.schema() != null) {
      root.put("tables", tables(atlas.schema())); // an addition: formatVersion stays
    }
    if (atlas.routes() != null) {
      // Only for interaction plugins (an addition: formatVersion stays). The paths are registered when the
      // method runs, so the manifest names the method and the prefix the host mounts them under.
      Map<String, JsonValue> routes = new LinkedHashMap<>();
      routes.put("method", JsonValue.of(atlas.routes().methodName()));
      routes.put("timeoutMs", JsonValue.of(atlas.routes().timeoutMs()));
      routes.put("prefix", JsonValue.of("/plugins/" + model.definition().name() + "/"));
      root.put("routes", new JsonValue.Obj(routes));
    }
    if (atlas.datasource() != null) {
      root.put("datasource", datasource(atlas.datasource())); // an addition: formatVersion stays
    }
    Map<String, JsonValue> hints = new LinkedHashMap<>();
    for (ToolModel t : model.tools()) {
      if (!t.hints().isEmpty()) {
        hints.put(t.name(), hints(t.hints()));
      }
    }
    if (!hints.isEmpty()) {
      root.put("toolHints", new JsonValue.Obj(hints)); // an addition: formatVersion stays
    }
    return JsJson.stringify(new JsonValue.Obj(root)) + "\n";
  }

  /** The datasource's declaration: what a host lists and how it validates, without loading the plugin. */
  private static JsonValue datasource(dev.atomemo4j.processor.model.DatasourceModel d) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    out.put("dbType", JsonValue.of(d.dbType()));
    out.put("parserDialect", JsonValue.of(d.parserDialect().name().toLowerCase(java.util.Locale.ROOT)));
    out.put("forbiddenPatterns", new JsonValue.Array(d.forbiddenPatterns().stream().map(JsonValue::of).toList()));
    out.put("dialect", JsonValue.of(d.dialect()));
    out.put("method", JsonValue.of(d.method()));
    if (d.validateMethod() != null) {
      out.put("validate", JsonValue.of(d.validateMethod()));
    }
    if (d.entities() != null) {
      Map<String, JsonValue> e = new LinkedHashMap<>();
      e.put(d.entities().field() ? "field" : "method", JsonValue.of(d.entities().member()));
      out.put("entities", new JsonValue.Obj(e));
    }
    return new JsonValue.Obj(out);
  }

  /** The {@code @Hook} methods in source order, as the host dispatches them (atlas-features.md §7). */
  private static JsonValue hooks(List<HookModel> hooks) {
    List<JsonValue> out = new ArrayList<>();
    for (HookModel h : hooks) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("point", JsonValue.of(h.point().wireName()));
      m.put("method", JsonValue.of(h.methodName()));
      m.put("timeoutMs", JsonValue.of(h.timeoutMs()));
      m.put("takesContext", JsonValue.of(h.withContext()));
      m.put("matcher", h.matcher() == null ? new JsonValue.Null() : JsonValue.of(h.matcher()));
      out.add(new JsonValue.Obj(m));
    }
    return new JsonValue.Array(out);
  }

  private static JsonValue sandbox(SandboxModel s) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    out.put("method", JsonValue.of(s.methodName()));
    out.put("priority", JsonValue.of(s.priority()));
    out.put("networkIsolation", JsonValue.of(s.networkIsolation()));
    out.put("filesystemIsolation", JsonValue.of(s.filesystemIsolation()));
    out.put("unprivilegedExecution", JsonValue.of(s.unprivilegedExecution()));
    out.put("description", JsonValue.of(s.description()));
    return new JsonValue.Obj(out);
  }

  /** The tables a host creates for the plugin, with the schema version and the explicit steps. */
  private static JsonValue tables(dev.atomemo4j.processor.model.SchemaModel schema) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    out.put("schemaVersion", JsonValue.of(schema.version()));
    List<JsonValue> tables = new ArrayList<>();
    for (dev.atomemo4j.processor.model.SchemaModel.TableModel t : schema.tables()) {
      Map<String, JsonValue> table = new LinkedHashMap<>();
      table.put("name", JsonValue.of(t.name()));
      table.put("since", JsonValue.of(t.since()));
      table.put("record", JsonValue.of(t.type().canonicalName()));
      List<JsonValue> columns = new ArrayList<>();
      for (dev.atomemo4j.processor.model.SchemaModel.ColumnModel c : t.columns()) {
        Map<String, JsonValue> column = new LinkedHashMap<>();
        column.put("name", JsonValue.of(c.name()));
        column.put("type", JsonValue.of(c.type().name().toLowerCase(java.util.Locale.ROOT)));
        column.put("required", JsonValue.of(c.required()));
        column.put("unique", JsonValue.of(c.unique()));
        if (c.defaultValue() != null) {
          column.put("default", JsonValue.of(c.defaultValue()));
        }
        column.put("since", JsonValue.of(c.since()));
        columns.add(new JsonValue.Obj(column));
      }
      table.put("columns", new JsonValue.Array(columns));
      tables.add(new JsonValue.Obj(table));
    }
    out.put("tables", new JsonValue.Array(tables));
    List<JsonValue> migrations = new ArrayList<>();
    for (dev.atomemo4j.processor.model.SchemaModel.MigrationModel m : schema.migrations()) {
      Map<String, JsonValue> step = new LinkedHashMap<>();
      step.put("version", JsonValue.of(m.version()));
      step.put("description", JsonValue.of(m.description()));
      step.put("method", JsonValue.of(m.methodName()));
      migrations.add(new JsonValue.Obj(step));
    }
    out.put("migrations", new JsonValue.Array(migrations));
    return new JsonValue.Obj(out);
  }

  /** The hints the author set, in a fixed order; unset ones are left out. */
  private static JsonValue hints(ToolModel.Hints h) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    if (h.readOnly() != null) {
      out.put("readOnly", JsonValue.of(h.readOnly()));
    }
    if (h.destructive() != null) {
      out.put("destructive", JsonValue.of(h.destructive()));
    }
    if (h.idempotent() != null) {
      out.put("idempotent", JsonValue.of(h.idempotent()));
    }
    if (h.openWorld() != null) {
      out.put("openWorld", JsonValue.of(h.openWorld()));
    }
    return new JsonValue.Obj(out);
  }

  private static JsonValue config(PluginModel model, AtlasModel.ConfigModel config) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    out.put("class", JsonValue.of(config.type().canonicalName()));
    out.put("schemaResource", JsonValue.of(model.configSchemaResource()));
    out.put("schema", ConfigSchemaGenerator.tree(model.definition().name(), config));
    List<JsonValue> fields = new ArrayList<>();
    for (ConfigFieldModel f : config.fields()) {
      fields.add(field(f));
    }
    out.put("fields", new JsonValue.Array(fields));
    return new JsonValue.Obj(out);
  }

  /** One entry of the admin form, as Atlas's {@code getConfigSchema()} lists it (atlas-features.md §4.5). */
  private static JsonValue field(ConfigFieldModel f) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    out.put("key", JsonValue.of(f.key()));
    out.put("type", JsonValue.of(f.kind().wire()));
    out.put("label", JsonValue.of(f.label()));
    if (f.description() != null) {
      out.put("description", JsonValue.of(f.description()));
    }
    out.put("required", JsonValue.of(f.required()));
    out.put("secret", JsonValue.of(f.secret()));
    if (!f.options().isEmpty()) {
      List<JsonValue> options = new ArrayList<>();
      for (int i = 0; i < f.options().size(); i++) {
        Map<String, JsonValue> o = new LinkedHashMap<>();
        o.put("value", JsonValue.of(f.options().get(i)));
        o.put("label", JsonValue.of(f.optionLabels().get(i)));
        options.add(new JsonValue.Obj(o));
      }
      out.put("options", new JsonValue.Array(options));
    }
    if (f.defaultValue() != null) {
      out.put("default", f.defaultValue());
    }
    if (f.showWhen() != null) {
      Map<String, JsonValue> sw = new LinkedHashMap<>();
      sw.put("field", JsonValue.of(f.showWhen().field()));
      sw.put("equals", new JsonValue.Array(f.showWhen().equals().stream().map(JsonValue::of).toList()));
      out.put("showWhen", new JsonValue.Obj(sw));
    }
    return new JsonValue.Obj(out);
  }

  private static void lifecycle(Map<String, JsonValue> out, String name, AtlasModel.Lifecycle l,
      boolean mayTakeContext) {
    if (l == null) {
      return;
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("method", JsonValue.of(l.methodName()));
    m.put("timeoutMs", JsonValue.of(l.timeoutMs()));
    if (mayTakeContext) {
      m.put("takesContext", JsonValue.of(l.withContext()));
    }
    out.put(name, new JsonValue.Obj(m));
  }
}
