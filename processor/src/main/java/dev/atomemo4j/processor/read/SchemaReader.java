package dev.atomemo4j.processor.read;

import com.palantir.javapoet.ClassName;
import dev.atomemo4j.annotations.ColumnType;
import dev.atomemo4j.model.io.JsonTrees;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Origin;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.SchemaModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @Plugin(tables, schemaVersion)}, the listed {@code @Table} records and the plugin's
 * {@code @Migration} methods (atlas-features.md §12 and §16 row 5): names that every database takes unquoted,
 * column types from Java types, defaults that parse for their type, a required column added later only with a
 * default, and versions inside the schema version, one explicit step per version, in order. Reports every mistake.
 */
final class SchemaReader {
  static final String TABLE = Names.PKG + "Table";
  static final String COLUMN = Names.PKG + "Column";
  static final String MIGRATION = Names.PKG + "Migration";
  static final String MIGRATION_STEP = "dev.atomemo4j.runtime.storage.MigrationStep";

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  /** PostgreSQL's identifier limit (NAMEDATALEN - 1); H2 allows longer ones. */
  private static final int MAX_NAME = 63;
  private static final Set<String> OWN_COLUMNS = Set.of("id", "created_at", "updated_at");
  /** Words PostgreSQL or H2 reserve: an unquoted column of that name would not parse. */
  private static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asc", "asymmetric",
      "authorization", "between", "binary", "both", "case", "cast", "check", "collate", "column", "concurrently",
      "constraint", "create", "cross", "current_catalog", "current_date", "current_path", "current_role",
      "current_schema", "current_time", "current_timestamp", "current_user", "day", "default", "deferrable", "desc",
      "distinct", "do", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "freeze", "from",
      "full", "grant", "group", "groups", "having", "hour", "if", "ilike", "in", "initially", "inner", "intersect",
      "interval", "into", "is", "isnull", "join", "key", "lateral", "leading", "left", "like", "limit", "localtime",
      "localtimestamp", "minus", "minute", "month", "natural", "not", "notnull", "null", "offset", "on", "only",
      "or", "order", "outer", "overlaps", "placing", "primary", "qualify", "references", "regexp", "returning",
      "right", "row", "rownum", "second", "select", "session_user", "set", "similar", "some", "symmetric",
      "system_user", "table", "tablesample", "then", "to", "top", "trailing", "true", "union", "unique", "unknown",
      "user", "using", "value", "values", "variadic", "verbose", "when", "where", "window", "with", "year",
      "_rowid_");

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final TypeMapper mapper;

  SchemaReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.mapper = mapper;
  }

  /** {@code @Migration} on a method outside any {@code @Plugin} class: nothing would ever run it. */
  static void reportMisplaced(RoundEnvironment round, Elements elements, Reporter reporter) {
    TypeElement annotation = elements.getTypeElement(MIGRATION);
    if (annotation == null) {
      return;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
      Element owner = m.getEnclosingElement();
      if (Mirror.find(owner, Names.PLUGIN, elements) == null) {
        reporter.report(Message.MIGRATION_OUTSIDE_PLUGIN, Mirror.find(m, MIGRATION, elements).origin(),
            m.getSimpleName(), owner.getSimpleName());
      }
    }
  }

  /** The model, or null when the plugin declares no tables, no migration and no schema version. */
  SchemaModel read(TypeElement pluginClass) {
    Mirror plugin = Mirror.find(pluginClass, Names.PLUGIN, elements);
    if (plugin == null) {
      return null;
    }
    List<AnnotationValue> listed = plugin.list("tables");
    List<ExecutableElement> migrationMethods = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(pluginClass.getEnclosedElements())) {
      if (Mirror.find(m, MIGRATION, elements) != null) {
        migrationMethods.add(m);
      }
    }
    if (listed.isEmpty() && migrationMethods.isEmpty() && !plugin.isSet("schemaVersion")) {
      return null;
    }
    int errorsBefore = reporter.errorCount();
    int version = (int) plugin.longValue("schemaVersion");
    if (version < 1) {
      reporter.report(Message.BAD_SCHEMA_VERSION, plugin.origin("schemaVersion"), version);
    }
    if (listed.isEmpty()) {
      String what = migrationMethods.isEmpty() ? "@Plugin sets schemaVersion"
          : "@Migration method " + migrationMethods.get(0).getSimpleName() + " describes a step";
      Origin at = migrationMethods.isEmpty() ? plugin.origin("schemaVersion")
          : Mirror.find(migrationMethods.get(0), MIGRATION, elements).origin();
      reporter.report(Message.SCHEMA_WITHOUT_TABLES, at, what);
    }
    String pluginId = plugin.string("name");
    List<SchemaModel.TableModel> tables = new ArrayList<>();
    Map<String, String> tableNames = new LinkedHashMap<>();
    for (AnnotationValue v : listed) {
      Origin at = plugin.origin("tables").withValue(v);
      if (!(v.getValue() instanceof TypeMirror t) || t.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement record = (TypeElement) ((DeclaredType) t).asElement();
      Mirror table = Mirror.find(record, TABLE, elements);
      if (record.getKind() != ElementKind.RECORD || table == null) {
        reporter.report(Message.NOT_A_TABLE, at, record.getQualifiedName());
        continue;
      }
      SchemaModel.TableModel model = table(record, table, version, pluginId, tableNames);
      if (model != null) {
        tables.add(model);
      }
    }
    List<SchemaModel.MigrationModel> migrations = migrations(migrationMethods, version);
    return reporter.errorCount() > errorsBefore ? null : new SchemaModel(version, tables, migrations);
  }

  private SchemaModel.TableModel table(TypeElement record, Mirror table, int version, String pluginId,
      Map<String, String> tableNames) {
    int errorsBefore = reporter.errorCount();
    String name = table.string("name");
    if (!NAME.matcher(name).matches()) {
      reporter.report(Message.BAD_TABLE_NAME, table.origin("name"), "table", name);
    } else {
      String stored = "plugin_" + pluginId.replaceAll("[^A-Za-z0-9_]", "_") + "_" + name;
      String key = name.toLowerCase(Locale.ROOT);
      if (stored.length() > MAX_NAME) {
        reporter.report(Message.TABLE_NAME_TOO_LONG, table.origin("name"), name, stored, stored.length());
      } else if (tableNames.containsKey(key)) {
        reporter.report(Message.DUPLICATE_TABLE, table.origin("name"), name, tableNames.get(key));
      } else {
        tableNames.put(key, record.getSimpleName().toString());
      }
    }
    int since = (int) table.longValue("since");
    if (since < 1 || since > version) {
      reporter.report(Message.BAD_SINCE, table.origin("since"), "table " + name, since, 1, version);
    }
    if (!record.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.report(Message.NOT_ACCESSIBLE, Origin.of(record), record.getQualifiedName());
    }
    List<SchemaModel.ColumnModel> columns = new ArrayList<>();
    Map<String, String> columnNames = new LinkedHashMap<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      SchemaModel.ColumnModel c = column(component, name, since, version, columnNames);
      if (c != null) {
        columns.add(c);
      }
    }
    return reporter.errorCount() > errorsBefore ? null
        : new SchemaModel.TableModel(name, since, ClassName.get(record), columns);
  }

  private SchemaModel.ColumnModel column(RecordComponentElement component, String table, int tableSince,
      int version, Map<String, String> taken) {
    int errorsBefore = reporter.errorCount();
    Element site = site(component);
    Mirror column = Mirror.find(site, COLUMN, elements);
    String componentName = component.getSimpleName().toString();
    String name = column == null || column.string("name").isEmpty() ? componentName : column.string("name");
    Origin nameAt = column != null && column.isSet("name") ? column.origin("name") : Origin.of(site);
    String key = name.toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches()) {
      reporter.report(Message.BAD_TABLE_NAME, nameAt, "column", name);
    } else if (OWN_COLUMNS.contains(key)) {
      reporter.report(Message.RESERVED_COLUMN, nameAt, name, table, "one the host adds to every table");
    } else if (RESERVED.contains(key)) {
      reporter.report(Message.RESERVED_COLUMN, nameAt, name, table, "a word SQL reserves");
    } else if (taken.containsKey(key)) {
      reporter.report(Message.DUPLICATE_COLUMN, nameAt, name, table, taken.get(key));
    } else {
      taken.put(key, componentName);
    }
    TypeMirror javaType = component.asType();
    ColumnType natural = natural(javaType);
    ColumnType declared = column == null ? ColumnType.AUTO : ColumnType.valueOf(column.enumName("type"));
    ColumnType type = declared == ColumnType.AUTO ? natural : declared;
    if (natural == null) {
      reporter.report(Message.UNSUPPORTED_COLUMN_TYPE, Origin.of(site), componentName, table, javaType);
    } else if (declared != ColumnType.AUTO && declared != natural
        && !(natural == ColumnType.TEXT && declared == ColumnType.JSON)) {
      reporter.report(Message.COLUMN_TYPE_MISMATCH, column.origin("type"), componentName, table, javaType,
          declared, natural);
    }
    boolean required = column != null && column.bool("required");
    boolean unique = column != null && column.bool("unique");
    String defaultValue = column == null ? null : column.stringOrNull("defaultValue");
    // A column without its own since comes with its table.
    int since = column != null && column.isSet("since") ? (int) column.longValue("since") : tableSince;
    if (column != null && column.isSet("since") && (since < tableSince || since > version)) {
      reporter.report(Message.BAD_SINCE, column.origin("since"), "column " + table + "." + name, since, tableSince,
          version);
    }
    if (defaultValue != null && type != null && reporter.errorCount() == errorsBefore) {
      String problem = defaultProblem(type, defaultValue);
      if (problem != null) {
        reporter.report(Message.BAD_COLUMN_DEFAULT, column.origin("defaultValue"), defaultValue,
            table + "." + name, type.name().toLowerCase(Locale.ROOT), problem);
      }
    }
    if (required && defaultValue == null && since > tableSince) {
      reporter.report(Message.REQUIRED_COLUMN_WITHOUT_DEFAULT, column.origin("required"), table + "." + name,
          since, table);
    }
    return reporter.errorCount() > errorsBefore ? null
        : new SchemaModel.ColumnModel(name, componentName, type, required, unique, defaultValue, since);
  }

  /**
   * Where javac keeps a component's source position and annotations: its private field (the record component
   * element itself has no position javac's Messager can print).
   */
  private static Element site(RecordComponentElement c) {
    for (Element e : c.getEnclosingElement().getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD && e.getSimpleName().contentEquals(c.getSimpleName())) {
        return e;
      }
    }
    return c;
  }

  /** The column type a Java type maps to, or null. */
  private static ColumnType natural(TypeMirror t) {
    switch (t.getKind()) {
      case INT:
        return ColumnType.INTEGER;
      case LONG:
        return ColumnType.BIGINT;
      case DOUBLE:
        return ColumnType.DOUBLE;
      case BOOLEAN:
        return ColumnType.BOOLEAN;
      case DECLARED:
        break;
      default:
        return null;
    }
    String name = ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
    return switch (name) {
      case "java.lang.String" -> ColumnType.TEXT;
      case "java.lang.Integer" -> ColumnType.INTEGER;
      case "java.lang.Long" -> ColumnType.BIGINT;
      case "java.lang.Double" -> ColumnType.DOUBLE;
      case "java.lang.Boolean" -> ColumnType.BOOLEAN;
      case "java.math.BigDecimal" -> ColumnType.DECIMAL;
      case "java.time.Instant", "java.time.OffsetDateTime" -> ColumnType.TIMESTAMP;
      case Names.JSON_NODE -> ColumnType.JSON;
      case "java.util.UUID" -> ColumnType.UUID;
      default -> null;
    };
  }

  /** Why {@code text} is not a value of {@code type}, or null when it is one. */
  static String defaultProblem(ColumnType type, String text) {
    try {
      switch (type) {
        case INTEGER -> Integer.parseInt(text);
        case BIGINT -> Long.parseLong(text);
        case DOUBLE, DECIMAL -> {
          if (!NUMBER.matcher(text).matches()) {
            return "write a decimal number such as 1.5 or -2e3";
          }
          new BigDecimal(text);
        }
        case BOOLEAN -> {
          if (!text.equals("true") && !text.equals("false")) {
            return "write true or false";
          }
        }
        case TIMESTAMP -> {
          try {
            Instant.parse(text);
          } catch (DateTimeParseException e) {
            OffsetDateTime.parse(text);
          }
        }
        case UUID -> {
          if (!java.util.UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT))) {
            return "write the canonical 8-4-4-4-12 form";
          }
        }
        case JSON -> JsonTrees.parse(text);
        default -> {
          // TEXT: any text is a value
        }
      }
      return null;
    } catch (NumberFormatException e) {
      return "not a number in range";
    } catch (DateTimeParseException e) {
      return "write an ISO-8601 instant such as 2026-01-01T00:00:00Z";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    } catch (Exception e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      int nl = m.indexOf('\n');
      return nl < 0 ? m : m.substring(0, nl);
    }
  }

  private List<SchemaModel.MigrationModel> migrations(List<ExecutableElement> methods, int version) {
    List<SchemaModel.MigrationModel> out = new ArrayList<>();
    Map<Integer, String> byVersion = new LinkedHashMap<>();
    int last = 0;
    for (ExecutableElement m : methods) {
      Mirror a = Mirror.find(m, MIGRATION, elements);
      int errorsBefore = reporter.errorCount();
      boolean shape = m.getModifiers().contains(Modifier.PUBLIC) && m.getModifiers().contains(Modifier.STATIC)
          && m.getReturnType().getKind() == TypeKind.VOID && m.getTypeParameters().isEmpty()
          && m.getParameters().size() == 1
          && types.erasure(m.getParameters().get(0).asType()).toString().equals(MIGRATION_STEP);
      if (!shape) {
        reporter.report(Message.BAD_MIGRATION_METHOD, a.origin(), m.getSimpleName());
      }
      int v = (int) a.longValue("version");
      String method = m.getSimpleName().toString();
      if (v < 1 || v > version) {
        reporter.report(Message.BAD_MIGRATION_VERSION, a.origin("version"), v, method, version);
      } else if (byVersion.containsKey(v)) {
        reporter.report(Message.DUPLICATE_MIGRATION_VERSION, a.origin("version"), v, method, byVersion.get(v));
      } else {
        byVersion.put(v, method);
        if (v < last) {
          reporter.report(Message.MIGRATION_OUT_OF_ORDER, a.origin("version"), v, method, last);
        }
        last = Math.max(last, v);
      }
      if (reporter.errorCount() == errorsBefore) {
        out.add(new SchemaModel.MigrationModel(v, a.string("description"), method));
      }
    }
    return out;
  }
}
