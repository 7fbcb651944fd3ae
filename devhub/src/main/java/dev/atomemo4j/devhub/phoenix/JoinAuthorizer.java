package dev.atomemo4j.devhub.phoenix;

/**
 * Decides whether a routed {@code phx_join} may join. Topics outside the socket's family never get here: they are
 * answered {@code unmatched topic}, as Phoenix does for a topic no channel is declared for.
 *
 * <p>Called on the connection's Jetty thread, like {@link ChannelHandler} (see the package documentation). If it
 * throws, the join is refused with {@code {"reason":"join crashed"}}, Phoenix's answer when a join callback crashes.
 */
@FunctionalInterface
public interface JoinAuthorizer {
    /** Accepts every routed join. */
    JoinAuthorizer ACCEPT_ALL = request -> JoinDecision.accept();

    JoinDecision authorize(JoinRequest request);
}
