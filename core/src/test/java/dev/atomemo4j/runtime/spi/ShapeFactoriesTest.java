package dev.atomemo4j.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The short forms generated registries use for the common shapes and fields: each must mean exactly what the long
 * form it replaces means, since the runtime cannot tell which one the processor wrote.
 */
class ShapeFactoriesTest {

  @Test
  void fieldOfIsRequiredNonNullAndNullWhenAbsent() {
    assertEquals(new Shape.Field("q", Shape.Str.ANY, true, false, null), Shape.Field.of("q", Shape.Str.ANY));
  }

  @Test
  void fieldOptionalWrapsTheInnerShapeAndIsEmptyWhenAbsent() {
    Shape.Field f = Shape.Field.optional("cursor", Shape.Str.ANY);
    assertEquals("cursor", f.name());
    assertFalse(f.required());
    assertFalse(f.nullable());
    assertEquals(Optional.empty(), f.absent());
    Shape.Opt opt = assertInstanceOf(Shape.Opt.class, f.shape());
    assertSame(Shape.Str.ANY, opt.inner());
    assertEquals(Optional.of("x"), opt.wrap().apply("x"));
    assertEquals("x", opt.unwrap().apply(Optional.of("x")));
  }

  @Test
  void fieldOfPrimitiveIsAbsentAsTheZeroOfItsJavaType() {
    assertEquals(0, Shape.Field.ofPrimitive("n", Shape.Int.INT).absent());
    assertEquals(0L, Shape.Field.ofPrimitive("n", Shape.Int.LONG).absent());
    assertEquals((short) 0, Shape.Field.ofPrimitive("n", Shape.Int.SHORT).absent());
    assertEquals((byte) 0, Shape.Field.ofPrimitive("n", Shape.Int.BYTE).absent());
    assertEquals(0d, Shape.Field.ofPrimitive("n", Shape.Num.DOUBLE).absent());
    assertEquals(0f, Shape.Field.ofPrimitive("n", Shape.Num.FLOAT).absent());
    assertEquals(false, Shape.Field.ofPrimitive("b", Shape.Bool.INSTANCE).absent());
    Shape.Field bounded = Shape.Field.ofPrimitive("n", new Shape.Int(Shape.IntKind.INT, 1d, 5d, null));
    assertTrue(bounded.required());
    assertEquals(0, bounded.absent());
  }

  @Test
  void fieldOfPrimitiveRefusesAShapeNoPrimitiveHas() {
    assertThrows(IllegalArgumentException.class, () -> Shape.Field.ofPrimitive("s", Shape.Str.ANY));
    assertThrows(IllegalArgumentException.class, () -> Shape.Field.ofPrimitive("n", Shape.Int.BIG_INTEGER));
    assertThrows(IllegalArgumentException.class, () -> Shape.Field.ofPrimitive("n", Shape.Num.BIG_DECIMAL));
  }

  @Test
  void unboundedNumberConstantsEqualTheirConstructorForm() {
    for (Shape.IntKind k : Shape.IntKind.values()) {
      Shape.Int constant = switch (k) {
        case BYTE -> Shape.Int.BYTE;
        case SHORT -> Shape.Int.SHORT;
        case INT -> Shape.Int.INT;
        case LONG -> Shape.Int.LONG;
        case BIG_INTEGER -> Shape.Int.BIG_INTEGER;
      };
      assertEquals(new Shape.Int(k, null, null, null), constant);
    }
    assertEquals(new Shape.Num(Shape.NumKind.DOUBLE, null, null, null), Shape.Num.DOUBLE);
    assertEquals(new Shape.Num(Shape.NumKind.FLOAT, null, null, null), Shape.Num.FLOAT);
    assertEquals(new Shape.Num(Shape.NumKind.BIG_DECIMAL, null, null, null), Shape.Num.BIG_DECIMAL);
  }

  @Test
  void arrListAndSetAreUnboundedCollectionsWithoutArrayFunctions() {
    assertEquals(new Shape.Arr(Shape.Str.ANY, null, null, Shape.Collection.LIST, null, null),
        Shape.Arr.list(Shape.Str.ANY));
    assertEquals(new Shape.Arr(Shape.Int.INT, null, null, Shape.Collection.SET, null, null),
        Shape.Arr.set(Shape.Int.INT));
  }

  @Test
  void objOfParametersKeepsFieldOrderAndDecodesToTheArgumentArray() {
    Shape.Obj o = Shape.Obj.ofParameters("t", Shape.Field.of("a", Shape.Str.ANY), Shape.Field.of("b", Shape.Int.INT));
    assertEquals(List.of("a", "b"), o.fields().stream().map(Shape.Field::name).toList());
    Object[] args = {"x", 1};
    assertSame(args, o.construct().apply(args));
    assertNull(o.deconstruct());
    assertEquals(Shape.Obj.parameters("t", o.fields()), o);
    assertTrue(Shape.Obj.ofParameters("none").fields().isEmpty());
  }

  @Test
  void objOfRecordKeepsItsConstructorAndAccessors() {
    Function<Object[], Object> construct = v -> String.valueOf(v[0]);
    Function<Object, Object[]> deconstruct = o -> new Object[] {o};
    Shape.Obj o = Shape.Obj.ofRecord("R", construct, deconstruct, Shape.Field.of("v", Shape.Str.ANY));
    assertSame(construct, o.construct());
    assertSame(deconstruct, o.deconstruct());
    assertEquals(new Shape.Obj("R", List.of(Shape.Field.of("v", Shape.Str.ANY)), construct, deconstruct), o);
  }
}
