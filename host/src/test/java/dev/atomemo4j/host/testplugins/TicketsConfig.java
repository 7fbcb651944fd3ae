package dev.atomemo4j.host.testplugins;

import dev.atomemo4j.runtime.Secret;
import dev.atomemo4j.runtime.spi.ConfigBinding;
import dev.atomemo4j.runtime.spi.Shape;
import java.util.List;

/**
 * A config record with a secret, and its {@link ConfigBinding} written as the processor generates it: a shape for
 * decoding, and per component an accessor and a constraint check ({@code @NotBlank @Pattern} on apiUrl,
 * {@code @NotNull} on apiKey, {@code @Min(1) @Max(100)} on maxResults, default 10).
 */
public record TicketsConfig(String apiUrl, Secret apiKey, int maxResults) {

  public static final ConfigBinding BINDING = new ConfigBinding(
      TicketsConfig.class,
      new Shape.Obj("TicketsConfig", List.of(
          new Shape.Field("apiUrl", Shape.Str.ANY, true, false, null),
          new Shape.Field("apiKey", Shape.SecretStr.INSTANCE, true, false, null),
          new Shape.Field("maxResults", new Shape.Int(Shape.IntKind.INT, null, null, null), false, false, 10)),
          values -> new TicketsConfig((String) values[0], (Secret) values[1], (Integer) values[2]),
          c -> new Object[] {((TicketsConfig) c).apiUrl(), ((TicketsConfig) c).apiKey(),
              ((TicketsConfig) c).maxResults()}),
      List.of(
          new ConfigBinding.Component("apiUrl", false, c -> ((TicketsConfig) c).apiUrl(), (value, out) -> {
            String s = (String) value;
            if (s == null || s.isBlank()) {
              out.add("config:not_blank", "must not be blank");
            } else if (!s.matches("https?://.+")) {
              out.add("config:pattern", "must match https?://.+");
            }
          }),
          new ConfigBinding.Component("apiKey", true, c -> ((TicketsConfig) c).apiKey(), (value, out) -> {
            if (value == null) {
              out.add("config:not_null", "must not be null");
            } else if (((Secret) value).isEmpty()) {
              out.add("config:not_blank", "must not be blank");
            }
          }),
          new ConfigBinding.Component("maxResults", false, c -> ((TicketsConfig) c).maxResults(), (value, out) -> {
            int n = (Integer) value;
            if (n < 1) {
              out.add("config:min", "must be at least 1");
            } else if (n > 100) {
              out.add("config:max", "must be at most 100");
            }
          })),
      "META-INF/atomemo4j/tickets/config.schema.json");
}
