package dev.atomemo4j.benchmarks.measures;

import dev.atomemo4j.benchmarks.jmh.ColdStartBench;
import dev.atomemo4j.benchmarks.jmh.DefinitionBench;
import dev.atomemo4j.benchmarks.report.Figures;
import dev.atomemo4j.benchmarks.report.Row;
import java.util.List;
import java.util.Map;

/**
 * Measure 3: definition and schema build from the generated registry versus by reflection, for the 100-tool plugin.
 * The goal row is the runtime's real start-up path; 3a drops the runtime's model round trip of definition.json; 3b
 * is the first call in a fresh JVM.
 */
public final class DefinitionBuildMeasure implements Measure {

  static final double GOAL = 20;

  @Override
  public String id() {
    return "3";
  }

  @Override
  public String title() {
    return "definition + schemas, 100 tools: generated registry vs reflection";
  }

  @Override
  public String goal() {
    return "≥ 20×";
  }

  @Override
  public List<Row> run(Settings s) throws Exception {
    Map<String, Jmh.Score> steady = Jmh.steadyState(DefinitionBench.class,
        List.of("generatedRegistry", "reflection", "generatedResourcesOnly"), s.definition(), s);
    Jmh.Score ours = Jmh.require(steady, "generatedRegistry");
    Jmh.Score resources = Jmh.require(steady, "generatedResourcesOnly");
    Jmh.Score reflection = Jmh.require(steady, "reflection");
    Map<String, Jmh.Score> cold = Jmh.coldStart(ColdStartBench.class, List.of("generatedRegistry", "reflection"),
        s.coldForks(), s);
    Jmh.Score coldOurs = Jmh.require(cold, "generatedRegistry");
    Jmh.Score coldReflection = Jmh.require(cold, "reflection");

    double r = reflection.median() / ours.median();
    double ra = reflection.median() / resources.median();
    double rb = coldReflection.median() / coldOurs.median();
    return List.of(
        new Row("3", title(), ours.text(), reflection.text(), Figures.ratio(r), goal(), r >= GOAL ? "yes" : "no",
            "Steady state. Ours is the runtime's start-up path: `descriptor()` of the generated registry, the "
                + "generated definition.json with author/e-mail spliced into its text (pretty bytes + compact "
                + "`register_plugin` payload, as the runtime's `DefinitionDocument` does; `SameOutputTest` checks "
                + "it equals the model's read-and-write), and the 200 "
                + "generated schemas, read as the MCP and host front ends read them: from the one schema bundle the "
                + "processor writes beside the single files (`PluginSchemas`). The baseline derives the same from the same "
                + "classes by reflection: tool methods and Jackson types, the definition (byte-identical to the "
                + "processor's, checked by `SameOutputTest`, written with the same model writer) and input/output "
                + "schemas with victools + its Jackson module; its ObjectMapper and schema generator are reused "
                + "across calls (favours the baseline). Ratio between quartiles: " + Jmh.ratioRange(reflection, ours)
                + "." + (r >= GOAL ? "" : " Goal missed: " + whatLimits(ours, resources))),
        new Row("3a", "… generated resources only (no author splice)", resources.text(), reflection.text(),
            Figures.ratio(ra), "(info)", "—",
            "Descriptor + the generated definition.json and schema bytes as they are, author/e-mail not set: "
                + "the floor of 3, what reading the class path costs. Ratio between quartiles: "
                + Jmh.ratioRange(reflection, resources) + "."),
        new Row("3b", "… cold: first call in a fresh JVM", coldOurs.text(), coldReflection.text(),
            Figures.ratio(rb), "(info)", "—",
            "One call per fresh JVM (JMH single shot), median over " + s.coldForks() + " JVM(s) per side: class "
                + "loading and initialization included (the baseline also creates its ObjectMapper and schema "
                + "generator inside the call). What a plugin process pays once at start-up."));
  }

  private static String whatLimits(Jmh.Score ours, Jmh.Score resources) {
    double share = 1 - resources.median() / ours.median();
    return String.format(java.util.Locale.ROOT, "%.0f %% of our time is the author splice; the rest is reading "
        + "the descriptor, the definition and the schema bundle from the class path (3a).", share * 100);
  }
}
