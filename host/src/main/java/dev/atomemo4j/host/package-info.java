/**
 * {@link dev.atomemo4j.host.PluginHost}: Atlas plugins hosted inside a Java application, configured in Java or by a
 * {@link dev.atomemo4j.host.HostFile} ({@code host.yaml}), with an admin HTTP API on Jetty 12. host/API.md
 * documents all three.
 */
package dev.atomemo4j.host;
