/**
 * What {@code @Hook} methods receive and return (atlas-features.md §7): one immutable event record per
 * {@link dev.atomemo4j.annotations.HookPoint}, and the rewrites the two mutable points accept
 * ({@link dev.atomemo4j.runtime.hooks.QueryRewrite}, {@link dev.atomemo4j.runtime.hooks.ExploreRewrite}). Every hook
 * method may also take the plugin's {@code PluginContext} as a second parameter.
 */
package dev.atomemo4j.runtime.hooks;
