package dev.atomemo4j.core.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.atomemo4j.runtime.internal.shape.DecodeContext;
import dev.atomemo4j.runtime.internal.shape.Decoded;
import dev.atomemo4j.runtime.internal.shape.Problem;
import dev.atomemo4j.runtime.internal.shape.ShapeDecoder;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.ConfigViolation;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place plugin configs are validated, for every plugin of a host at once, before anything is constructed:
 * ids (non-empty, unique), then each plugin's config against its {@link ConfigBinding}. Typed records have every
 * component check run on its accessor's value; JSON/YAML objects have each field decoded with its shape (missing
 * required keys, unknown keys, wrong types), then the checks run, and the record is constructed only when all is
 * well. Every problem of every plugin ends up in one {@link InvalidConfigException}.
 *
 * <p>Secrets: no message quotes a secret field's value. Decoder messages quote values ({@code got "abc"}), so a
 * secret field's decoder problems are replaced by a fixed text; check messages quote no value by contract; a
 * record constructor's message is shown only for configs without secret components.
 */
public final class ConfigValidator {

  public static final String EMPTY_ID = "host:empty_id";
  public static final String DUPLICATE_ID = "host:duplicate_id";
  public static final String MISSING_CONFIG = "host:missing_config";
  public static final String UNEXPECTED_CONFIG = "host:unexpected_config";
  public static final String CONFIG_TYPE = "host:config_type";
  public static final String REQUIRED = "config:required";
  public static final String UNKNOWN_KEY = "config:unknown_key";
  public static final String INVALID_TYPE = "config:invalid_type";
  public static final String INVALID_VALUE = "config:invalid_value";
  public static final String REJECTED = "config:rejected";

  private static final Pattern TYPE_MISMATCH =
      Pattern.compile("must be an? (string|integer|number|boolean|array|object)( \\(a secret\\))?, got ");

  private ConfigValidator() {}

  /** Validates every plugin; throws one exception listing every problem. */
  public static List<ValidatedPlugin> validate(List<PluginSpec> specs) {
    return validate(specs, List.of());
  }

