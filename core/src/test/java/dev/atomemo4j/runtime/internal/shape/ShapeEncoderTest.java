package dev.atomemo4j.runtime.internal.shape;

import static dev.atomemo4j.runtime.internal.shape.Fixtures.FIGURE;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.ITEM_TYPE;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.OPTIONAL_ITEM_TYPE;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.PRICE_FILTER;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.SEARCH;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.json;
import static dev.atomemo4j.runtime.internal.shape.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomemo4j.model.JsonValue;
import dev.atomemo4j.model.value.FileRef;
import dev.atomemo4j.model.value.ResourceLocator;
import dev.atomemo4j.model.value.ResourceMapper;
import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Circle;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Dot;
import dev.atomemo4j.runtime.internal.shape.Fixtures.ItemType;
import dev.atomemo4j.runtime.internal.shape.Fixtures.PriceFilter;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Rect;
import dev.atomemo4j.runtime.internal.shape.Fixtures.Search;
import dev.atomemo4j.runtime.spi.Shape;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShapeEncoderTest {

  /** A POJO no shape describes. */
  static final class Invoice {}

  static String encode(Object value) {
    return write(ShapeEncoder.encode(value));
  }

  static String encode(Object value, Shape shape) {
    return write(ShapeEncoder.encode(value, shape));
  }

  @Nested
  class Scalars {
    @Test
    void encodesJsonScalarsAsThemselves() {
      assertThat(encode(null)).isEqualTo("null");
      assertThat(encode("a\"b")).isEqualTo("'a\\'b'");
      assertThat(encode(true)).isEqualTo("true");
    }

    @Test
    void keepsIntegersIntegral() {
      assertThat(ShapeEncoder.encode(3).isInt()).isTrue();
      assertThat(ShapeEncoder.encode((short) 3).isInt()).isTrue();
      assertThat(ShapeEncoder.encode(3L).isLong()).isTrue();
      assertThat(encode(List.of(1, 2L, (byte) 3))).isEqualTo("[1,2,3]");
    }

    @Test
    void keepsBigDecimalExactlyIncludingTrailingZeros() {
      assertThat(encode(new BigDecimal("1.50"))).isEqualTo("1.50");
      assertThat(encode(new BigDecimal("12345678901234567890.000000000000000001")))
          .isEqualTo("12345678901234567890.000000000000000001");
    }

    @Test
    void keepsBigIntegerExactly() {
      assertThat(encode(new BigInteger("123456789012345678901234567890")))
          .isEqualTo("123456789012345678901234567890");
    }

    @Test
    void encodesFloatingPointNumbers() {
      assertThat(encode(2.5d)).isEqualTo("2.5");
      assertThat(encode(0.25f)).isEqualTo("0.25");
    }

    @Test
    void refusesNaNAndInfinity() {
      assertThatThrownBy(() -> ShapeEncoder.encode(Map.of("ratio", Double.NaN)))
          .isInstanceOf(EncodeException.class)
          .hasMessage("at /ratio: JSON has no NaN; return a finite number or null");
      assertThatThrownBy(() -> ShapeEncoder.encode(Float.POSITIVE_INFINITY)).isInstanceOf(EncodeException.class);
    }

    @Test
    void encodesCharSequencesAndCharacters() {
      assertThat(encode(new StringBuilder("sb"))).isEqualTo("'sb'");
      assertThat(encode('c')).isEqualTo("'c'");
    }

    @Test
    void encodesAnEnumByItsWireNameWhenTheShapeSays() {
      assertThat(encode(ItemType.POLL, ITEM_TYPE)).isEqualTo("'poll'");
    }

    @Test
    void encodesAnEnumByItsJavaNameWithoutAShape() {
      assertThat(encode(ItemType.POLL)).isEqualTo("'POLL'");
    }

    @Test
    void encodesUuidsAndTimesAsIsoStrings() {
      UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
      assertThat(encode(id)).isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
      assertThat(encode(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("'2024-05-01T10:00:00Z'");
      assertThat(encode(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2))))
          .isEqualTo("'2024-05-01T10:00:00+02:00'");
      assertThat(encode(LocalTime.of(10, 15))).isEqualTo("'10:15:00'");
    }
  }

  @Nested
  class Optionals {
    @Test
    void encodesAnEmptyOptionalAsNull() {
      assertThat(encode(Optional.empty())).isEqualTo("null");
      assertThat(encode(OptionalInt.empty())).isEqualTo("null");
    }

    @Test
    void encodesAPresentOptionalAsItsValueThroughTheInnerShape() {
      assertThat(encode(Optional.of(ItemType.STORY), OPTIONAL_ITEM_TYPE)).isEqualTo("'story'");
      assertThat(encode(OptionalInt.of(7))).isEqualTo("7");
    }
  }

  @Nested
  class Collections {
    @Test
    void encodesAMapInItsOrder() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("z", 1);
      m.put("a", List.of("x", Map.of("k", false)));
      m.put("n", null);
      assertThat(encode(m)).isEqualTo("{'z':1,'a':['x',{'k':false}],'n':null}");
    }

    @Test
    void refusesAMapKeyThatIsNotAString() {
      Map<Object, Object> m = new LinkedHashMap<>();
      m.put(1, "one");
      assertThatThrownBy(() -> ShapeEncoder.encode(Map.of("outer", m)))
          .isInstanceOf(EncodeException.class)
          .hasMessage("at /outer: a Map key must be a String (or an enum constant), got java.lang.Integer 1");
    }

    @Test
    void encodesEnumMapKeysByName() {
      assertThat(encode(Map.of(ItemType.POLL, 1))).isEqualTo("{'POLL':1}");
    }

    @Test
    void encodesListsSetsAndObjectArrays() {
      assertThat(encode(new LinkedHashSet<>(List.of("b", "a")))).isEqualTo("['b','a']");
      assertThat(encode(new Object[] {"x", 1, null})).isEqualTo("['x',1,null]");
    }

    @Test
    void encodesPrimitiveArrays() {
      assertThat(encode(new int[] {1, 2})).isEqualTo("[1,2]");
      assertThat(encode(new long[] {3L})).isEqualTo("[3]");
      assertThat(encode(new double[] {0.5})).isEqualTo("[0.5]");
      assertThat(encode(new boolean[] {true, false})).isEqualTo("[true,false]");
    }

    @Test
    void encodesAByteArrayAsBase64() {
      assertThat(encode(new byte[] {'h', 'i'})).isEqualTo("'aGk='");
    }

    @Test
    void encodesItemsThroughTheArraysItemShape() {
      Shape.Arr types = new Shape.Arr(ITEM_TYPE, null, null, Shape.Collection.LIST, null, null);
      assertThat(encode(List.of(ItemType.STORY, ItemType.COMMENT), types)).isEqualTo("['story','comment']");
    }

    @Test
    void encodesMapValuesThroughTheMapsValueShape() {
      assertThat(encode(Map.of("t", ItemType.POLL), new Shape.MapOf(ITEM_TYPE))).isEqualTo("{'t':'poll'}");
    }

    @Test
    void returnsAJsonNodeAsIs() {
      JsonNode node = json("{'a':[1]}");
      assertThat(ShapeEncoder.encode(node)).isSameAs(node);
    }

    @Test
    void refusesASelfContainingStructureWithADepthError() {
      assertThatThrownBy(() -> ShapeEncoder.encode(Fixtures.selfContainingList()))
          .isInstanceOf(EncodeException.class)
          .hasMessageEndingWith("the result nests deeper than 200 levels; does it contain itself (a cycle)?");
    }
  }

  @Nested
  class ValueObjects {
    @Test
    void encodesAFileRefWithAllNineMembersInProtocolOrder() {
      FileRef f = new FileRef("mem", "a.txt", ".txt", "text/plain", 2L, null, null, "aGk=");
      assertThat(encode(f)).isEqualTo("{'__type__':'file_ref','source':'mem','filename':'a.txt','extension':'.txt',"
          + "'mime_type':'text/plain','size':2,'res_key':null,'remote_url':null,'content':'aGk='}");
    }

    @Test
    void encodesAFileRefWithNullMembersStillPresent() {
      JsonNode node = ShapeEncoder.encode(new FileRef("oss", null, null, null, null, "k", null, null));
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("__type__", "source", "filename", "extension", "mime_type", "size", "res_key",
          "remote_url", "content");
    }

    @Test
    void encodesAResourceLocator() {
      assertThat(encode(new ResourceLocator("id", "42", null, null))).isEqualTo(
          "{'__type__':'resource_locator','mode_name':'id','value':'42','cached_result_label':null,"
              + "'cached_result_url':null}");
    }

    @Test
    void encodesAResourceMapper() {
      assertThat(encode(new ResourceMapper("auto", new JsonValue.Obj(Map.of("n", JsonValue.of(1.5))))))
          .isEqualTo("{'__type__':'resource_mapper','mapping_mode':'auto','value':{'n':1.5}}");
    }

    @Test
    void encodesAModelJsonValue() {
      assertThat(encode(new JsonValue.Array(List.of(JsonValue.of("a"), JsonValue.NULL, JsonValue.of(2)))))
          .isEqualTo("['a',null,2]");
    }
  }

  @Nested
  class Records {
    @Test
    void encodesARecordThroughDeconstructInFieldOrder() {
      Search s = new Search("java", 2, List.of("a"), new PriceFilter(1, 9), Optional.of(ItemType.POLL));
      assertThat(encode(s, SEARCH)).isEqualTo(
          "{'keyword':'java','page':2,'tags':['a'],'filter':{'min_price':1,'max_price':9},'type':'poll'}");
    }

    @Test
    void leavesOutUnsetOptionalFieldsAndWritesNullableNulls() {
      Search s = new Search("java", 1, List.of(), null, Optional.empty());
      assertThat(encode(s, SEARCH)).isEqualTo("{'keyword':'java','page':1,'tags':[],'filter':null}");
      assertThat(encode(new PriceFilter(null, 3), PRICE_FILTER)).isEqualTo("{'max_price':3}");
    }

    @Test
    void encodesRecordsInsideAListThroughTheItemShape() {
      Shape.Arr filters = new Shape.Arr(PRICE_FILTER, null, null, Shape.Collection.LIST, null, null);
      assertThat(encode(List.of(new PriceFilter(1, 2)), filters)).isEqualTo("[{'min_price':1,'max_price':2}]");
    }

    @Test
    void encodesAUnionVariantWithItsDiscriminatorFirst() {
      assertThat(encode(new Circle(2), FIGURE)).isEqualTo("{'kind':'circle','radius':2.0}");
    }

    @Test
    void writesTheDiscriminatorConstantWhenTheRecordDoesNotCarryIt() {
      assertThat(encode(new Rect(1, 2), FIGURE)).isEqualTo("{'kind':'rect','width':1.0,'height':2.0}");
      assertThat(encode(new Dot(), FIGURE)).isEqualTo("{'kind':'dot'}");
    }

    @Test
    void roundTripsADecodedRecord() {
      JsonNode in = json("{'keyword':'k','page':3,'tags':['x'],'filter':{'min_price':1},'type':'story'}");
      Object decoded = ShapeDecoder.decodeParameters(SEARCH, in, DecodeContext.EMPTY).value();
      assertThat(ShapeEncoder.encode(decoded, SEARCH)).isEqualTo(in);
    }

    @Test
    void refusesAnUnknownObjectWithoutAShapeNamingItsClass() {
      assertThatThrownBy(() -> ShapeEncoder.encode(Map.of("result", List.of(new Invoice()))))
          .isInstanceOf(EncodeException.class)
          .hasMessage("at /result/0: cannot encode a " + Invoice.class.getName() + ": return a record declared in "
              + "the tool's return type, a Map, or a JsonNode");
    }

    @Test
    void refusesARecordWithoutAShape() {
      assertThatThrownBy(() -> ShapeEncoder.encode(new PriceFilter(1, 2)))
          .isInstanceOf(EncodeException.class)
          .hasMessageContaining("cannot encode a " + PriceFilter.class.getName());
    }

    @Test
    void refusesAValueOfTheWrongTypeForTheObjectShape() {
      assertThatThrownBy(() -> ShapeEncoder.encode(new Circle(1), PRICE_FILTER))
          .isInstanceOf(EncodeException.class)
          .hasMessage("expected a PriceFilter as the tool's return type declares, got a " + Circle.class.getName());
    }
  }

  @Nested
  class Secrets {
    @Test
    void neverEncodesASecret() {
      assertThatThrownBy(() -> ShapeEncoder.encode(Secret.of("sk-1")))
          .isInstanceOf(EncodeException.class)
          .hasMessage("a Secret cannot be returned; call reveal() if you really mean to return the secret");
    }

    @Test
    void neverEncodesASecretNestedInAResultAndSaysWhere() {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("items", List.of(Map.of("token", Secret.of("sk-1"))));
      EncodeException e = org.junit.jupiter.api.Assertions.assertThrows(EncodeException.class,
          () -> ShapeEncoder.encode(result));
      assertThat(e.pointer()).isEqualTo("/items/0/token");
      assertThat(e.getMessage()).doesNotContain("sk-1");
    }

    @Test
    void neverEncodesASecretEvenWhenTheShapeSaysSecret() {
      Shape.Obj holder = new Shape.Obj("Holder", List.of(Fixtures.required("key", Shape.SecretStr.INSTANCE)), a -> a,
          o -> new Object[] {o});
      assertThatThrownBy(() -> ShapeEncoder.encode(Secret.of("sk-1"), holder))
          .isInstanceOf(EncodeException.class)
          .hasMessage("a Secret cannot be returned; call reveal() if you really mean to return the secret");
    }

    @Test
    void redactsASecretsToString() {
      Secret s = Secret.of("sk-live-123");
      assertThat(s.toString()).isEqualTo("Secret[redacted]").doesNotContain("sk-live-123");
      assertThat(String.valueOf(List.of(s))).doesNotContain("sk-live-123");
    }
  }
}
