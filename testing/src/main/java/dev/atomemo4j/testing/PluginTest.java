package dev.atomemo4j.testing;

import dev.atomemo4j.runtime.ToolFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the plugin declared by {@link #value()}: before the first test an in-process dev hub
 * starts on an ephemeral port and the plugin connects to it over a real WebSocket, exactly as it would to the
 * Atomemo Hub (join, {@code register_plugin}, requests, answers); after the last test both stop. Test methods
 * receive a {@link PluginClient} (and the {@link dev.atomemo4j.devhub.DevHub} if they need it) as parameters.
 *
 * <pre>{@code
 * @PluginTest(GetCurrentTime.class)
 * class GetCurrentTimeTest {
 *   @Test
 *   void answersInIso(PluginClient client) {
 *     ToolResult r = client.invoke("get-current-time", Map.of("format", "iso"));
 *     assertThat(r.ok()).isTrue();
 *   }
 * }
 * }</pre>
 *
 * <p>A plugin whose tool classes take dependencies through their constructors names a factory for them:
 *
 * <pre>{@code
 * @PluginTest(value = Weather.class, toolFactory = WeatherTest.Fakes.class)
 * class WeatherTest {
 *   static final class Fakes implements ToolFactory {
 *     public <T> T create(Class<T> toolClass) {
 *       return toolClass == WeatherTools.class ? toolClass.cast(new WeatherTools(new FakeForecasts())) : null;
 *     }
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PluginTestExtension.class)
public @interface PluginTest {

  /** The class annotated {@code @Plugin}. */
  Class<?> value();

  /** How long one request may take before it fails with {@code devhub:timeout}. */
  long requestTimeoutSeconds() default 30;

  /**
   * Where the plugin's tool class instances come from: a {@link ToolFactory} class with a no-argument constructor
   * (it may be a nested class of the test, private or not), e.g. one that hands a tool class a fake HTTP client.
   * Default {@code ToolFactory.class}: none, every tool class is created with its public no-argument constructor.
   */
  Class<? extends ToolFactory> toolFactory() default ToolFactory.class;
}
