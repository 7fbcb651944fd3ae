package dev.atomemo4j.devhub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What the save-to-reload loop of {@code atomemo4j dev <module>} last did with the plugin's sources, as the inspector
 * shows it: a banner with the compiler's diagnostics while the last good plugin keeps running.
 *
 * @param state where the rebuild is
 * @param source what was built (the module directory), for the banner
 * @param diagnostics the compiler's own lines ({@code File.java:12: error: …}), empty unless {@link State#FAILED}
 * @param generation counts the builds of this dev session; the inspector redraws the banner when it changes
 */
public record BuildStatus(State state, String source, List<String> diagnostics, long generation) {

    /** Where a rebuild is. */
    public enum State {
        /** A save was seen and the sources are being compiled. */
        BUILDING,
        /** The last build compiled; the plugin was restarted from it. */
        OK,
        /** The last build did not compile; the plugin from the build before keeps running. */
        FAILED
    }

    public BuildStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
        diagnostics = List.copyOf(diagnostics);
    }

    /** {@code {state, source, diagnostics, generation}}, the {@code build} member of {@code GET /api/plugins}. */
    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        json.put("source", source);
        diagnostics.forEach(json.putArray("diagnostics")::add);
        json.put("generation", generation);
        return json;
    }
}
