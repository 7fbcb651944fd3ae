package dev.atomemo4j.benchmarks;

import java.util.List;

/** The requests measure 4 sends through both invocation paths: one per input style of the generated plugin. */
public final class InvocationInputs {

  private InvocationInputs() {}

  /** A tool of the 100-tool plugin and the {@code parameters} object of an {@code invoke_tool} request. */
  public record Case(String tool, String parametersJson) {}

  /** Method parameters: bounds, an enum, a default left out, an optional nested record with a list of enums. */
  public static final Case PARAMETERS = new Case("tool-000", """
      {"query": "atomemo4j benchmarks", "order": "desc",
       "options": {"cursor": "c-1234", "page_size": 3, "colors": ["red", "blue"]}}""");

  /** A single record input: nested record, list, enum default left out, optional number, boolean. */
  public static final Case RECORD = new Case("tool-001", """
      {"name": "Ada Lovelace", "tags": ["math", "engines", "poetry"],
       "address": {"street": "12 St James's Square", "city": "London", "postal_code": "SW1Y 4JH"},
       "weight": 0.75, "notify_owner": true}""");

  public static final List<Case> CASES = List.of(PARAMETERS, RECORD);
}
