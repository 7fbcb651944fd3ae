package dev.atomemo4j.springai.workbench;

import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;

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
}
