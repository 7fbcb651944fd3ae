package dev.atomemo4j.springai.autoconfigure;

import dev.atomemo4j.host.PluginHost;
import dev.atomemo4j.runtime.ToolFactory;
import dev.atomemo4j.springai.PluginToolCallbackProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Hosts the atomemo4j plugins on the class path in a Spring Boot application and hands their tools and actions to
 * Spring AI. Properties:
 *
 * <ul>
 *   <li>{@code atomemo4j.plugins.<plugin id>.<key>}: the plugin's config (validated at start-up; every problem of
 *       every plugin in one {@code host:invalid_config}, and the application does not start);
 *   <li>{@code atomemo4j.include}: the plugin ids to host (default: every one found);
 *   <li>{@code atomemo4j.actions.database}: the JDBC URL of the action store (default: an H2 file under
 *       {@code .atomemo4j/actions});
 *   <li>{@code atomemo4j.admin-port}: serve the host's admin HTTP API (approvals) on this port;
 *   <li>{@code atomemo4j.caller}: who proposes actions when the tool context names nobody (default {@code agent});
 *   <li>{@code atomemo4j.enabled=false}: none of this.
 * </ul>
 *
 * <p>Tool classes come from the application context when it holds exactly one bean of their type, else from their
 * no-argument constructors. The host is closed (plugins torn down last-first) when the context closes.
 */
@AutoConfiguration
@ConditionalOnClass(PluginHost.class)
@ConditionalOnProperty(prefix = "atomemo4j", name = "enabled", havingValue = "true", matchIfMissing = true)
public class Atomemo4jAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public PluginHost atomemo4jPluginHost(ConfigurableEnvironment environment, BeanFactory beans) {
    Set<String> include = new LinkedHashSet<>(environment.getProperty("atomemo4j.include", List.class, List.of()));
    PluginHost.Builder builder = ClassPathPlugins.builder(environment,
        Thread.currentThread().getContextClassLoader(), beanFactory(beans), include);
    String database = environment.getProperty("atomemo4j.actions.database");
    if (database != null && !database.isBlank()) {
      builder.actionDatabase(database);
    }
    Integer adminPort = environment.getProperty("atomemo4j.admin-port", Integer.class);
    if (adminPort != null) {
      builder.adminPort(adminPort);
    }
    return builder.start();
  }

  @Bean
  @ConditionalOnMissingBean
  public PluginToolCallbackProvider atomemo4jToolCallbacks(PluginHost host, ConfigurableEnvironment environment) {
    return PluginToolCallbackProvider.of(host, environment.getProperty("atomemo4j.caller",
        PluginToolCallbackProvider.DEFAULT_CALLER));
  }

  /** A tool class's instance from the context when it holds exactly one bean of that type; null otherwise. */
  private static ToolFactory beanFactory(BeanFactory beans) {
    return new ToolFactory() {
      @Override
      public <T> T create(Class<T> toolClass) {
        return beans.getBeanProvider(toolClass).getIfUnique();
      }

      @Override
      public String toString() {
        return "ToolFactory[Spring beans]";
      }
    };
  }
}
