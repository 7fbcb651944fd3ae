package dev.atomemo4j.springai.workbench;

import dev.atomemo4j.annotations.Action;
import dev.atomemo4j.annotations.Approval;
import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Plugin;
import dev.atomemo4j.annotations.PluginType;
import dev.atomemo4j.annotations.Teardown;
import java.util.concurrent.atomic.AtomicInteger;

/** The adapters' test plugin: a tool ({@link WorkbenchTools#add}) and a manual action that counts its runs. */
@Plugin(
    name = "workbench",
    displayName = "Workbench",
    description = "Adds numbers and sends greetings, for the Spring AI adapter's tests.",
    icon = "🧰",
    types = PluginType.ACTION,
    config = WorkbenchConfig.class,
    tools = WorkbenchTools.class)
public final class Workbench {
  /** How often the action body ran (the approval tests count it). */
  public static final AtomicInteger GREETINGS_SENT = new AtomicInteger();
  /** How often the plugin was torn down. */
  public static final AtomicInteger TEARDOWNS = new AtomicInteger();

  private final WorkbenchConfig config;

  public Workbench(WorkbenchConfig config) {
    this.config = config;
  }

  @Action(
      name = "send_greeting",
      description = "Sends a greeting to a person; a person approves it first.",
      actionType = "greeting.send",
      approval = Approval.MANUAL,
      summary = "Greet {person}")
  public String sendGreeting(@Param(name = "person") String person) {
    GREETINGS_SENT.incrementAndGet();
    return config.greeting() + ", " + person + "!";
  }

  @Teardown
  public void teardown() {
    TEARDOWNS.incrementAndGet();
  }
}
