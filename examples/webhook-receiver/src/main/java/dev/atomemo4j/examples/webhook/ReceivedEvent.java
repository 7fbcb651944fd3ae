package dev.atomemo4j.examples.webhook;

import java.time.Instant;

/**
 * One accepted delivery.
 *
 * @param sequence its number among the deliveries this receiver accepted, from 1
 * @param receivedAt when it was accepted
 * @param contentType the sender's {@code Content-Type}, or empty
 * @param body the body as text
 */
public record ReceivedEvent(long sequence, Instant receivedAt, String contentType, String body) {}
