package dev.atomemo4j.langchain4j.workbench;

import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;
import java.util.Optional;

/** One tool; the label shows which instance served it (a no-argument one, or the application's bean). */
public final class WorkbenchTools {
  private final String label;

  public WorkbenchTools() {
    this("default");
  }

  public WorkbenchTools(String label) {
    this.label = label;
  }

  /** The typed result: the processor writes its output schema. */
  public record Sum(long sum, String servedBy) {}

  @Tool(name = "add_numbers", displayName = "Add numbers", description = "Adds two whole numbers.")
  public Sum add(
      @Param(name = "a", displayName = "A", llmDescription = "the first addend") long a,
      @Param(name = "b", displayName = "B") long b) {
    return new Sum(a + b, label);
  }

  /** Parameters whose schema says more than LangChain4j's elements hold: an enum, bounds, an optional value. */
  @Tool(name = "repeat_text", displayName = "Repeat text", description = "Repeats a text, plainly or loudly.")
  public String repeat(
      @Param(name = "text", displayName = "Text", maxLength = 40) String text,
      @Param(name = "mode", displayName = "Mode", allowed = {"plain", "loud"}) String mode,
      @Param(name = "times", displayName = "Times", minimum = 1, maximum = 3) Optional<Long> times) {
    String once = mode.equals("loud") ? text.toUpperCase(java.util.Locale.ROOT) : text;
    return (once + " ").repeat(times.orElse(1L).intValue()).trim();
  }
}
