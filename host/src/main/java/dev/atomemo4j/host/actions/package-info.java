/**
 * The host's approval gate for {@code @Action}s ({@code PluginHost.actions()}, host/API.md, Actions): {@link
 * dev.atomemo4j.host.actions.HostActions} proposes, decides and executes requests through the core pipeline's
 * APPROVAL stage; {@link dev.atomemo4j.host.actions.JdbcActionStore} keeps them, with their audit, on H2 or
 * PostgreSQL, every transition a compare-and-set.
 */
package dev.atomemo4j.host.actions;
