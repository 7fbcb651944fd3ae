package dev.atomemo4j.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.runtime.AuthSpec;
import dev.atomemo4j.runtime.LocatorPage;
import dev.atomemo4j.runtime.ResourceFields;
import dev.atomemo4j.runtime.TokenPatch;
import java.net.URI;
import java.net.URL;
import java.util.Map;

/**
 * Turns the Java result of a request into its JSON form: tool results through the tool's output shape, the
 * callbacks' result types ({@link AuthSpec}, {@link TokenPatch}, {@link LocatorPage}, {@link ResourceFields}) into
 * the objects hub-protocol §8 defines for them, which are the canonical JSON of those types for every front end
 * (the Hub sends them as the {@code data} of {@code <event>_response}). A result of the wrong type is a {@link
 * RequestFailure} {@code sdk:invalid_return}. For front ends, not for plugin authors.
 */
public final class ResultEncoder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ResultEncoder() {}

  /** The JSON form of {@code ex}'s result; call it once the pipeline has completed normally. */
  public static JsonNode encode(Exchange ex) throws RequestFailure {
    Object r = ex.result();
    switch (ex.kind()) {
      case INVOKE_TOOL:
        return Codec.encode(r, ex.tool().output());
      case EXECUTE_ACTION:
        return Codec.encode(r, ((dev.atomemo4j.runtime.spi.ActionBinding) ex.attributes().get(InvokeStage.ACTION))
            .output());
      case CREDENTIAL_AUTHENTICATE:
        if (r instanceof AuthSpec) {
          return authSpec((AuthSpec) r);
        }
        if (r instanceof Map || r instanceof JsonNode) {
          return objectOrFail(Codec.encode(r, null), "authenticate");
        }
        throw wrongType("authenticate", "an AuthSpec", r);
      case OAUTH2_AUTHORIZE_URL:
        if (r instanceof String || r instanceof URI || r instanceof URL) {
          ObjectNode data = NODES.objectNode();
          data.put("url", r.toString());
          return data;
        }
        throw wrongType("the OAuth2 authorize URL method", "a String URL", r);
      case OAUTH2_GET_TOKEN:
      case OAUTH2_REFRESH_TOKEN:
        if (r instanceof TokenPatch) {
          return parametersPatch(Codec.encode(((TokenPatch) r).toParametersPatch(), null));
        }
        if (r instanceof Map) {
          return parametersPatch(Codec.encode(r, null));
        }
        throw wrongType("the OAuth2 token method", "a TokenPatch", r);
      case LOCATOR_LIST:
        if (r instanceof LocatorPage) {
          return locatorPage((LocatorPage) r);
        }
        throw wrongType("the locator list method", "a LocatorPage", r);
      case RESOURCE_MAPPING:
        if (r instanceof ResourceFields) {
          return resourceFields((ResourceFields) r);
        }
        throw wrongType("the resource mapping method", "a ResourceFields", r);
      default:
        throw new IllegalStateException("unhandled request kind " + ex.kind());
    }
  }

  /** §8.3: {@code {adapter, api_key, endpoint?, model?, headers?}}; the key is revealed, it is what was asked for. */
  public static ObjectNode authSpec(AuthSpec spec) {
    ObjectNode data = NODES.objectNode();
    data.put("adapter", spec.adapter());
    data.put("api_key", spec.apiKey().reveal());
    if (spec.endpoint() != null) {
      data.put("endpoint", spec.endpoint());
    }
    if (spec.model() != null) {
      data.put("model", spec.model());
    }
    if (!spec.headers().isEmpty()) {
      ObjectNode headers = data.putObject("headers");
      spec.headers().forEach(headers::put);
    }
    return data;
  }

  private static ObjectNode parametersPatch(JsonNode patch) throws RequestFailure {
    ObjectNode data = NODES.objectNode();
    data.set("parameters_patch", objectOrFail(patch, "the OAuth2 token method"));
    return data;
  }

  /** §8.7: {@code {results: [{label, value, url}], pagination_token}}. */
  public static ObjectNode locatorPage(LocatorPage page) {
    ObjectNode data = NODES.objectNode();
    ArrayNode results = data.putArray("results");
    for (LocatorPage.Item item : page.results()) {
      ObjectNode o = results.addObject();
      o.put("label", item.label());
      o.put("value", item.value());
      o.put("url", item.url());
    }
    data.put("pagination_token", page.paginationToken());
    return data;
  }

  /** §8.8: {@code {fields: [{id, display_name, type, required, ui: {hint}}], empty_fields_notice}}. */
  public static ObjectNode resourceFields(ResourceFields fields) {
    ObjectNode data = NODES.objectNode();
    ArrayNode list = data.putArray("fields");
    for (ResourceFields.Field f : fields.fields()) {
      ObjectNode o = list.addObject();
      o.put("id", f.id());
      if (f.displayName() != null) {
        o.set("display_name", i18n(f.displayName()));
      }
      o.put("type", f.type());
      if (f.required() != null) {
        o.put("required", f.required());
      }
      if (f.hint() != null) {
        o.putObject("ui").set("hint", i18n(f.hint()));
      }
    }
    data.set("empty_fields_notice", fields.emptyFieldsNotice() == null ? NODES.nullNode()
        : i18n(fields.emptyFieldsNotice()));
    return data;
  }

  private static ObjectNode i18n(String text) {
    ObjectNode o = NODES.objectNode();
    o.put("en_US", text);
    return o;
  }

  private static JsonNode objectOrFail(JsonNode node, String what) throws RequestFailure {
    if (!node.isObject()) {
      throw new RequestFailure(ErrorCodes.INVALID_RETURN, what + " must return an object, got a JSON "
          + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return node;
  }

  private static RequestFailure wrongType(String what, String expected, Object got) {
    return new RequestFailure(ErrorCodes.INVALID_RETURN, what + " must return " + expected + ", but returned "
        + (got == null ? "null" : got.getClass().getName()));
  }
}
