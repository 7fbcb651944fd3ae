package dev.atomemo4j.examples.jsonreader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.testing.PluginClient;
import dev.atomemo4j.testing.PluginTest;
import dev.atomemo4j.testing.ToolResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * read-json as the Hub runs it: a file uploaded to the dev hub's file store, handed to the tool as a
 * {@code file_ref}, and read back by the tool through {@code ToolContext.files()} (a {@code hub_call:get_file_url}
 * for a presigned URL, then an HTTP GET of it); or a {@code file_ref} with the content inline.
 */
@PluginTest(JsonReader.class)
class JsonReaderPluginTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Non-ASCII and a character outside the BMP, so a wrong decoding shows. */
  private static final String DOCUMENT = "{\"hello\": \"世界 🌍\", \"num\": 42, \"list\": [true, null, 1.5]}";

  private static URI uri(PluginClient client, String pathAndQuery) {
    return URI.create(client.hub().url().toString().replaceAll("/+$", "") + pathAndQuery);
  }

  /** {@code POST /api/files}: the dev hub stores the bytes and answers the file_ref to hand to a tool. */
  private static JsonNode upload(PluginClient client, String filename, String contentType, byte[] bytes)
      throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            uri(client, "/api/files?filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode fileRef = JSON.readTree(r.body());
    assertThat(fileRef.get("__type__").asText()).isEqualTo("file_ref");
    assertThat(fileRef.get("source").asText()).isEqualTo("oss");
    assertThat(fileRef.get("size").asLong()).isEqualTo(bytes.length);
    return fileRef;
  }

  /** The file_ref as the Hub hands over a stored file: source oss and res_key, no URL, so the tool must ask. */
  private static ObjectNode byResKey(JsonNode uploaded) {
    ObjectNode ref = JSON.createObjectNode();
    ref.put("__type__", "file_ref");
    ref.put("source", "oss");
    ref.put("filename", uploaded.get("filename").asText());
    ref.put("extension", uploaded.get("extension").asText());
    ref.put("mime_type", uploaded.get("mime_type").asText());
    ref.put("size", uploaded.get("size").asLong());
    ref.put("res_key", uploaded.get("res_key").asText());
    return ref;
  }

  /** The hub calls the plugin made since frame {@code after} (their event names). */
  private static List<String> hubCallsAfter(PluginClient client, long after) throws Exception {
    JsonNode frames = framesAfter(client, after);
    List<String> calls = new ArrayList<>();
    for (JsonNode f : frames.get("frames")) {
      String event = f.get("event").asText();
      if (f.get("direction").asText().equals("in") && event.startsWith("hub_call:")) {
        calls.add(event);
      }
    }
    return calls;
  }

  private static JsonNode framesAfter(PluginClient client, long after) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(client, "/api/frames?limit=10000&after=" + after))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static long lastFrame(PluginClient client) throws Exception {
    return framesAfter(client, 0).get("last_seq").asLong();
  }

  private static byte[] utf16WithBom(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xFE);
    out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
    return out.toByteArray();
  }

  @Test
  void aFileInTheHubsStoreIsDownloadedThroughGetFileUrlAndParsed(PluginClient client) throws Exception {
    JsonNode uploaded = upload(client, "data.json", "application/json", utf16WithBom(DOCUMENT));
    long before = lastFrame(client);

    ToolResult r = client.invoke("read-json", Map.of("file", byResKey(uploaded)));

    assertThat(r.assertOk().data()).isEqualTo(JSON.readTree(DOCUMENT));
    assertThat(hubCallsAfter(client, before)).containsExactly("hub_call:get_file_url");
  }

  @Test
  void theFileRefExactlyAsUploadedIsReadFromItsOwnUrl(PluginClient client) throws Exception {
    JsonNode uploaded = upload(client, "utf8.json", "application/json",
        ("\uFEFF" + DOCUMENT).getBytes(StandardCharsets.UTF_8));
    long before = lastFrame(client);

    ToolResult r = client.invoke("read-json", Map.of("file", uploaded));

    assertThat(r.assertOk().data()).isEqualTo(JSON.readTree(DOCUMENT));
    assertThat(hubCallsAfter(client, before)).as("remote_url is used as it is").isEmpty();
  }

  @Test
  void inlineContentIsDecodedWithoutAskingTheHub(PluginClient client) throws Exception {
    ObjectNode ref = JSON.createObjectNode();
    ref.put("__type__", "file_ref");
    ref.put("source", "mem");
    ref.put("filename", "inline.json");
    ref.put("extension", ".json");
    ref.put("mime_type", "application/json");
    ref.put("content", Base64.getEncoder().encodeToString(DOCUMENT.getBytes(StandardCharsets.UTF_8)));
    long before = lastFrame(client);

    ToolResult r = client.invoke("read-json", Map.of("file", ref));

    assertThat(r.assertOk().data()).isEqualTo(JSON.readTree(DOCUMENT));
    assertThat(hubCallsAfter(client, before)).isEmpty();
  }

  @Test
  void aStoredFileThatIsNotJsonIsTheToolsOwnError(PluginClient client) throws Exception {
    JsonNode uploaded = upload(client, "broken.json", "application/json",
        "{\"a\": 1,\n \"b\": oops}".getBytes(StandardCharsets.UTF_8));

    ToolResult r = client.invoke("read-json", Map.of("file", byResKey(uploaded)));

    r.assertError("json_reader:invalid_json");
    assertThat(r.error().message()).startsWith("Failed to parse JSON: ").contains("line 2");
  }

  @Test
  void aResKeyTheStoreDoesNotHaveIsTheHubsError(PluginClient client) throws Exception {
    ObjectNode ref = JSON.createObjectNode();
    ref.put("__type__", "file_ref");
    ref.put("source", "oss");
    ref.put("filename", "gone.json");
    ref.put("res_key", "nowhere/gone.json");

    ToolResult r = client.invoke("read-json", Map.of("file", ref));

    r.assertError("devhub:file_not_found");
  }

  @Test
  void aFileParameterThatIsNotAFileRefIsRefusedBeforeTheToolRuns(PluginClient client) {
    client.invoke("read-json", Map.of("file", "data.json")).assertError("sdk:invalid_parameter");
    client.invoke("read-json", Map.of()).assertError("sdk:invalid_parameter");
  }
}
