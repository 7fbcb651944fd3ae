package dev.atomemo4j.runtime.internal.phoenix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One V2 text frame {@code [join_ref, ref, topic, event, payload]} received from the server.
 *
 * <p>The payload is the parsed object itself, not a copy: handlers run on the socket loop and must not keep mutating
 * it after handing it to another thread.
 *
 * @param joinRef the channel's join ref, or null (broadcasts, heartbeat replies, "unmatched topic" replies)
 * @param ref the push ref this frame answers, or null for server pushes
 * @param topic the channel topic
 * @param event the event name
 * @param payload the payload, always a JSON object
 */
public record Frame(String joinRef, String ref, String topic, String event, ObjectNode payload) {

  public Frame {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(payload, "payload");
  }

  /** Only the routing fields: payloads may hold secrets, so they never go into logs or {@code toString}. */
  @Override
  public String toString() {
    return "Frame[" + topic + " " + event + " (" + joinRef + ", " + ref + ")]";
  }
}
