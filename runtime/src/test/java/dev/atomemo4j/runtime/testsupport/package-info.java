/**
 * Test helpers shared by the runtime's test packages: a loopback WebSocket hub ({@link
 * dev.atomemo4j.runtime.testsupport.TestHub}, {@link dev.atomemo4j.runtime.testsupport.HubConnection}), single-quote
 * test JSON ({@link dev.atomemo4j.runtime.testsupport.Json}) and the recording SLF4J backend of the test JVM ({@link
 * dev.atomemo4j.runtime.testsupport.RecordingLogs}).
 */
package dev.atomemo4j.runtime.testsupport;
