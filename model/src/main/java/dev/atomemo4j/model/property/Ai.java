package dev.atomemo4j.model.property;

import dev.atomemo4j.model.I18nText;

/** Text meant for the AI rather than for people. */
public record Ai(I18nText llmDescription) {}
