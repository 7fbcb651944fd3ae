package dev.atomemo4j.core.routes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route path: {@code "/"} or {@code /}-separated segments, each a literal or a {@code {name}} parameter. Parsing
 * is strict, so a typo fails the wiring instead of a route that never matches: no empty segment, no trailing slash,
 * no {@code .}/{@code ..}, no query or fragment, literals of URL path characters only (unencoded), parameter names
 * that are Java-like identifiers, each used once.
 */
final class PathTemplate {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+");

  private final String text;
  /** Per segment: the literal, or null for a parameter. */
  private final List<String> literals;
  /** Per segment: the parameter's name, or null for a literal. */
  private final List<String> params;

  private PathTemplate(String text, List<String> literals, List<String> params) {
    this.text = text;
    this.literals = literals;
    this.params = params;
  }

  /**
   * @throws IllegalArgumentException whose message says what is wrong with {@code path}
   */
  static PathTemplate parse(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("the path is empty; routes start with /, e.g. \"/events\"");
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path \"" + path + "\" must start with /");
    }
    if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
      throw new IllegalArgumentException("path \"" + path + "\" contains a query or fragment; read query "
          + "parameters with RouteRequest.query(name)");
    }
    List<String> literals = new ArrayList<>();
    List<String> params = new ArrayList<>();
    if (path.equals("/")) {
      return new PathTemplate(path, List.of(), List.of());
    }
    if (path.endsWith("/")) {
      throw new IllegalArgumentException("path \"" + path + "\" ends with /; write it without the trailing slash");
    }
    Set<String> names = new HashSet<>();
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("path \"" + path + "\" has an empty segment (//)");
      }
      var param = PARAM.matcher(segment);
      if (param.matches()) {
        String name = param.group(1);
        if (!names.add(name)) {
          throw new IllegalArgumentException("path \"" + path + "\" uses the parameter {" + name + "} twice");
        }
        literals.add(null);
        params.add(name);
      } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
        throw new IllegalArgumentException("path \"" + path + "\": segment \"" + segment + "\" is not a "
            + "parameter; a parameter is a whole segment {name}, its name letters, digits and _");
      } else if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("path \"" + path + "\" contains a " + segment + " segment");
      } else if (!LITERAL.matcher(segment).matches()) {
        throw new IllegalArgumentException("path \"" + path + "\": segment \"" + segment + "\" has a character "
            + "that needs percent-encoding in a URL; use letters, digits and -._~");
      } else {
        literals.add(segment);
        params.add(null);
      }
    }
    return new PathTemplate(path, Collections.unmodifiableList(literals), Collections.unmodifiableList(params));
  }

  String text() {
    return text;
  }

  /** The path with parameter names erased ({@code /events/{}}): two templates of one shape match the same paths. */
  String shape() {
    StringBuilder out = new StringBuilder();
    for (String literal : literals) {
      out.append('/').append(literal == null ? "{}" : literal);
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /** The parameters' values when {@code segments} (decoded) match, else null. */
  Map<String, String> match(List<String> segments) {
    if (segments.size() != literals.size()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String literal = literals.get(i);
      if (literal == null) {
        values.put(params.get(i), segments.get(i));
      } else if (!literal.equals(segments.get(i))) {
        return null;
      }
    }
    return values;
  }

  /**
   * Negative when this template is more specific than {@code other} (of the same length): the first segment where
   * they differ is a literal here and a parameter there. So {@code /events/latest} wins over {@code /events/{id}}.
   */
  int compareSpecificity(PathTemplate other) {
    for (int i = 0; i < Math.min(literals.size(), other.literals.size()); i++) {
      boolean mine = literals.get(i) != null;
      boolean theirs = other.literals.get(i) != null;
      if (mine != theirs) {
        return mine ? -1 : 1;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
