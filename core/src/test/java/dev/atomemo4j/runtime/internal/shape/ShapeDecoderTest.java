package dev.atomemo4j.runtime.internal.shape;

import static dev.atomemo4j.runtime.internal.shape.Fixtures.API_KEY_CREDENTIAL;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.FIGURE;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.ITEM_TYPE;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.OPTIONAL_ITEM_TYPE;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.PRICE_FILTER;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.SEARCH;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.credentials;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.decimalJson;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.json;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.nullable;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.optional;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.parameterList;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.model.value.ResourceLocator;
import dev.atomemo4j.model.value.ResourceMapper;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.internal.shape.Fixtures.ApiKeyCredential;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Circle;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Dot;
import dev.atomemo4j.runtime.internal.shape.Fixtures.ItemType;
import dev.atomemo4j.runtime.internal.shape.Fixtures.PriceFilter;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Rect;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Search;
import dev.atomemo4j.runtime.spi.Shape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeDecoderTest {

  static Decoded decode(Shape shape, JsonNode node) {
    return ShapeDecoder.decode(shape, node, DecodeContext.EMPTY);
  }

  static Object ok(Shape shape, String json) {
    return ok(shape, json(json));
  }

  static Object ok(Shape shape, JsonNode node) {
    Decoded d = decode(shape, node);
    assertThat(d.problems()).isEmpty();
    return d.value();
  }

  static List<Problem> problems(Shape shape, String json) {
    return decode(shape, json(json)).problems();
  }

  @SuppressWarnings("unchecked")
  static java.util.Collection<Object> items(Object collection) {
    return (java.util.Collection<Object>) collection;
  }

  static Problem p(String pointer, String message) {
    return new Problem(pointer, message);
  }

  static Decoded params(Shape.Obj input, String json) {
    return ShapeDecoder.decodeParameters(input, json(json), DecodeContext.EMPTY);
  }

  @Nested
  class Strings {
    @Test
    void decodesAString() {
      assertThat(ok(Shape.Str.ANY, "'hello'")).isEqualTo("hello");
    }

    @Test
    void refusesANumberInsteadOfCoercingIt() {
      assertThat(problems(Shape.Str.ANY, "42")).containsExactly(p("", "must be a string, got 42"));
    }

    @Test
    void countsLengthInCodePointsNotUtf16Units() {
      Shape.Str atMostTwo = new Shape.Str(null, 2, null);
      assertThat(ok(atMostTwo, "'\uD83D\uDE00\uD83D\uDE00'")).isEqualTo("\uD83D\uDE00\uD83D\uDE00");
    }

    @Test
    void reportsALengthOutsideTheBoundsWithTheActualLength() {
      Shape.Str oneToFive = new Shape.Str(1, 5, null);
      assertThat(problems(oneToFive, "'toolong'"))
          .containsExactly(p("", "must be between 1 and 5 characters long, got 7"));
      assertThat(problems(oneToFive, "''")).containsExactly(p("", "must be between 1 and 5 characters long, got 0"));
    }

    @Test
    void reportsAValueOutsideTheAllowedListWithDidYouMean() {
      Shape.Str kinds = new Shape.Str(null, null, List.of("story", "comment", "poll"));
      assertThat(problems(kinds, "'stroy'")).containsExactly(
          p("", "is not one of: story, comment, poll; got \"stroy\" (did you mean \"story\"?)"));
    }

    @Test
    void saysWhichValueWhenOnlyOneIsAllowed() {
      Shape.Str constant = new Shape.Str(null, null, List.of("circle"));
      assertThat(problems(constant, "'square'")).containsExactly(p("", "must be \"circle\", got \"square\""));
    }

    @Test
    void shortensALongOffendingValueInTheMessage() {
      Shape.Str kinds = new Shape.Str(null, null, List.of("a", "b"));
      String message = problems(kinds, "'" + "x".repeat(100) + "'").get(0).message();
      assertThat(message).isEqualTo("is not one of: a, b; got \"" + "x".repeat(40) + "…\"");
    }
  }

  @Nested
  class Integers {
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "BYTE        | 128                  | must be an integer between -128 and 127, got 128",
        "BYTE        | -129                 | must be an integer between -128 and 127, got -129",
        "SHORT       | 32768                | must be an integer between -32768 and 32767, got 32768",
        "INT         | 2147483648           | must be an integer between -2147483648 and 2147483647, got 2147483648",
        "LONG        | 9223372036854775808  | must be an integer between -9223372036854775808 and 9223372036854775807,"
            + " got 9223372036854775808",
    })
    void refusesAValueOutsideItsJavaKindsRange(Shape.IntKind kind, String value, String message) {
      assertThat(problems(new Shape.Int(kind, null, null, null), value)).containsExactly(p("", message));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "BYTE        | 127                  | java.lang.Byte",
        "SHORT       | -32768               | java.lang.Short",
        "INT         | 2147483647           | java.lang.Integer",
        "LONG        | 9223372036854775807  | java.lang.Long",
        "BIG_INTEGER | 7                    | java.math.BigInteger",
    })
    void producesTheJavaTypeOfItsKindAtTheEdgeOfTheRange(Shape.IntKind kind, String value, String type) {
      Object v = ok(new Shape.Int(kind, null, null, null), value);
      assertThat(v.getClass().getName()).isEqualTo(type);
      assertThat(v.toString()).isEqualTo(value);
    }

    @Test
    void acceptsABigIntegerBeyondLongWithoutARangeOfItsOwn() {
      assertThat(ok(new Shape.Int(Shape.IntKind.BIG_INTEGER, null, null, null), "123456789012345678901234567890"))
          .isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void reportsAValueOutsideMinimumAndMaximum() {
      Shape.Int page = new Shape.Int(Shape.IntKind.INT, 1.0, 100.0, null);
      assertThat(problems(page, "250")).containsExactly(p("", "must be an integer between 1 and 100, got 250"));
      assertThat(problems(page, "0")).containsExactly(p("", "must be an integer between 1 and 100, got 0"));
    }

    @Test
    void boundsABigIntegerOnOneSideOnlyWhenTheShapeDoes() {
      Shape.Int atLeastOne = new Shape.Int(Shape.IntKind.BIG_INTEGER, 1.0, null, null);
      assertThat(problems(atLeastOne, "0")).containsExactly(p("", "must be an integer of at least 1, got 0"));
    }

    @Test
    void acceptsANumberWithAZeroFractionAsAnInteger() {
      assertThat(ok(new Shape.Int(Shape.IntKind.INT, null, null, null), "3.0")).isEqualTo(3);
    }

    @Test
    void acceptsABigDecimalWithAZeroFractionAsAnInteger() {
      assertThat(ok(new Shape.Int(Shape.IntKind.LONG, null, null, null), decimalJson("3.000"))).isEqualTo(3L);
    }

    @Test
    void refusesANumberWithAFraction() {
      assertThat(problems(new Shape.Int(Shape.IntKind.INT, null, null, null), "3.5"))
          .containsExactly(p("", "must be an integer, got 3.5"));
    }

    @Test
    void refusesANumericString() {
      assertThat(problems(new Shape.Int(Shape.IntKind.INT, null, null, null), "'3'"))
          .containsExactly(p("", "must be an integer, got \"3\""));
    }

    @Test
    void refusesAValueOutsideTheAllowedList() {
      Shape.Int allowed = new Shape.Int(Shape.IntKind.INT, null, null, List.of(10L, 20L, 50L));
      assertThat(ok(allowed, "20")).isEqualTo(20);
      assertThat(problems(allowed, "25")).containsExactly(p("", "is not one of: 10, 20, 50; got 25"));
    }

    @Test
    void refusesAHugeExponentForABigIntegerInsteadOfExpandingIt() {
      assertThat(decode(new Shape.Int(Shape.IntKind.BIG_INTEGER, null, null, null), decimalJson("1e100000"))
          .problems()).containsExactly(p("", "is too large (more than 1000 digits), got 1E+100000"));
    }

    @Test
    void reportsAHugeExponentForABoundedKindAsOutOfRange() {
      assertThat(decode(new Shape.Int(Shape.IntKind.INT, 0.0, null, null), decimalJson("1e100000")).problems())
          .containsExactly(p("", "must be an integer between 0 and 2147483647, got 1E+100000"));
    }

    @Test
    void reportsADoubleBeyondLongAsOutOfRange() {
      assertThat(problems(new Shape.Int(Shape.IntKind.LONG, null, null, null), "1e20")).containsExactly(p("",
          "must be an integer between -9223372036854775808 and 9223372036854775807, got 100000000000000000000"));
    }
  }

  @Nested
  class Numbers {
    @Test
    void decodesAFractionAsDouble() {
      assertThat(ok(new Shape.Num(Shape.NumKind.DOUBLE, null, null, null), "2.5")).isEqualTo(2.5d);
    }

    @Test
    void decodesAnIntegerAsDouble() {
      assertThat(ok(new Shape.Num(Shape.NumKind.DOUBLE, null, null, null), "3")).isEqualTo(3.0d);
    }

    @Test
    void decodesAFloat() {
      assertThat(ok(new Shape.Num(Shape.NumKind.FLOAT, null, null, null), "0.25")).isEqualTo(0.25f);
    }

    @Test
    void refusesAFloatBeyondItsRange() {
      assertThat(problems(new Shape.Num(Shape.NumKind.FLOAT, null, null, null), "1e39"))
          .containsExactly(p("", "must be a number between -3.4028235E38 and 3.4028235E38, got 1.0E39"));
    }

    @Test
    void decodesABigDecimalExactly() {
      assertThat(ok(new Shape.Num(Shape.NumKind.BIG_DECIMAL, null, null, null), decimalJson("0.10")))
          .isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void decodesABigDecimalFromADoubleNodeByItsShortestDecimal() {
      assertThat(ok(new Shape.Num(Shape.NumKind.BIG_DECIMAL, null, null, null), "0.1"))
          .isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void reportsAValueOutsideMinimumAndMaximum() {
      Shape.Num ratio = new Shape.Num(Shape.NumKind.DOUBLE, 0.0, 1.0, null);
      assertThat(problems(ratio, "1.5")).containsExactly(p("", "must be a number between 0 and 1, got 1.5"));
    }

    @Test
    void reportsABigDecimalOutsideMinimum() {
      Shape.Num positive = new Shape.Num(Shape.NumKind.BIG_DECIMAL, 0.5, null, null);
      assertThat(decode(positive, decimalJson("0.4")).problems())
          .containsExactly(p("", "must be a number of at least 0.5, got 0.4"));
    }

    @Test
    void refusesAValueOutsideTheAllowedList() {
      Shape.Num allowed = new Shape.Num(Shape.NumKind.DOUBLE, null, null, List.of(0.5, 1.0));
      assertThat(problems(allowed, "0.75")).containsExactly(p("", "is not one of: 0.5, 1; got 0.75"));
    }

    @Test
    void refusesAString() {
      assertThat(problems(new Shape.Num(Shape.NumKind.DOUBLE, null, null, null), "'1.5'"))
          .containsExactly(p("", "must be a number, got \"1.5\""));
    }
  }

  @Nested
  class BooleansSecretsEnumsAndAnyJson {
    @Test
    void decodesABoolean() {
      assertThat(ok(Shape.Bool.INSTANCE, "true")).isEqualTo(true);
    }

    @Test
    void refusesAStringForABoolean() {
      assertThat(problems(Shape.Bool.INSTANCE, "'true'")).containsExactly(p("", "must be a boolean, got \"true\""));
    }

    @Test
    void decodesASecretThatRevealsTheString() {
      Object v = ok(Shape.SecretStr.INSTANCE, "'sk-123'");
      assertThat(v).isInstanceOf(Secret.class);
      assertThat(((Secret) v).reveal()).isEqualTo("sk-123");
    }

    @Test
    void neverQuotesAWrongSecretValue() {
      assertThat(problems(Shape.SecretStr.INSTANCE, "12345"))
          .containsExactly(p("", "must be a string (a secret), got a number"));
    }

    @Test
    void decodesAnEnumByItsWireName() {
      assertThat(ok(ITEM_TYPE, "'comment'")).isSameAs(ItemType.COMMENT);
    }

    @Test
    void refusesTheJavaNameOfAnEnumWithDidYouMean() {
      assertThat(problems(ITEM_TYPE, "'POLL'"))
          .containsExactly(p("", "is not one of: story, comment, poll; got \"POLL\" (did you mean \"poll\"?)"));
    }

    @Test
    void refusesANonStringForAnEnum() {
      assertThat(problems(ITEM_TYPE, "1")).containsExactly(p("", "is not one of: story, comment, poll; got 1"));
    }

    @Test
    void deliversAnyJsonAsTheNodeItself() {
      JsonNode node = json("{'a':[1,{'b':null}]}");
      assertThat(ok(Shape.AnyJson.INSTANCE, node)).isSameAs(node);
    }
  }

  @Nested
  class Arrays {
    final Shape.Arr tags = new Shape.Arr(Shape.Str.ANY, null, null, Shape.Collection.LIST, null, null);
    final Shape.Arr tagSet = new Shape.Arr(Shape.Str.ANY, null, null, Shape.Collection.SET, null, null);

    @Test
    void decodesAListInOrderAndUnmodifiable() {
      Object v = ok(tags, "['b','a','b']");
      assertThat(items(v)).containsExactly("b", "a", "b");
      assertThatThrownBy(() -> items(v).add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void decodesASetInOrderAndUnmodifiable() {
      Object v = ok(tagSet, "['b','a','c']");
      assertThat(v).isInstanceOf(Set.class);
      assertThat(items(v)).containsExactly("b", "a", "c");
      assertThatThrownBy(() -> ((Set<?>) v).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reportsEachDuplicateOfASetAtItsOwnPointer() {
      assertThat(problems(tagSet, "['a','b','a','b']")).containsExactly(
          p("/2", "duplicates item 0; the items must be unique"),
          p("/3", "duplicates item 1; the items must be unique"));
    }

    @Test
    void buildsAJavaArrayThroughTheGeneratedToArray() {
      Shape.Arr array = new Shape.Arr(Shape.Str.ANY, null, null, Shape.Collection.ARRAY,
          l -> l.toArray(new String[0]), a -> List.of((Object[]) a));
      assertThat(ok(array, "['x','y']")).isEqualTo(new String[] {"x", "y"});
    }

    @Test
    void reportsTooManyItemsAndStillChecksEachItem() {
      Shape.Arr atMostTwo = new Shape.Arr(Shape.Str.ANY, null, 2, Shape.Collection.LIST, null, null);
      assertThat(problems(atMostTwo, "['a',1,'c']")).containsExactly(
          p("", "must have at most 2 items, got 3"),
          p("/1", "must be a string, got 1"));
    }

    @Test
    void reportsTooFewItems() {
      Shape.Arr atLeastOne = new Shape.Arr(Shape.Str.ANY, 1, null, Shape.Collection.LIST, null, null);
      assertThat(problems(atLeastOne, "[]")).containsExactly(p("", "must have at least 1 item, got 0"));
    }

    @Test
    void refusesANullItem() {
      assertThat(problems(tags, "['a',null]")).containsExactly(p("/1", "must not be null"));
    }

    @Test
    void wrapsANullItemOfAnOptionalShapeAsEmpty() {
      Shape.Arr optionals = new Shape.Arr(OPTIONAL_ITEM_TYPE, null, null, Shape.Collection.LIST, null, null);
      assertThat(items(ok(optionals, "['poll',null]"))).containsExactly(Optional.of(ItemType.POLL), Optional.empty());
    }

    @Test
    void refusesAnObjectForAnArray() {
      assertThat(problems(tags, "{}")).containsExactly(p("", "must be an array, got an object"));
    }

    @Test
    void reportsNestingDeeperThanTheCapInsteadOfOverflowing() {
      int depth = ShapeDecoder.MAX_DEPTH + 5;
      List<Problem> problems = problems(Fixtures.nestedArrays(depth), Fixtures.nestedArrayJson(depth));
      assertThat(problems).singleElement().extracting(Problem::message)
          .isEqualTo("is nested too deeply (more than 200 levels)");
    }
  }

  @Nested
  class Maps {
    final Shape.MapOf scores = new Shape.MapOf(new Shape.Int(Shape.IntKind.INT, 0.0, 10.0, null));

    @Test
    void decodesAnObjectIntoAnOrderedUnmodifiableMap() {
      Object v = ok(scores, "{'b':1,'a':2}");
      assertThat(v).isInstanceOf(Map.class);
      assertThat(items(((Map<?, ?>) v).keySet())).containsExactly("b", "a");
      assertThatThrownBy(() -> ((Map<?, ?>) v).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reportsEachBadValueWithAnEscapedPointer() {
      assertThat(problems(scores, "{'a/b':11,'c~d':'x','ok':3}")).containsExactly(
          p("/a~1b", "must be an integer between 0 and 10, got 11"),
          p("/c~0d", "must be an integer, got \"x\""));
    }
  }

  @Nested
  class Objects {
    @Test
    void constructsTheRecordWithFieldsInOrderAndAbsentValuesForMissingOnes() {
      Object v = params(SEARCH, "{'keyword':'java'}").value();
      assertThat(v).isEqualTo(new Search("java", 1, List.of(), null, Optional.empty()));
    }

    @Test
    void constructsNestedRecordsAndOptionals() {
      Object v = params(SEARCH, "{'keyword':'java','page':2,'tags':['a'],'filter':{'min_price':5},'type':'poll'}")
          .value();
      assertThat(v).isEqualTo(new Search("java", 2, List.of("a"), new PriceFilter(5, null), Optional.of(ItemType.POLL)));
    }

    @Test
    void reportsAMissingRequiredField() {
      assertThat(params(SEARCH, "{}").problems()).containsExactly(p("/keyword", "is required"));
    }

    @Test
    void deliversNullForANullableField() {
      assertThat(((Search) params(SEARCH, "{'keyword':'k','filter':null}").value()).filter()).isNull();
    }

    @Test
    void treatsNullOnAnOptionalFieldAsAbsent() {
      Search s = (Search) params(SEARCH, "{'keyword':'k','page':null,'type':null}").value();
      assertThat(s.page()).isEqualTo(1);
      assertThat(s.type()).isEmpty();
    }

    @Test
    void refusesNullOnARequiredField() {
      assertThat(params(SEARCH, "{'keyword':null}").problems()).containsExactly(p("/keyword", "must not be null"));
    }

    @Test
    void deliversNullNodeForAnAnyJsonField() {
      Shape.Obj input = parameterList(required("raw", Shape.AnyJson.INSTANCE));
      Object[] values = (Object[]) ShapeDecoder.decodeParameters(input, json("{'raw':null}"), DecodeContext.EMPTY)
          .value();
      assertThat(values[0]).isSameAs(NullNode.getInstance());
    }

    @Test
    void reportsAnUnknownParameterWithDidYouMeanAndTheExpectedNames() {
      assertThat(params(SEARCH, "{'keyword':'k','keywrd':'k'}").problems()).containsExactly(p("/keywrd",
          "unknown parameter `keywrd` (did you mean `keyword`?); expected one of: keyword, page, tags, filter, type"));
    }

    @Test
    void suggestsTheSnakeCaseNameForACamelCaseKey() {
      assertThat(params(SEARCH, "{'keyword':'k','filter':{'minPrice':1}}").problems()).containsExactly(p(
          "/filter/minPrice",
          "unknown property `minPrice` (did you mean `min_price`?); expected one of: min_price, max_price"));
    }

    @Test
    void reportsAnUnknownParameterWithoutSuggestionWhenNothingIsClose() {
      Shape.Obj input = parameterList(required("keyword", Shape.Str.ANY), optional("page", Shape.Str.ANY, null));
      assertThat(params(input, "{'keyword':'k','colour':'red'}").problems())
          .containsExactly(p("/colour", "unknown parameter `colour`; expected one of: keyword, page"));
    }

    @Test
    void saysAToolWithoutParametersTakesNone() {
      assertThat(params(parameterList(), "{'x':1}").problems())
          .containsExactly(p("/x", "unknown parameter `x`; this tool takes no parameters"));
    }

    @Test
    void reportsAConstructorExceptionAtTheObjectsPointer() {
      assertThat(params(SEARCH, "{'keyword':'k','filter':{'min_price':9,'max_price':2}}").problems())
          .containsExactly(p("/filter", "min_price (9) must not exceed max_price (2)"));
    }

    @Test
    void doesNotCallTheConstructorWhenAFieldIsInvalid() {
      AtomicInteger calls = new AtomicInteger();
      Shape.Obj counted = new Shape.Obj("Counted", List.of(required("n", new Shape.Int(Shape.IntKind.INT, null, null,
          null))), a -> calls.incrementAndGet(), null);
      assertThat(problems(counted, "{'n':'x'}")).hasSize(1);
      assertThat(calls).hasValue(0);
    }

    @Test
    void reportsEveryProblemTogetherWithExactPointersInDocumentOrder() {
      Decoded d = params(SEARCH,
          "{'page':250,'tags':['a',2,'c',null],'filter':{'min_price':-1,'max_price':'x','avg':3},"
              + "'type':'stroy','colour':'red'}");
      assertThat(d.isOk()).isFalse();
      assertThat(d.problems()).containsExactly(
          p("/keyword", "is required"),
          p("/page", "must be an integer between 1 and 100, got 250"),
          p("/tags/1", "must be a string, got 2"),
          p("/tags/3", "must not be null"),
          p("/filter/min_price", "must be an integer between 0 and 2147483647, got -1"),
          p("/filter/max_price", "must be an integer, got \"x\""),
          p("/filter/avg", "unknown property `avg`; expected one of: min_price, max_price"),
          p("/type", "is not one of: story, comment, poll; got \"stroy\" (did you mean \"story\"?)"),
          p("/colour", "unknown parameter `colour`; expected one of: keyword, page, tags, filter, type"));
    }

    @Test
    void treatsMissingParametersAsAnEmptyObject() {
      Shape.Obj input = parameterList(optional("page", new Shape.Int(Shape.IntKind.INT, null, null, null), 1));
      Decoded d = ShapeDecoder.decodeParameters(input, null, DecodeContext.EMPTY);
      assertThat((Object[]) d.value()).containsExactly(1);
    }

    @Test
    void refusesParametersThatAreNotAnObject() {
      assertThat(params(SEARCH, "[]").problems()).containsExactly(p("", "parameters must be an object, got an array"));
    }

    @Test
    void refusesAStringForARecord() {
      assertThat(problems(PRICE_FILTER, "'cheap'")).containsExactly(p("", "must be an object, got \"cheap\""));
    }
  }

  @Nested
  class Optionals {
    @Test
    void wrapsAPresentValue() {
      assertThat(ok(OPTIONAL_ITEM_TYPE, "'story'")).isEqualTo(Optional.of(ItemType.STORY));
    }

    @Test
    void reportsAnInnerProblemWithoutWrapping() {
      assertThat(problems(OPTIONAL_ITEM_TYPE, "'nope'")).containsExactly(p("", "is not one of: story, comment, poll;"
          + " got \"nope\""));
    }
  }

  @Nested
  class Unions {
    @Test
    void dispatchesOnTheDiscriminator() {
      assertThat(ok(FIGURE, "{'kind':'circle','radius':2}")).isEqualTo(new Circle(2));
      assertThat(ok(FIGURE, "{'kind':'rect','width':1,'height':3}")).isEqualTo(new Rect(1, 3));
    }

    @Test
    void acceptsTheDiscriminatorForAVariantThatDoesNotDeclareIt() {
      assertThat(ok(FIGURE, "{'kind':'dot'}")).isEqualTo(new Dot());
    }

    @Test
    void reportsAnUnknownDiscriminatorWithTheAllowedConstants() {
      assertThat(problems(FIGURE, "{'kind':'triangle','sides':3}"))
          .containsExactly(p("/kind", "is not one of: circle, rect, dot; got \"triangle\""));
    }

    @Test
    void reportsAMissingDiscriminator() {
      assertThat(problems(FIGURE, "{'radius':3}"))
          .containsExactly(p("/kind", "is required; expected one of: circle, rect, dot"));
    }

    @Test
    void reportsProblemsInsideTheChosenVariant() {
      assertThat(problems(FIGURE, "{'kind':'rect','width':-1,'radius':3}")).containsExactly(
          p("/width", "must be a number of at least 0, got -1"),
          p("/height", "is required"),
          p("/radius", "unknown property `radius`; expected one of: kind, width, height"));
    }

    @Test
    void selectsAVariantByTheStringFormOfANumericDiscriminator() {
      Shape.Obj one = new Shape.Obj("One",
          List.of(required("v", new Shape.Int(Shape.IntKind.INT, null, null, List.of(1L)))), a -> "one", null);
      Shape.Obj two = new Shape.Obj("Two",
          List.of(required("v", new Shape.Int(Shape.IntKind.INT, null, null, List.of(2L)))), a -> "two", null);
      Map<String, Shape.Obj> variants = new LinkedHashMap<>();
      variants.put("1", one);
      variants.put("2", two);
      Shape.Union byNumber = new Shape.Union("v", variants, null);
      assertThat(ok(byNumber, "{'v':2}")).isEqualTo("two");
      assertThat(ok(byNumber, "{'v':2.0}")).isEqualTo("two");
    }
  }

  @Nested
  class ValueObjects {
    @Test
    void decodesAFullFileRef() {
      Object v = ok(Shape.FileRefValue.INSTANCE, "{'__type__':'file_ref','source':'oss','filename':'a.pdf',"
          + "'extension':'.pdf','mime_type':'application/pdf','size':12,'res_key':'k/1','remote_url':'https://x/y',"
          + "'content':null}");
      assertThat(v).isEqualTo(new FileRef("oss", "a.pdf", ".pdf", "application/pdf", 12L, "k/1", "https://x/y", null));
    }

    @Test
    void acceptsAFileRefWithMissingMembersAsNulls() {
      assertThat(ok(Shape.FileRefValue.INSTANCE, "{'__type__':'file_ref','source':'mem','content':'aGk='}"))
          .isEqualTo(new FileRef("mem", null, null, null, null, null, null, "aGk="));
    }

    @Test
    void acceptsAFileRefSizeWithAZeroFraction() {
      assertThat(((FileRef) ok(Shape.FileRefValue.INSTANCE, "{'__type__':'file_ref','source':'mem','size':3.0}"))
          .size()).isEqualTo(3L);
    }

    @Test
    void reportsEveryBadFileRefMember() {
      assertThat(problems(Shape.FileRefValue.INSTANCE, "{'__type__':'file_ref','filename':3,'size':-1}"))
          .containsExactly(
              p("/source", "is required; expected one of: mem, oss"),
              p("/filename", "must be a string or null, got 3"),
              p("/size", "must be a non-negative integer (bytes) or null, got -1"));
    }

    @Test
    void refusesAnUnknownFileRefSource() {
      assertThat(problems(Shape.FileRefValue.INSTANCE, "{'__type__':'file_ref','source':'s3'}"))
          .containsExactly(p("/source", "is not one of: mem, oss; got \"s3\""));
    }

    @Test
    void refusesAnObjectThatIsNotAFileRef() {
      assertThat(problems(Shape.FileRefValue.INSTANCE, "{'source':'mem'}"))
          .containsExactly(p("/__type__", "is required and must be \"file_ref\""));
      assertThat(problems(Shape.FileRefValue.INSTANCE, "{'__type__':'resource_locator'}"))
          .containsExactly(p("/__type__", "must be \"file_ref\", got \"resource_locator\""));
    }

    @Test
    void decodesAResourceLocator() {
      assertThat(ok(Shape.LocatorValue.INSTANCE, "{'__type__':'resource_locator','mode_name':'id','value':'42'}"))
          .isEqualTo(new ResourceLocator("id", "42", null, null));
    }

    @Test
    void decodesAResourceMapperWithItsValueExactly() {
      Object v = ok(Shape.MapperValue.INSTANCE,
          "{'__type__':'resource_mapper','mapping_mode':'manual','value':{'price':1.5,'n':2}}");
      Map<String, JsonValue> members = new LinkedHashMap<>();
      members.put("price", new JsonValue.Num(new BigDecimal("1.5")));
      members.put("n", JsonValue.of(2));
      assertThat(v).isEqualTo(new ResourceMapper("manual", new JsonValue.Obj(members)));
    }

    @Test
    void refusesAResourceMapperValueThatIsANumber() {
      assertThat(problems(Shape.MapperValue.INSTANCE, "{'__type__':'resource_mapper','mapping_mode':'auto','value':1}"))
          .containsExactly(p("/value", "must be an object, a string or null, got 1"));
    }
  }

  @Nested
  class Credentials {
    final Shape.Obj input = parameterList(required("my_credential", new Shape.CredentialRef("api_key_auth")));

    Decoded decodeWith(String parameters, String credentials) {
      return ShapeDecoder.decodeParameters(input, json(parameters), credentials(credentials));
    }

    @Test
    void decodesTheInstanceValuesWithTheCredentialsShape() {
      Decoded d = decodeWith("{'my_credential':'inst-1'}", "{'inst-1':{'api_key':'sk-1','region':'eu'}}");
      ApiKeyCredential c = (ApiKeyCredential) ((Object[]) d.value())[0];
      assertThat(c.apiKey().reveal()).isEqualTo("sk-1");
      assertThat(c.region()).isEqualTo("eu");
    }

    @Test
    void reportsAnInstanceIdThatWasNotSent() {
      assertThat(decodeWith("{'my_credential':'inst-2'}", "{'inst-1':{'api_key':'sk-1'}}").problems())
          .containsExactly(p("/my_credential", "credential instance `inst-2` was not sent with the request"));
    }

    @Test
    void reportsAnInstanceIdWhenNoCredentialsWereSent() {
      Decoded d = ShapeDecoder.decodeParameters(input, json("{'my_credential':'inst-1'}"),
          DecodeContext.of((JsonNode) null, name -> API_KEY_CREDENTIAL));
      assertThat(d.problems())
          .containsExactly(p("/my_credential", "credential instance `inst-1` was not sent with the request"));
    }

    @Test
    void reportsProblemsInsideTheInstanceUnderTheParameterWithoutQuotingValues() {
      assertThat(decodeWith("{'my_credential':'inst-1'}", "{'inst-1':{'api_key':42,'region':'mars'}}").problems())
          .containsExactly(
              p("/my_credential/api_key", "must be a string (a secret), got a number"),
              p("/my_credential/region", "is not one of: eu, us; got a string"));
    }

    @Test
    void ignoresUnknownMembersOfStoredValues() {
      Decoded d = decodeWith("{'my_credential':'inst-1'}", "{'inst-1':{'api_key':'sk','legacy_field':1}}");
      assertThat(d.problems()).isEmpty();
    }

    @Test
    void refusesAnInstanceIdThatIsNotAString() {
      assertThat(decodeWith("{'my_credential':7}", "{}").problems())
          .containsExactly(p("/my_credential", "must be a credential instance id (a string), got 7"));
    }

    @Test
    void decodesCredentialValuesDirectly() {
      Decoded d = ShapeDecoder.decodeCredential(API_KEY_CREDENTIAL, json("{'api_key':'sk-9'}"));
      assertThat(((ApiKeyCredential) d.value()).region()).isEqualTo("us");
    }
  }

  @Nested
  class Results {
    @Test
    void valueOfAFailedDecodeThrowsWithEveryProblem() {
      Decoded d = params(SEARCH, "{'page':0}");
      assertThatThrownBy(d::value).isInstanceOf(IllegalStateException.class).hasMessage(
          "decoding failed: 2 problems: /keyword: is required; /page: must be an integer between 1 and 100, got 0");
    }

    @Test
    void problemsOfADecodeAreUnmodifiable() {
      List<Problem> problems = params(SEARCH, "{}").problems();
      assertThatThrownBy(() -> problems.add(p("", "x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aProblemAtTheRootPrintsAsRoot() {
      assertThat(p("", "must be an object").toString()).isEqualTo("(root): must be an object");
    }

    @Test
    void decodesTheSameShapeConcurrently() throws Exception {
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < 4; t++) {
        Thread th = new Thread(() -> {
          try {
            for (int i = 0; i < 2000; i++) {
              Search s = (Search) params(SEARCH, "{'keyword':'k" + i + "','page':" + (i % 100 + 1) + "}").value();
              assertThat(s.keyword()).isEqualTo("k" + i);
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join();
      }
      assertThat(failures).isEmpty();
    }
  }

  @Nested
  class NullableFieldShapes {
    @Test
    void deliversJavaNullForANullableFieldAndAbsentForAMissingOne() {
      Shape.Obj input = parameterList(nullable("note", Shape.Str.ANY), optional("tag", Shape.Str.ANY, "none"));
      Object[] values = (Object[]) params(input, "{'note':null}").value();
      assertThat(values).containsExactly(null, "none");
    }
  }
}
