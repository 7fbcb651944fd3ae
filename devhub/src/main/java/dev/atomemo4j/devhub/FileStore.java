package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local stand-in for the Hub's object storage (hub-protocol.md §9.3, §9.4): files under {@code <data>/files},
 * addressed by {@code res_key}, downloaded with {@code GET /files/<res_key>?token=…} and uploaded with
 * {@code PUT /files/<res_key>?token=…}.
 *
 * <p>Tokens are HMACs of the operation and the key under a secret drawn at each start, so presigned URLs stop working
 * when the dev hub restarts, much as real presigned URLs expire. Each file is stored as {@code <sha256(key)>.bin} with
 * a {@code .json} sidecar holding the key, content type, file name and size; keys never become paths.
 */
final class FileStore {
    /** Keys: segments of letters, digits, {@code . _ -}, each starting with a letter or digit, joined by {@code /}. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");
    private static final Pattern EXTENSION = Pattern.compile("\\.?[A-Za-z0-9]{1,16}");
    private static final int MAX_KEY_LENGTH = 512;

    /** A stored file's metadata. */
    record StoredFile(String key, String contentType, String filename, long size, Instant createdAt, Path data) {}

    private final Path directory;
    private final Supplier<URI> baseUrl;
    private final byte[] secret = new byte[32];

    FileStore(Path directory, Supplier<URI> baseUrl) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.baseUrl = baseUrl;
        new SecureRandom().nextBytes(secret);
    }

    static boolean isValidKey(String key) {
        return key != null && key.length() <= MAX_KEY_LENGTH && KEY.matcher(key).matches();
    }

    /**
     * A fresh key {@code [<prefix>/]<uuid><.ext>} for an upload.
     *
     * @throws IllegalArgumentException when the prefix or extension cannot be part of a key
     */
    static String newKey(String prefix, String extension) {
        String ext = "";
        if (extension != null && !extension.isEmpty()) {
            if (!EXTENSION.matcher(extension).matches()) {
                throw new IllegalArgumentException("extension \"" + extension
                        + "\" is not 1–16 letters or digits with an optional leading dot");
            }
            ext = (extension.startsWith(".") ? extension : "." + extension).toLowerCase(Locale.ROOT);
        }
        String key = UUID.randomUUID() + ext;
        if (prefix != null && !prefix.isEmpty()) {
            String trimmed = prefix.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                key = trimmed + "/" + key;
            }
        }
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("key prefix \"" + prefix
                    + "\" must be segments of letters, digits, '.', '_' or '-' separated by '/'");
        }
        return key;
    }

    /** The presigned download URL of a key. */
    URI downloadUrl(String key) {
        return URI.create(baseUrl.get() + "/files/" + key + "?token=" + token("get", key));
    }

    /** The presigned upload (PUT) URL of a key. */
    URI uploadUrl(String key) {
        return URI.create(baseUrl.get() + "/files/" + key + "?token=" + token("put", key));
    }

    /** True when {@code token} is the valid {@code get} or {@code put} token of the key. */
    boolean verify(String operation, String key, String token) {
        return token != null && MessageDigest.isEqual(
                token(operation, key).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    synchronized StoredFile put(String key, String contentType, String filename, byte[] bytes) throws IOException {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("invalid res_key " + key);
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        Path data = dataPath(key);
        AtomicFiles.write(data, bytes);
        StoredFile file = new StoredFile(key, type, filename, bytes.length, Instant.now(), data);
        ObjectNode meta = Json.object()
                .put("key", key).put("content_type", type).put("filename", filename)
                .put("size", (long) bytes.length).put("created_at", file.createdAt().toString());
        AtomicFiles.write(metaPath(key), Json.prettyBytes(meta));
        return file;
    }

    /** The stored file, or null when the key has no file. */
    StoredFile get(String key) throws IOException {
        if (!isValidKey(key)) {
            return null;
        }
        Path meta = metaPath(key);
        Path data = dataPath(key);
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(data)) {
            return null;
        }
        return read(meta, data);
    }

    List<StoredFile> list() throws IOException {
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path meta : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".json"))::iterator) {
                String name = meta.getFileName().toString();
                Path data = meta.resolveSibling(name.substring(0, name.length() - 5) + ".bin");
                if (Files.isRegularFile(data)) {
                    files.add(read(meta, data));
                }
            }
        }
        files.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return files;
    }

    /** A {@code file_ref} value (hub-protocol.md §10) for a stored file, with all nine members. */
    ObjectNode fileRef(StoredFile file) {
        ObjectNode ref = Json.object();
        ref.put("__type__", "file_ref");
        ref.put("source", "oss");
        ref.put("filename", file.filename());
        ref.put("extension", extensionOf(file.filename() != null ? file.filename() : file.key()));
        ref.put("mime_type", file.contentType());
        ref.put("size", file.size());
        ref.put("res_key", file.key());
        ref.put("remote_url", downloadUrl(file.key()).toString());
        ref.putNull("content");
        return ref;
    }

    /** {@code .pdf} for {@code a/report.PDF}; null when the last segment has no extension. */
    static String extensionOf(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot <= 0 || dot == last.length() - 1 ? null : last.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static StoredFile read(Path meta, Path data) throws IOException {
        JsonNode json = Json.MAPPER.readTree(meta.toFile());
        return new StoredFile(Json.text(json, "key"), Json.text(json, "content_type"), Json.text(json, "filename"),
                json.path("size").asLong(), Instant.parse(Json.text(json, "created_at")), data);
    }

    private Path dataPath(String key) {
        return directory.resolve(hash(key) + ".bin");
    }

    private Path metaPath(String key) {
        return directory.resolve(hash(key) + ".json");
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String operation, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((operation + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
