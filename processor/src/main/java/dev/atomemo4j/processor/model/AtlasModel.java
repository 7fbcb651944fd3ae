package dev.atomemo4j.processor.model;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.annotations.PluginType;
import java.util.List;

/**
 * The Atlas side of one plugin, as read and validated from {@code @Plugin(types, config, required)} and the
 * lifecycle methods of the plugin class. Null in {@link PluginModel} for a plugin that declares none of it, so such
 * a plugin generates exactly what it generated before Atlas existed.
 *
 * @param types the declared types, in declaration order
 * @param config the config record, or null when the plugin takes none
 * @param construction how the registry creates the plugin object
 * @param initialize {@code @Initialize}, or null; {@code withContext} says whether it takes the PluginContext
 * @param contextProvider {@code @ContextProvider}, or null
 * @param actions the {@code @Action} methods, in source order
 * @param hooks the {@code @Hook} methods, in source order
 * @param datasource the {@code @Datasource}, or null
 * @param sandbox the {@code @Sandbox}, or null
 * @param routes the {@code @Routes} method, or null
 * @param schema the tables and migration steps, or null
 */
public record AtlasModel(
    List<PluginType> types,
    boolean required,
    ConfigModel config,
    Construction construction,
    Lifecycle initialize,
    Lifecycle healthCheck,
    Lifecycle teardown,
    Lifecycle onUninstall,
    Lifecycle contextProvider,
    Lifecycle refresh,
    List<ActionModel> actions,
    List<HookModel> hooks,
    DatasourceModel datasource,
    SandboxModel sandbox,
    RoutesModel routes,
    SchemaModel schema) {

  public AtlasModel {
    types = List.copyOf(types);
    actions = List.copyOf(actions);
    hooks = List.copyOf(hooks);
  }

  /** How the plugin object is made: nothing to make, {@code new P(config)}, or {@code new P()}. */
  public enum Construction {
    NONE,
    WITH_CONFIG,
    NO_ARG
  }

  /**
   * One lifecycle method.
   *
   * @param withContext for {@code @Initialize}: takes the PluginContext
   * @param timeoutMs 0 for the host's default
   */
  public record Lifecycle(String methodName, boolean withContext, long timeoutMs) {}

  /**
   * The config record.
   *
   * @param shapeType the record as the shape generator sees it: components as fields, keys verbatim, defaults in
   *     their meta
   */
  public record ConfigModel(ClassName type, TypeRef.ObjT shapeType, List<ConfigFieldModel> fields) {
    public ConfigModel {
      fields = List.copyOf(fields);
    }
  }
}
