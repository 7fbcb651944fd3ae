package dev.atomemo4j.runtime.internal.shape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.Shape;
import dev.atomemo4j.runtime.spi.Shape.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records, enums and shapes written the way the annotation processor generates them: lambdas, no reflection. */
final class Fixtures {
  private Fixtures() {}

  /** Parses like the runtime's frame codec (doubles for fractions). */
  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** Parses fractions as BigDecimal nodes. */
  static final ObjectMapper DECIMAL_MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .build();

  /** JSON from single-quoted text, for readable tests. */
  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode decimalJson(String text) {
    try {
      return DECIMAL_MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node).replace('"', '\'');
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Field required(String name, Shape shape) {
    return new Field(name, shape, true, false, null);
  }

  static Field optional(String name, Shape shape, Object absent) {
    return new Field(name, shape, false, false, absent);
  }

  static Field nullable(String name, Shape shape) {
    return new Field(name, shape, false, true, null);
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** A parameter-list shape: construct returns the values array itself. */
  static Shape.Obj parameterList(Field... fields) {
    return new Shape.Obj("params", List.of(fields), a -> a, null);
  }

  // --- enum -------------------------------------------------------------------------------------------------------

  enum ItemType {
    STORY,
    COMMENT,
    POLL
  }

  static final Shape.Enumeration ITEM_TYPE = new Shape.Enumeration(
      ordered("story", ItemType.STORY, "comment", ItemType.COMMENT, "poll", ItemType.POLL));

  static final Shape.Opt OPTIONAL_ITEM_TYPE =
      new Shape.Opt(ITEM_TYPE, Optional::ofNullable, o -> ((Optional<?>) o).orElse(null));

  // --- records ----------------------------------------------------------------------------------------------------

  record PriceFilter(Integer minPrice, Integer maxPrice) {
    PriceFilter {
      if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
        throw new IllegalArgumentException("min_price (" + minPrice + ") must not exceed max_price (" + maxPrice + ")");
      }
    }
  }

  static final Shape.Obj PRICE_FILTER = new Shape.Obj("PriceFilter",
      List.of(
          optional("min_price", new Shape.Int(Shape.IntKind.INT, 0.0, null, null), null),
          optional("max_price", new Shape.Int(Shape.IntKind.INT, 0.0, null, null), null)),
      a -> new PriceFilter((Integer) a[0], (Integer) a[1]),
      o -> {
        PriceFilter p = (PriceFilter) o;
        return new Object[] {p.minPrice(), p.maxPrice()};
      });

  record Search(String keyword, int page, List<String> tags, PriceFilter filter, Optional<ItemType> type) {}

  @SuppressWarnings("unchecked")
  static final Shape.Obj SEARCH = new Shape.Obj("Search",
      List.of(
          required("keyword", new Shape.Str(1, 100, null)),
          optional("page", new Shape.Int(Shape.IntKind.INT, 1.0, 100.0, null), 1),
          optional("tags", new Shape.Arr(Shape.Str.ANY, null, 5, Shape.Collection.LIST, null, null), List.of()),
          nullable("filter", PRICE_FILTER),
          optional("type", OPTIONAL_ITEM_TYPE, Optional.empty())),
      a -> new Search((String) a[0], (Integer) a[1], (List<String>) a[2], (PriceFilter) a[3],
          (Optional<ItemType>) a[4]),
      o -> {
        Search s = (Search) o;
        return new Object[] {s.keyword(), s.page(), s.tags(), s.filter(), s.type()};
      });

  // --- union ------------------------------------------------------------------------------------------------------

  sealed interface Figure permits Circle, Rect, Dot {}

  /** Its deconstruct returns the discriminator constant. */
  record Circle(double radius) implements Figure {}

  /** Its deconstruct returns null for the discriminator: the encoder writes the constant. */
  record Rect(double width, double height) implements Figure {}

  /** Its shape does not declare the discriminator at all. */
  record Dot() implements Figure {}

  static final Shape.Obj CIRCLE = new Shape.Obj("Circle",
      List.of(
          required("kind", new Shape.Str(null, null, List.of("circle"))),
          required("radius", new Shape.Num(Shape.NumKind.DOUBLE, 0.0, null, null))),
      a -> new Circle((Double) a[1]),
      o -> new Object[] {"circle", ((Circle) o).radius()});

  static final Shape.Obj RECT = new Shape.Obj("Rect",
      List.of(
          required("kind", new Shape.Str(null, null, List.of("rect"))),
          required("width", new Shape.Num(Shape.NumKind.DOUBLE, 0.0, null, null)),
          required("height", new Shape.Num(Shape.NumKind.DOUBLE, 0.0, null, null))),
      a -> new Rect((Double) a[1], (Double) a[2]),
      o -> new Object[] {null, ((Rect) o).width(), ((Rect) o).height()});

  static final Shape.Obj DOT = new Shape.Obj("Dot", List.of(), a -> new Dot(), o -> new Object[0]);

  static final Shape.Union FIGURE = new Shape.Union("kind", figureVariants(),
      o -> o instanceof Circle ? "circle" : o instanceof Rect ? "rect" : "dot");

  private static Map<String, Shape.Obj> figureVariants() {
    Map<String, Shape.Obj> variants = new LinkedHashMap<>();
    variants.put("circle", CIRCLE);
    variants.put("rect", RECT);
    variants.put("dot", DOT);
    return variants;
  }

  // --- credential -------------------------------------------------------------------------------------------------

  record ApiKeyCredential(Secret apiKey, String region) {}

  static final Shape.Obj API_KEY_CREDENTIAL = new Shape.Obj("ApiKeyCredential",
      List.of(
          required("api_key", Shape.SecretStr.INSTANCE),
          optional("region", new Shape.Str(null, null, List.of("eu", "us")), "us")),
      a -> new ApiKeyCredential((Secret) a[0], (String) a[1]),
      o -> new Object[] {((ApiKeyCredential) o).apiKey(), ((ApiKeyCredential) o).region()});

  static DecodeContext credentials(String json) {
    return DecodeContext.of(json(json), name -> name.equals("api_key_auth") ? API_KEY_CREDENTIAL : null);
  }

  /** {@code depth} arrays nested in one another around a string. */
  static Shape nestedArrays(int depth) {
    Shape s = Shape.Str.ANY;
    for (int i = 0; i < depth; i++) {
      s = new Shape.Arr(s, null, null, Shape.Collection.LIST, null, null);
    }
    return s;
  }

  static String nestedArrayJson(int depth) {
    return "[".repeat(depth) + "'x'" + "]".repeat(depth);
  }

  static List<Object> selfContainingList() {
    List<Object> l = new ArrayList<>();
    l.add(l);
    return l;
  }
}
