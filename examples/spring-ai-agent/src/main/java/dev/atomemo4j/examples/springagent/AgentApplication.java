package dev.atomemo4j.examples.springagent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose agent uses two atomemo4j plugins found on its class path (get-current-time and
 * support-ticket): the auto-configuration hosts them with the config in {@code application.yml}, validated at
 * start-up, and offers their tools and actions as Spring AI tool callbacks. Add a provider's starter (OpenAI,
 * Ollama, …) for the {@code ChatModel} bean.
 */
@SpringBootApplication
public class AgentApplication {
  public static void main(String[] args) {
    SpringApplication.run(AgentApplication.class, args);
  }
}
