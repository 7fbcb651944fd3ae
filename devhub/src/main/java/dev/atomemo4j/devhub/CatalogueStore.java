package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepted definitions of the catalogue, kept in the data directory's {@value #FILE_NAME}. The official JS SDK
 * sends {@code register_plugin} once per process and only rejoins after a reconnect, so a dev hub that forgot
 * definitions on restart would leave such a plugin unusable until its process restarts.
 *
 * <p>The file is rewritten whole (atomically) on every accepted registration: registrations are rare, and a file
 * that is always complete is simpler to trust than a log. Definitions hold no secrets (credential values live in
 * {@code credentials.json}), so the file needs no special permissions. Persisting is best effort: a write that fails
 * is logged and the hub keeps serving from memory.
 */
final class CatalogueStore {
    static final String FILE_NAME = "catalogue.json";
    /** Bumped when the file's shape changes incompatibly; a file of another format is set aside, not misread. */
    static final int FORMAT = 1;

    private static final Logger log = LoggerFactory.getLogger(CatalogueStore.class);

    /** One persisted registration: which entry it belongs to and what was accepted. */
    record Stored(String identifier, PluginEntry.Mode mode, PluginEntry.Registration registration) {}

    private final Path file;

    CatalogueStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * The stored registrations, each definition checked again as on {@code register_plugin} (the validator may have
     * become stricter since it was stored). An unreadable file is moved aside to {@code catalogue.json.unreadable}
     * with a warning, so that the next save does not silently destroy what the developer may want to inspect.
     */
    List<Stored> load() {
        JsonNode root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            setAside("it cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return List.of();
        }
        if (!(root instanceof ObjectNode) || root.path("format").asInt(-1) != FORMAT
                || !root.path("plugins").isArray()) {
            setAside("it is not a format " + FORMAT + " catalogue file");
            return List.of();
        }
        List<Stored> stored = new ArrayList<>();
        for (JsonNode item : root.get("plugins")) {
            Stored one = read(item);
            if (one != null) {
                stored.add(one);
            }
        }
        return stored;
    }

    /** Writes every entry that has an accepted definition. Called with the catalogue's lock held, so saves are ordered. */
    void save(Collection<PluginEntry> entries) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        ArrayNode plugins = root.putArray("plugins");
        for (PluginEntry entry : entries) {
            PluginEntry.Registration registration = entry.registration();
            if (registration == null) {
                continue;
            }
            ObjectNode item = plugins.addObject();
            item.put("identifier", entry.identifier());
            item.put("mode", entry.mode() == PluginEntry.Mode.DEBUG ? "debug" : "release");
            item.put("registered_at", registration.at().toString());
            item.set("definition", registration.json());
        }
        try {
            AtomicFiles.write(file, Json.prettyBytes(root));
        } catch (IOException e) {
            log.warn("Could not save the catalogue to {} ({}); definitions will not survive a dev hub restart",
                    file, e.toString());
        }
    }

    private Stored read(JsonNode item) {
        String identifier = Json.text(item, "identifier");
        String mode = Json.text(item, "mode");
        String at = Json.text(item, "registered_at");
        ObjectNode definition = Json.objectOrNull(item, "definition");
        if (identifier == null || at == null || definition == null
                || !("debug".equals(mode) || "release".equals(mode))) {
            log.warn("Skipping an incomplete entry in {}: it needs identifier, mode, registered_at and definition",
                    file);
            return null;
        }
        Instant registeredAt;
        try {
            registeredAt = Instant.parse(at);
        } catch (DateTimeParseException e) {
            log.warn("Skipping {} in {}: registered_at \"{}\" is not an ISO-8601 instant", identifier, file, at);
            return null;
        }
        HubChannel.Checked checked = HubChannel.check(definition);
        if (!checked.valid()) {
            log.warn("Skipping the stored definition of {} in {}: it is no longer valid ({}); the plugin must register"
                    + " again", identifier, file, checked.errors().isEmpty() ? "unreadable" : checked.errors().get(0));
            return null;
        }
        PluginEntry.Mode entryMode = "debug".equals(mode) ? PluginEntry.Mode.DEBUG : PluginEntry.Mode.RELEASE;
        return new Stored(identifier, entryMode, new PluginEntry.Registration(
                checked.definition(), definition, checked.warnings(), registeredAt, true));
    }

    private void setAside(String why) {
        Path aside = file.resolveSibling(FILE_NAME + ".unreadable");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            log.warn("Ignoring {}: {}; moved it to {} and starting with an empty catalogue", file, why, aside);
        } catch (IOException e) {
            log.warn("Ignoring {}: {}; starting with an empty catalogue (could not move it aside: {})", file, why,
                    e.toString());
        }
    }
}
