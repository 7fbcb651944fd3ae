package it.echo;

import dev.atomemo4j.annotations.Plugin;

@Plugin(name = "it-echo", displayName = "Echo", description = "Echoes text back.", icon = "🔁", lang = "typescript",
    tools = EchoTools.class)
public final class Echo {}