  /**
   * Validates every plugin, adding {@code earlier} problems (a host file's undefined variables, unknown plugin
   * names) to the same list, so the operator sees them all at once.
   */
  public static List<ValidatedPlugin> validate(List<PluginSpec> specs, List<ConfigViolation> earlier) {
    List<ConfigViolation> problems = new ArrayList<>(earlier);
    List<ValidatedPlugin> out = new ArrayList<>(specs.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      PluginSpec spec = specs.get(i);
      String id = spec.id();
      if (id.isBlank()) {
        problems.add(new ConfigViolation("plugins[" + i + "]", EMPTY_ID, "the plugin registered by "
            + spec.descriptor().anchor().getName() + " has an empty id; give @Plugin a name"));
        continue;
      }
      if (!seen.add(id)) {
        problems.add(new ConfigViolation("plugins." + id, DUPLICATE_ID, "plugin `" + id
            + "` is registered more than once; each id may appear once in a host"));
        continue;
      }
      Object config = validateOne(spec, problems);
      out.add(new ValidatedPlugin(spec, config));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return out;
  }

  private static Object validateOne(PluginSpec spec, List<ConfigViolation> problems) {
    String base = "plugins." + spec.id() + ".config";
    ConfigBinding binding = spec.descriptor().atlas().config();
    ConfigInput input = spec.config();
    if (binding == null) {
      if (!isEmpty(input)) {
        problems.add(new ConfigViolation(base, UNEXPECTED_CONFIG, "plugin `" + spec.id()
            + "` declares no config (@Plugin(config) is not set) but was given one; remove it"));
      }
      return null;
    }
    if (input instanceof ConfigInput.Typed typed) {
      return validateTyped(spec, binding, typed.value(), base, problems);
    }
    JsonNode node = input instanceof ConfigInput.Tree tree ? tree.node() : null;
    if (node == null) {
      List<String> required = requiredKeys(binding);
      if (input instanceof ConfigInput.None && !required.isEmpty()) {
        problems.add(new ConfigViolation(base, MISSING_CONFIG, "plugin `" + spec.id() + "` needs a config ("
            + binding.type().getSimpleName() + ") and was given none; required keys: " + String.join(", ", required)
            + ". Pass a " + binding.type().getSimpleName() + " to the builder, or a config: block in the host file"));
        return null;
      }
      node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    Set<String> unquoted = input instanceof ConfigInput.Tree tree ? tree.unquotedKeys() : Set.of();
    return validateTree(binding, node, unquoted, base, problems);
  }

  private static boolean isEmpty(ConfigInput input) {
    if (input instanceof ConfigInput.None) {
      return true;
    }
    return input instanceof ConfigInput.Tree tree && tree.node().isObject() && tree.node().isEmpty();
  }

  private static List<String> requiredKeys(ConfigBinding binding) {
    List<String> keys = new ArrayList<>();
    for (Shape.Field f : binding.shape().fields()) {
      if (f.required()) {
        keys.add(f.name());
      }
    }
    return keys;
  }

  // ---- typed records -------------------------------------------------------------------------------------------

  private static Object validateTyped(PluginSpec spec, ConfigBinding binding, Object record, String base,
      List<ConfigViolation> problems) {
    if (!binding.type().isInstance(record)) {
      problems.add(new ConfigViolation(base, CONFIG_TYPE, "plugin `" + spec.id() + "` takes a "
          + binding.type().getName() + ", got a " + record.getClass().getName()));
      return null;
    }
    int before = problems.size();
    for (ConfigBinding.Component component : binding.components()) {
      check(component, component.accessor().apply(record), base + "." + component.key(), problems);
    }
    return problems.size() == before ? record : null;
  }

  private static void check(ConfigBinding.Component component, Object value, String path,
      List<ConfigViolation> problems) {
    component.check().check(value, (code, message) -> problems.add(new ConfigViolation(path, code, message)));
  }

  // ---- JSON / YAML objects -------------------------------------------------------------------------------------

  private static Object validateTree(ConfigBinding binding, JsonNode node, Set<String> unquoted, String base,
      List<ConfigViolation> problems) {
    if (!node.isObject()) {
      problems.add(new ConfigViolation(base, INVALID_TYPE, "must be an object of config keys, got "
          + kind(node)));
      return null;
    }
    Shape.Obj shape = binding.shape();
    Map<String, ConfigBinding.Component> components = new HashMap<>();
    for (ConfigBinding.Component c : binding.components()) {
      components.put(c.key(), c);
    }
    int before = problems.size();
    List<Shape.Field> fields = shape.fields();
    Object[] values = new Object[fields.size()];
    boolean[] decoded = new boolean[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      Shape.Field field = fields.get(i);
      ConfigBinding.Component component = components.get(field.name());
      boolean secret = (component != null && component.secret()) || isSecretShape(field.shape());
      boolean quotable = !secret && !unquoted.contains(field.name());
      String path = base + "." + field.name();
      JsonNode value = node.get(field.name());
      if (value == null || value.isNull()) {
        Object absent = absentValue(field, value != null);
        if (absent == MISSING) {
          problems.add(new ConfigViolation(path, REQUIRED, value == null ? "is required" : "must not be null"));
          continue;
        }
        values[i] = absent;
      } else {
        Decoded result = ShapeDecoder.decode(field.shape(), value, DecodeContext.EMPTY);
        if (!result.isOk()) {
          for (Problem p : result.problems()) {
            problems.add(decodeProblem(path, p, secret, quotable));
          }
          continue;
        }
        values[i] = result.value();
      }
      decoded[i] = true;
    }
    unknownKeys(shape, node, base, problems);
    // Checks run on every field that decoded, even when another did not: all problems at once.
    for (int i = 0; i < fields.size(); i++) {
      ConfigBinding.Component component = components.get(fields.get(i).name());
      if (decoded[i] && component != null) {
        check(component, values[i], base + "." + component.key(), problems);
      }
    }
    if (problems.size() != before) {
      return null;
    }
    try {
      return shape.construct().apply(values);
    } catch (RuntimeException e) {
      boolean hasSecrets = binding.components().stream().anyMatch(ConfigBinding.Component::secret)
          || fields.stream().anyMatch(f -> isSecretShape(f.shape()));
      String message = e.getMessage();
      problems.add(new ConfigViolation(base, REJECTED, binding.type().getSimpleName() + " rejected the config: "
          + (hasSecrets || message == null || message.isBlank()
              ? e.getClass().getSimpleName() + (hasSecrets ? " (message hidden: the config holds secrets)" : "")
              : message)));
      return null;
    }
  }

  private static final Object MISSING = new Object();

  /** What a field receives when its key is absent or null, as the decoder does for objects; MISSING if required. */
  private static Object absentValue(Shape.Field field, boolean explicitNull) {
    if (explicitNull) {
      if (field.shape() instanceof Shape.AnyJson) {
        return NullNode.getInstance();
      }
      if (field.shape() instanceof Shape.Opt) {
        return field.absent();
      }
      if (field.nullable()) {
        return null;
      }
      // As the decoder does: null for a key that is not required means "not set".
      return field.required() ? MISSING : field.absent();
    }
    return field.required() ? MISSING : field.absent();
  }

  private static ConfigViolation decodeProblem(String path, Problem p, boolean secret, boolean quotable) {
    String full = path + pointerAsPath(p.pointer());
    if (secret) {
      // The decoder quotes values ("got \"sk-…\""): a secret's text must never reach a message.
      return new ConfigViolation(full, INVALID_TYPE, "must be a string (a secret); the value is not shown");
    }
    String code = codeOf(p.message());
    if (!quotable) {
      // A value from the environment may be a secret put in the wrong field: name the rule, not the value.
      String rule = p.message();
      int got = rule.lastIndexOf(", got ");
      int semicolon = rule.lastIndexOf("; got ");
      int cut = Math.max(got, semicolon);
      return new ConfigViolation(full, code, (cut > 0 ? rule.substring(0, cut) : "is not valid")
          + " (the value comes from the environment and is not shown)");
    }
    return new ConfigViolation(full, code, p.message());
  }

  /** The decoder's messages carry no codes; these are the ones a config problem can be. */
  private static String codeOf(String message) {
    if (message.startsWith("unknown property")) {
      return UNKNOWN_KEY;
    }
    if (message.startsWith("is required") || message.equals("must not be null")) {
      return REQUIRED;
    }
    // "must be an integer, got \"3\"" is a type; "must be an integer between 1 and 10, got 70" a value.
    return TYPE_MISMATCH.matcher(message).lookingAt() ? INVALID_TYPE : INVALID_VALUE;
  }

  private static boolean isSecretShape(Shape shape) {
    return shape instanceof Shape.SecretStr
        || (shape instanceof Shape.Opt opt && opt.inner() instanceof Shape.SecretStr);
  }

  /** {@code /a/0/b} → {@code .a[0].b}. */
  static String pointerAsPath(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String segment : pointer.substring(1).split("/", -1)) {
      String key = segment.replace("~1", "/").replace("~0", "~");
      if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(key).append(']');
      } else {
        sb.append('.').append(key);
      }
    }
    return sb.toString();
  }

