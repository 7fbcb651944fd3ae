/**
 * Interaction plugins over HTTP: every wired plugin's routes mounted under {@code /plugins/<id>/} on the host's HTTP
 * server ({@link dev.atomemo4j.host.routes.PluginRoutesHandler}), and the {@code onRequest}/{@code onResponse} hooks
 * around every request that server answers ({@link dev.atomemo4j.host.routes.HttpHooksHandler}). The Jetty types
 * stay here: plugins see only {@code dev.atomemo4j.runtime.routes}.
 */
package dev.atomemo4j.host.routes;
