package dev.atomemo4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretPointersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Shape STR = Shape.Str.ANY;
  private static final Shape SECRET = Shape.SecretStr.INSTANCE;

  private static Shape.Field field(String name, Shape shape) {
    return new Shape.Field(name, shape, false, true, null);
  }

  private static Shape.Obj obj(Shape.Field... fields) {
    return new Shape.Obj("t", List.of(fields), v -> v, null);
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void aTopLevelSecretIsItsOwnPointer() throws Exception {
    Shape.Obj input = obj(field("title", STR), field("token", SECRET));

    assertThat(SecretPointers.in(input, json("{'title':'t','token':'k-123'}"))).containsExactly("/token");
  }

  @Test
  void secretsInsideRecordsListsMapsAndOptionalsAreFoundWhereTheySit() throws Exception {
    Shape.Obj account = obj(field("user", STR), field("password", SECRET));
    Shape.Obj input = obj(
        field("account", account),
        field("keys", new Shape.Arr(SECRET, null, null, Shape.Collection.LIST, null, null)),
        field("by_host", new Shape.MapOf(SECRET)),
        field("maybe", new Shape.Opt(SECRET, x -> x, x -> x)));

    JsonNode params = json("{'account':{'user':'ada','password':'p-1'},'keys':['k-1','k-2'],"
        + "'by_host':{'a/b':'h-1'},'maybe':'m-1'}");

    assertThat(SecretPointers.in(input, params))
        .containsExactly("/account/password", "/keys/0", "/keys/1", "/by_host/a~1b", "/maybe");
    assertThat(SecretPointers.values(input, params)).containsExactly("p-1", "k-1", "k-2", "h-1", "m-1");
  }

  @Test
  void aUnionVariantsSecretIsFoundByItsDiscriminator() throws Exception {
    Shape.Obj basic = obj(field("kind", STR), field("password", SECRET));
    Shape.Obj anonymous = obj(field("kind", STR));
    Shape.Obj input = obj(field("auth", new Shape.Union("kind", Map.of("basic", basic, "anonymous", anonymous),
        o -> null)));

    assertThat(SecretPointers.in(input, json("{'auth':{'kind':'basic','password':'p-9'}}")))
        .containsExactly("/auth/password");
    assertThat(SecretPointers.in(input, json("{'auth':{'kind':'anonymous'}}"))).isEmpty();
  }

  @Test
  void absentAndNullSecretsHaveNoPointer() throws Exception {
    Shape.Obj input = obj(field("token", SECRET), field("other", SECRET));

    assertThat(SecretPointers.in(input, json("{'other':null}"))).isEmpty();
  }
}
