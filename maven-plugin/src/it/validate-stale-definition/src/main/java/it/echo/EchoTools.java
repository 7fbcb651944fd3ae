package it.echo;

import dev.atomemo4j.annotations.Param;
import dev.atomemo4j.annotations.Tool;

public final class EchoTools {
  @Tool(name = "echo-text", displayName = "Echo text", description = "Returns the input text.")
  public String echo(@Param(name = "text", displayName = "Text") String text) {
    return text;
  }
}
