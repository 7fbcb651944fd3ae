package dev.atomemo4j.host.routes;

import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.host.testplugins.HandWrittenRegistry;
import dev.atomemo4j.runtime.spi.AtlasBinding;
import dev.atomemo4j.runtime.spi.HookBinding;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.RoutesBinding;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A hand-written registry (as {@link HandWrittenRegistry}) with the parts the processor generates for routes and
 * hooks: a {@code RoutesBinding} and {@code HookBinding}s holding plain lambdas.
 */
final class RoutedPlugin {
  private RoutedPlugin() {}

  /** {@code base} with a {@code @Routes} method (null for none) and hooks; INTERACTION when it has routes. */
  static PluginRegistry of(HandWrittenRegistry base, RoutesBinding.Mount routes, HookBinding... hooks) {
    PluginDescriptor d = base.descriptor();
    AtlasBinding a = d.atlas();
    Set<PluginType> types = EnumSet.noneOf(PluginType.class);
    types.addAll(a.types());
    if (routes != null) {
      types.add(PluginType.INTERACTION);
    }
    AtlasBinding atlas = new AtlasBinding(a.manifestResource(), types, a.required(), a.config(), a.factory(),
        a.initialize(), a.healthCheck(), a.teardown(), a.onUninstall(), a.contextLoad(), a.refresh(), a.actions(),
        List.of(hooks), a.datasource(), a.sandbox(), routes == null ? null : new RoutesBinding("routes", null, routes),
        a.schema());
    PluginDescriptor with = new PluginDescriptor(d.name(), d.version(), d.definitionResource(), d.anchor(), d.tools(),
        d.credentials(), atlas);
    return () -> with;
  }
}
