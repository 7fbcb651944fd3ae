package dev.atomemo4j.model.value;

/**
 * The value of a {@code resource_locator}: which mode picked it ({@code list}, {@code url}, {@code id}) and the
 * resulting id, with the label and URL the designer cached for display.
 */
public record ResourceLocator(String modeName, String value, String cachedResultLabel, String cachedResultUrl) {
  public static final String TYPE = "resource_locator";
}
