package dev.atomemo4j.processor.read;

import dev.atomemo4j.annotations.ParserDialect;
import dev.atomemo4j.processor.diag.Message;
import dev.atomemo4j.processor.diag.Reporter;
import dev.atomemo4j.processor.model.DatasourceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the datasource part of a plugin class (atlas-features.md §2.1, §3): the {@code @Datasource} connection
 * factory (public, no parameters, returns a {@code QueryConnection}), its forbidden patterns (each must compile),
 * the optional {@code @Validate} custom validator (exclusive with forbidden patterns; makes the parser dialect
 * moot) and the optional {@code @Entities} factory or static list. At most one of each. Reports every mistake.
 */
final class DatasourceReader {
  static final String DATASOURCE = Names.PKG + "Datasource";
  static final String VALIDATE = Names.PKG + "Validate";
  static final String ENTITIES = Names.PKG + "Entities";
  private static final List<String> ANNOTATIONS = List.of(DATASOURCE, VALIDATE, ENTITIES);
  private static final String RT = "dev.atomemo4j.runtime.datasource.";
  private static final String QUERY_CONNECTION = RT + "QueryConnection";
  private static final String VALIDATION_RESULT = RT + "ValidationResult";
  private static final String ENTITY = RT + "Entity";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  DatasourceReader(Elements elements, Types types, Reporter reporter, TypeMapper mapper) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** A datasource annotation outside any {@code @Plugin} class: nothing would ever call it. */
  static void reportMisplaced(RoundEnvironment round, Elements elements, Reporter reporter) {
    for (String a : ANNOTATIONS) {
      TypeElement annotation = elements.getTypeElement(a);
      if (annotation == null) {
        continue;
      }
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        Element owner = e.getEnclosingElement();
        if (Mirror.find(owner, Names.PLUGIN, elements) == null) {
          reporter.report(Message.DATASOURCE_OUTSIDE_PLUGIN, Mirror.find(e, a, elements).origin(),
              AtlasReader.simple(a), e.getSimpleName(), owner.getSimpleName());
        }
      }
    }
  }

  /** The first {@code @Datasource} on the plugin class, or null: whether it provides the DATASOURCE type. */
  Mirror firstDatasource(TypeElement pluginClass) {
    for (Element e : pluginClass.getEnclosedElements()) {
      Mirror m = Mirror.find(e, DATASOURCE, elements);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** The model, or null when the plugin declares none of it (or any of it was wrong: all of that is reported). */
  DatasourceModel read(TypeElement pluginClass) {
    int errorsBefore = reporter.errorCount();
    Mirror datasource = null;
    Mirror validate = null;
    Mirror entities = null;
    for (Element e : pluginClass.getEnclosedElements()) {
      datasource = once(e, DATASOURCE, datasource);
      validate = once(e, VALIDATE, validate);
      entities = once(e, ENTITIES, entities);
    }
    if (datasource == null && validate == null && entities == null) {
      return null;
    }
    if (datasource == null) {
      for (Mirror orphan : new Mirror[] {validate, entities}) {
        if (orphan != null) {
          reporter.report(Message.PART_WITHOUT_DATASOURCE, orphan.origin(),
              AtlasReader.simple(orphan.mirror().getAnnotationType().toString()), orphan.element().getSimpleName());
        }
      }
      return null;
    }
    ExecutableElement factory = (ExecutableElement) datasource.element();
    if (!isInstanceMethod(factory) || !factory.getParameters().isEmpty() || !returnsConnection(factory)) {
      reporter.report(Message.BAD_DATASOURCE_METHOD, datasource.origin(), factory.getSimpleName());
    }
    String dbType = datasource.string("dbType");
    if (dbType.isBlank()) {
      reporter.report(Message.BLANK_DB_TYPE, datasource.origin("dbType"));
    }
    List<String> patterns = patterns(datasource);
    String validateMethod = validate == null ? null : validateMethod(validate);
    if (validate != null && !patterns.isEmpty()) {
      reporter.report(Message.VALIDATE_WITH_FORBIDDEN_PATTERNS, datasource.origin("forbiddenPatterns"),
          validate.element().getSimpleName());
    }
    ParserDialect dialect = ParserDialect.valueOf(datasource.enumName("parserDialect"));
    if (validate != null && datasource.isSet("parserDialect")) {
      reporter.report(Message.PARSER_DIALECT_IGNORED, datasource.origin("parserDialect"), dialect.name(),
          validate.element().getSimpleName());
    }
    DatasourceModel.EntitiesModel entitiesModel = entities == null ? null : entities(entities);
    if (reporter.errorCount() > errorsBefore) {
      return null;
    }
    return new DatasourceModel(dbType, dialect, patterns, datasource.string("dialect"),
        factory.getSimpleName().toString(), validateMethod, entitiesModel);
  }

  /** The annotation on {@code e}, or {@code first} when it was already seen (then the second is reported). */
  private Mirror once(Element e, String annotation, Mirror first) {
    Mirror m = Mirror.find(e, annotation, elements);
    if (m == null) {
      return first;
    }
    if (first != null) {
      reporter.report(Message.DUPLICATE_DATASOURCE, m.origin(), AtlasReader.simple(annotation),
          first.element().getSimpleName(), e.getSimpleName());
      return first;
    }
    return m;
  }

  /** The forbidden patterns; each that does not compile is reported on its own value. */
  private List<String> patterns(Mirror datasource) {
    List<String> out = new ArrayList<>();
    List<AnnotationValue> values = datasource.list("forbiddenPatterns");
    for (AnnotationValue v : values) {
      String p = String.valueOf(v.getValue());
      try {
        // The flags the host compiles them with, so a pattern valid here is valid there.
        Pattern.compile(p, Pattern.CASE_INSENSITIVE);
        out.add(p);
      } catch (PatternSyntaxException e) {
        reporter.report(Message.BAD_FORBIDDEN_PATTERN, datasource.origin("forbiddenPatterns").withValue(v), p,
            e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
      }
    }
    return out;
  }

  private String validateMethod(Mirror validate) {
    Element e = validate.element();
    if (e instanceof ExecutableElement m && isInstanceMethod(m) && m.getParameters().size() == 1
        && isType(m.getParameters().get(0).asType(), "java.lang.String")
        && isType(m.getReturnType(), VALIDATION_RESULT)) {
      return m.getSimpleName().toString();
    }
    reporter.report(Message.BAD_VALIDATE_METHOD, validate.origin(), e.getSimpleName());
    return null;
  }

  private DatasourceModel.EntitiesModel entities(Mirror entities) {
    Element e = entities.element();
    if (e instanceof ExecutableElement m && isInstanceMethod(m) && m.getParameters().isEmpty()
        && isEntityList(m.getReturnType())) {
      return new DatasourceModel.EntitiesModel(m.getSimpleName().toString(), false);
    }
    if (e.getKind() == ElementKind.FIELD && e.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC,
        Modifier.FINAL)) && isEntityList(((VariableElement) e).asType())) {
      return new DatasourceModel.EntitiesModel(e.getSimpleName().toString(), true);
    }
    reporter.report(Message.BAD_ENTITIES, entities.origin(), e.getSimpleName());
    return null;
  }

  private static boolean isInstanceMethod(ExecutableElement m) {
    return m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC)
        && m.getTypeParameters().isEmpty();
  }

  /** QueryConnection or an implementation of it (a JdbcQueryConnection, the author's own class). */
  private boolean returnsConnection(ExecutableElement m) {
    TypeElement connection = elements.getTypeElement(QUERY_CONNECTION);
    TypeMirror r = m.getReturnType();
    return connection != null && r.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(r), types.erasure(connection.asType()));
  }

  /** Exactly {@code List<Entity>}: the generated code hands it to the host as is. */
  private boolean isEntityList(TypeMirror t) {
    if (!isType(t, "java.util.List")) {
      return false;
    }
    List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
    return args.size() == 1 && isType(args.get(0), ENTITY);
  }

  private boolean isType(TypeMirror t, String qualifiedName) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(qualifiedName);
  }
}