  private static void unknownKeys(Shape.Obj shape, JsonNode node, String base, List<ConfigViolation> problems) {
    List<String> names = new ArrayList<>();
    for (Shape.Field f : shape.fields()) {
      names.add(f.name());
    }
    Map<String, JsonNode> members = new LinkedHashMap<>();
    node.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
    for (String key : members.keySet()) {
      if (names.contains(key)) {
        continue;
      }
      StringBuilder msg = new StringBuilder("unknown key `").append(key).append('`');
      String suggestion = closestName(key, names);
      if (suggestion != null) {
        msg.append(" (did you mean `").append(suggestion).append("`?)");
      }
      msg.append(names.isEmpty() ? "; this config has no keys" : "; expected one of: " + String.join(", ", names));
      problems.add(new ConfigViolation(base + "." + key, UNKNOWN_KEY, msg.toString()));
    }
  }

  /** The closest name within a small edit distance (case ignored), or null: the model's one did-you-mean rule. */
  public static String closestName(String input, List<String> candidates) {
    return dev.atomemo4j.model.validate.Names.closest(input, candidates);
  }

  private static String kind(JsonNode node) {
    if (node.isTextual()) {
      return "a string";
    } else if (node.isNumber()) {
      return "a number";
    } else if (node.isBoolean()) {
      return "a boolean";
    } else if (node.isArray()) {
      return "an array";
    }
    return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
