package dev.atomemo4j.model.property;

import dev.atomemo4j.model.value.ResourceLocator;
import java.util.List;

/** Picks a remote resource by list (through a {@code locator_list} handler), URL or id. */
public record ResourceLocatorProperty(PropertyCommon common, ResourceLocator defaultValue, List<LocatorMode> modes)
    implements Property {

  public ResourceLocatorProperty {
    modes = modes == null ? null : List.copyOf(modes);
  }

  @Override
  public String type() {
    return "resource_locator";
  }
}
