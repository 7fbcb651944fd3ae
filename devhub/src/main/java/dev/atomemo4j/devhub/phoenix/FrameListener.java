package dev.atomemo4j.devhub.phoenix;

/**
 * Observes every V2 frame a {@link PhoenixServer} receives or sends, for frame logs and inspectors.
 *
 * <p>Called on the thread that read or queued the frame, sometimes while a connection lock is held: implementations
 * must be quick, must not block, and must not call back into the server (no {@link PhoenixChannel} calls). The
 * frame's payload is the very object that was parsed or serialized: copy it before keeping it, never modify it. A
 * listener that throws is logged and otherwise ignored. Malformed inbound text that is not a frame is not reported.
 */
@FunctionalInterface
public interface FrameListener {
    /** The default: observes nothing. */
    FrameListener NONE = (connectionId, direction, frame) -> {};

    /** Which way a frame travelled, seen from the server. */
    enum Direction {
        /** Client to server (plugin to Hub). */
        IN,
        /** Server to client (Hub to plugin), reported once Jetty has accepted it for sending. */
        OUT
    }

    void onFrame(String connectionId, Direction direction, Frame frame);
}
