package dev.atomemo4j.devhub.phoenix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A {@link FrameListener} sees every frame in both directions, in wire order per direction. */
class FrameListenerTest {

    @Test
    void listenerSeesEveryFrameReceivedAndSent() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        FrameListener listener = (connection, direction, frame) ->
                seen.add(direction + " " + frame.event() + " " + frame.ref());
        try (PhoenixServer server = PhoenixServer.builder().debugApiKey("k").frameListener(listener).build()) {
            server.start();
            try (PhoenixTestClient client = PhoenixTestClient.connect(
                    server.websocketUri(SocketKind.DEBUG) + "?api_key=k&vsn=2.0.0")) {
                client.send("['1','1','debug_plugin:acme-echo','phx_join',{}]");
                client.next();
                client.send("[null,'2','phoenix','heartbeat',{}]");
                client.next();
            }
        }

        assertThat(seen).containsSubsequence("IN phx_join 1", "OUT phx_reply 1", "IN heartbeat 2", "OUT phx_reply 2");
    }

    @Test
    void failingListenerDoesNotBreakTheConnection() throws Exception {
        FrameListener failing = (connection, direction, frame) -> {
            throw new IllegalStateException("listener bug (on purpose, in a test)");
        };
        try (PhoenixServer server = PhoenixServer.builder().debugApiKey("k").frameListener(failing).build()) {
            server.start();
            try (PhoenixTestClient client = PhoenixTestClient.connect(
                    server.websocketUri(SocketKind.DEBUG) + "?api_key=k&vsn=2.0.0")) {
                client.send("['1','1','debug_plugin:acme-echo','phx_join',{}]");

                client.expect("['1','1','debug_plugin:acme-echo','phx_reply',{'status':'ok','response':{}}]");
            }
        }
    }
}
