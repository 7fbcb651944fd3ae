package dev.atomemo4j.benchmarks.reflect;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.atomemo4j.model.PluginDefinition;
import dev.atomemo4j.model.io.DefinitionWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reflection baseline: what a reflection-based SDK does with the same annotated classes. At start-up it walks the
 * annotations ({@link #describe}): finds the tool methods, resolves Jackson types for their parameters, builds the
 * {@code definition.json} ({@link ReflectiveDefinitions}) and the tools' JSON Schemas (victools
 * {@code jsonschema-generator} with its Jackson module). Per invocation ({@link Tool#invoke}) it converts the
 * parameters with Jackson, calls the method with {@link Method#invoke} and turns the result into a tree with
 * {@link ObjectMapper#valueToTree}.
 *
 * <p>Its long-lived objects (the {@link ObjectMapper}, the schema generator) are built once per instance and reused,
 * as an SDK would; nothing is cached between {@link #describe} calls otherwise.
 */
public final class ReflectiveSdk {

  private final ObjectMapper mapper;
  private final ObjectWriter pretty;
  private final SchemaGenerator schemas;

  public ReflectiveSdk() {
    mapper = new ObjectMapper()
        .registerModule(new Jdk8Module())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    pretty = mapper.writerWithDefaultPrettyPrinter();
    schemas = new SchemaGenerator(schemaConfig(mapper));
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Everything start-up derives from the annotated classes. */
  public record Described(List<Tool> tools, PluginDefinition definition, byte[] definitionBytes,
      String registerPayload, Map<String, byte[]> schemas) {}

  /**
   * Builds the descriptor, {@code definition.json} (pretty bytes, and the compact {@code register_plugin} payload,
   * both with author and e-mail filled in) and the input and output JSON Schema of every tool.
   */
  public Described describe(Class<?> pluginClass, String author, String email) {
    RPlugin plugin = pluginClass.getAnnotation(RPlugin.class);
    List<Tool> tools = new ArrayList<>();
    Map<String, byte[]> schemaBytes = new LinkedHashMap<>();
    for (Class<?> toolClass : plugin.tools()) {
      Object target = instantiate(toolClass);
      for (Method m : ReflectiveDefinitions.toolMethods(toolClass)) {
        Tool tool = tool(target, m);
        tools.add(tool);
        try {
          schemaBytes.put(tool.name() + ".input.json", pretty.writeValueAsBytes(inputSchema(tool)));
          ObjectNode output = schemas.generateSchema(m.getGenericReturnType());
          output.put("title", tool.name() + " output");
          schemaBytes.put(tool.name() + ".output.json", pretty.writeValueAsBytes(output));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    PluginDefinition definition = ReflectiveDefinitions.definition(pluginClass, author, email);
    return new Described(tools, definition, DefinitionWriter.toBytes(definition),
        DefinitionWriter.toCompactJson(definition), schemaBytes);
  }

  /** Only the tool bindings (what measure 4's baseline needs), without definition and schemas. */
  public List<Tool> tools(Class<?> pluginClass) {
    List<Tool> tools = new ArrayList<>();
    for (Class<?> toolClass : pluginClass.getAnnotation(RPlugin.class).tools()) {
      Object target = instantiate(toolClass);
      for (Method m : ReflectiveDefinitions.toolMethods(toolClass)) {
        tools.add(tool(target, m));
      }
    }
    return tools;
  }

  private static Object instantiate(Class<?> toolClass) {
    try {
      return toolClass.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + toolClass.getName(), e);
    }
  }

  private Tool tool(Object target, Method m) {
    RTool t = m.getAnnotation(RTool.class);
    Class<?> record = ReflectiveDefinitions.recordInput(m);
    if (record != null) {
      JavaType type = mapper.constructType(record);
      // Jackson leaves a missing component null; the SDK fills in the declared defaults first, as atomemo4j does.
      Map<String, JsonNode> defaults = new LinkedHashMap<>();
      for (java.lang.reflect.RecordComponent rc : record.getRecordComponents()) {
        RParam rp = rc.getAnnotation(RParam.class);
        if (rp != null && !rp.defaultValue().isEmpty()) {
          try {
            defaults.put(rp.name().isEmpty() ? ReflectiveDefinitions.snakeCase(rc.getName()) : rp.name(),
                mapper.readTree(rp.defaultValue()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return new Tool(t.name(), target, m, mapper, type, mapper.readerFor(type), defaults, List.of());
    }
    List<Param> params = new ArrayList<>();
    for (Parameter p : m.getParameters()) {
      RParam rp = p.getAnnotation(RParam.class);
      JavaType type = mapper.constructType(p.getParameterizedType());
      ObjectReader reader = mapper.readerFor(type);
      Object absent = null;
      if (!rp.defaultValue().isEmpty()) {
        try {
          absent = reader.readValue(mapper.readTree(rp.defaultValue()));
        } catch (IOException e) {
          throw new IllegalStateException("bad default of " + rp.name() + ": " + rp.defaultValue(), e);
        }
      } else if (p.getType() == Optional.class) {
        absent = Optional.empty();
      }
      params.add(new Param(rp.name(), type, reader, absent));
    }
    return new Tool(t.name(), target, m, mapper, null, null, Map.of(), params);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // JSON Schemas

  private ObjectNode inputSchema(Tool tool) {
    if (tool.inputType() != null) {
      ObjectNode schema = schemas.generateSchema(tool.method().getParameterTypes()[0]);
      schema.put("title", tool.name() + " input");
      return schema;
    }
    SchemaBuilder builder = schemas.buildMultipleSchemaDefinitions();
    Parameter[] ps = tool.method().getParameters();
    List<ObjectNode> refs = new ArrayList<>();
    for (Parameter p : ps) {
      Type t = p.getParameterizedType();
      refs.add(builder.createSchemaReference(ReflectiveDefinitions.unwrapOptional(t)));
    }
    ObjectNode defs = builder.collectDefinitions("$defs");
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
    root.put("title", tool.name() + " input");
    root.put("type", "object");
    ObjectNode properties = root.putObject("properties");
    ArrayNode required = mapper.createArrayNode();
    for (int i = 0; i < ps.length; i++) {
      RParam rp = ps[i].getAnnotation(RParam.class);
      ObjectNode prop = properties.putObject(rp.name());
      String description = description(rp);
      if (description != null) {
        prop.put("description", description);
      }
      prop.setAll(refs.get(i));
      constraints(prop, rp);
      if (ReflectiveDefinitions.autoRequired(ps[i].getParameterizedType(), rp)) {
        required.add(rp.name());
      }
    }
    if (!required.isEmpty()) {
      root.set("required", required);
    }
    root.put("additionalProperties", false);
    if (!defs.isEmpty()) {
      root.set("$defs", defs);
    }
    return root;
  }

  private void constraints(ObjectNode prop, RParam rp) {
    if (rp.minLength() >= 0) {
      prop.put("minLength", rp.minLength());
    }
    if (rp.maxLength() >= 0) {
      prop.put("maxLength", rp.maxLength());
    }
    if (!Double.isNaN(rp.minimum())) {
      prop.put("minimum", BigDecimal.valueOf(rp.minimum()));
    }
    if (!Double.isNaN(rp.maximum())) {
      prop.put("maximum", BigDecimal.valueOf(rp.maximum()));
    }
    if (rp.maxItems() >= 0) {
      prop.put("maxItems", rp.maxItems());
    }
    if (!rp.defaultValue().isEmpty()) {
      try {
        prop.set("default", mapper.readTree(rp.defaultValue()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String description(RParam rp) {
    if (rp == null) {
      return null;
    }
    return !rp.llmDescription().isEmpty() ? rp.llmDescription() : rp.displayName().isEmpty() ? null
        : rp.displayName();
  }

  private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig schemaConfig(ObjectMapper mapper) {
    SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
        OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.FLATTENED_OPTIONALS);
    b.forFields()
        .withPropertyNameOverrideResolver(f -> {
          RParam rp = f.getAnnotation(RParam.class);
          return rp != null && !rp.name().isEmpty() ? rp.name() : ReflectiveDefinitions.snakeCase(f.getName());
        })
        .withDescriptionResolver(f -> description(f.getAnnotation(RParam.class)))
        .withRequiredCheck(f -> ReflectiveDefinitions.autoRequired(f.getRawMember().getGenericType(),
            f.getAnnotation(RParam.class)))
        .withNullableCheck(f -> f.getRawMember().getType() == Optional.class)
        .withStringMinLengthResolver(f -> count(f, RParam::minLength))
        .withStringMaxLengthResolver(f -> count(f, RParam::maxLength))
        .withArrayMaxItemsResolver(f -> count(f, RParam::maxItems))
        .withNumberInclusiveMinimumResolver(f -> bound(f, RParam::minimum))
        .withNumberInclusiveMaximumResolver(f -> bound(f, RParam::maximum))
        .withDefaultResolver(f -> {
          RParam rp = f.getAnnotation(RParam.class);
          if (rp == null || rp.defaultValue().isEmpty()) {
            return null;
          }
          try {
            return mapper.readTree(rp.defaultValue());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return b.build();
  }

  private static Integer count(FieldScope f, java.util.function.ToIntFunction<RParam> attribute) {
    RParam rp = f.getAnnotation(RParam.class);
    int v = rp == null ? -1 : attribute.applyAsInt(rp);
    return v < 0 ? null : v;
  }

  private static BigDecimal bound(FieldScope f, java.util.function.ToDoubleFunction<RParam> attribute) {
    RParam rp = f.getAnnotation(RParam.class);
    double v = rp == null ? Double.NaN : attribute.applyAsDouble(rp);
    return Double.isNaN(v) ? null : BigDecimal.valueOf(v);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Invocation

  /** One parameter of a tool that takes annotated parameters. */
  public record Param(String wireName, JavaType type, ObjectReader reader, Object absent) {}

  /**
   * A tool as the reflection baseline binds it: the method and, for a record input, the record's Jackson type; else
   * one {@link Param} per method parameter.
   */
  public record Tool(String name, Object target, Method method, ObjectMapper mapper, JavaType inputType,
      ObjectReader inputReader, Map<String, JsonNode> inputDefaults, List<Param> params) {

    /** Converts with {@link ObjectMapper#convertValue}, calls with {@link Method#invoke}, encodes with valueToTree. */
    public JsonNode invoke(JsonNode parameters) throws Exception {
      Object[] args;
      if (inputType != null) {
        args = new Object[] {mapper.convertValue(withDefaults(parameters), inputType)};
      } else {
        args = new Object[params.size()];
        for (int i = 0; i < args.length; i++) {
          Param p = params.get(i);
          JsonNode v = parameters.get(p.wireName());
          args[i] = v == null || v.isNull() ? p.absent() : mapper.convertValue(v, p.type());
        }
      }
      return mapper.valueToTree(call(args));
    }

    /** As {@link #invoke}, but reads the parameter trees with a prebuilt {@link ObjectReader} (no token buffer). */
    public JsonNode invokeWithReaders(JsonNode parameters) throws Exception {
      Object[] args;
      if (inputType != null) {
        args = new Object[] {inputReader.readValue(withDefaults(parameters))};
      } else {
        args = new Object[params.size()];
        for (int i = 0; i < args.length; i++) {
          Param p = params.get(i);
          JsonNode v = parameters.get(p.wireName());
          args[i] = v == null || v.isNull() ? p.absent() : p.reader().readValue(v);
        }
      }
      return mapper.valueToTree(call(args));
    }

    /** The record input with its declared defaults filled in where the request left them out (a shallow copy). */
    private JsonNode withDefaults(JsonNode parameters) {
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> d : inputDefaults.entrySet()) {
        JsonNode v = parameters.get(d.getKey());
        if (v == null || v.isNull()) {
          if (copy == null) {
            copy = mapper.createObjectNode();
            copy.setAll((ObjectNode) parameters);
          }
          copy.set(d.getKey(), d.getValue());
        }
      }
      return copy == null ? parameters : copy;
    }

    private Object call(Object[] args) throws Exception {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause instanceof Exception ? (Exception) cause : e;
      }
    }
  }
}
