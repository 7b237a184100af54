package io.absmc.scenario;

import io.absmc.scenario.yaml.InputText;
import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlDocument;
import io.absmc.scenario.yaml.YamlNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a scenario file (YAML, format in {@code docs/scenario-format.md}) into a validated
 * {@link Scenario}. Every problem in the file is collected with its line and field path and thrown
 * at once as a {@link ScenarioException}; a file with any problem yields no scenario at all.
 *
 * <p>Each section of the file has its reader, where its rules sit: {@link CalendarReader}, {@link
 * PoolReader} (with the loan tape), {@link RevolvingReader}, {@link StructureReader}, {@link
 * TriggerReader} and {@link WaterfallReader}; this class reads the scenario's own keys and checks
 * what spans sections (a revolving waterfall needs a revolving section, and so on).
 *
 * <p>Stateless and thread-safe.
 */
public final class ScenarioLoader {

  /** The most payment dates a deal may have (a hundred years of monthly ones). */
  public static final int MAX_PERIODS = 1200;

  private ScenarioLoader() {
  }

  /** Loads a file; {@code displayName} is used in messages (usually the path as the user typed it). */
  public static Scenario load(Path file) {
    return parse(InputText.read(file), file.toString());
  }

  /** Parses scenario text; {@code fileName} is used in messages. */
  public static Scenario parse(String text, String fileName) {
    Problems problems = new Problems(fileName);
    YamlNode root = YamlDocument.parse(text, problems);
    Path folder = Path.of(fileName).toAbsolutePath().getParent();
    Scenario scenario = root == null ? null : new Reading(problems, folder).scenario(root);
    if (!problems.isEmpty() || scenario == null) {
      throw new ScenarioException(problems.messages());
    }
    return scenario;
  }

  /**
   * One reading of one file: the scenario's own keys, each section by its reader, then the checks
   * across sections.
   */
  private static final class Reading extends SectionReader {

    Reading(Problems problems, Path folder) {
      super(problems, folder);
    }

    Scenario scenario(YamlNode root) {
      MapCursor c = MapCursor.of(root, problems);
      // any problem, the document's own included (an unknown alias), stops the cross-checks,
      // which would only report its consequences
      int before = 0;
      String name = c.plainName("name");
      String description = c.optText("description").orElse("");
      CalendarReader calendars = new CalendarReader(problems, folder);
      StructureReader structures = new StructureReader(problems, folder);
      PoolReader pools = new PoolReader(problems, folder);
      RevolvingReader revolvings = new RevolvingReader(problems, folder);
      TriggerReader triggerReader = new TriggerReader(problems, folder);
      WaterfallReader waterfalls = new WaterfallReader(problems, folder);
      Calendar calendar = c.map("calendar").map(calendars::calendar).orElse(null);
      MapCursor structureCursor = c.map("structure").orElse(null);
      Structure structure = structureCursor == null ? null
          : structures.structure(structureCursor, calendar);
      double planSize = structure != null ? structure.planSize()
          : structureCursor == null ? Double.NaN : structures.quietPlanSize(structureCursor);
      LocalDate poolDate = calendar == null ? null : calendar.cutoffDate();
      Pool pool = c.map("pool").map(p -> pools.pool(p, planSize, poolDate)).orElse(null);
      int periods = calendar == null ? Integer.MAX_VALUE : calendar.paymentDates().size();
      Optional<Revolving> revolving = c.optMap("revolving")
          .map(r -> revolvings.revolving(r, calendar, pool));
      List<Trigger> triggers = new ArrayList<>();
      for (YamlNode t : c.optList("triggers")) {
        triggers.add(triggerReader.trigger(MapCursor.of(t, problems)));
      }
      Waterfall waterfall = c.map("waterfall").map(w -> waterfalls.waterfall(w, structure))
          .orElse(null);
      c.rejectUnknown();
      if (problems.size() > before) {
        return null;
      }
      crossCheck(root, c, structure, revolving, triggers, waterfall, periods);
      if (problems.size() > before) {
        return null;
      }
      return build(root, () -> new Scenario(name, description, calendar, pool,
          revolving.isPresent() && revolving.get() == null ? Optional.empty() : revolving,
          structure, triggers, waterfall));
    }

    void crossCheck(YamlNode root, MapCursor c, Structure structure, Optional<Revolving> revolving,
        List<Trigger> triggers, Waterfall waterfall, int periods) {
      YamlNode waterfallNode = root.entries().get("waterfall");
      boolean revolves = revolving.isPresent();
      if (revolves && !waterfall.steps().containsKey(DealState.REVOLVING)) {
        problems.add(waterfallNode, "missing required field 'revolving' (the deal revolves)");
      }
      if (!revolves && waterfall.steps().containsKey(DealState.REVOLVING)) {
        problems.add(waterfallNode.keyLine("revolving"), "waterfall.revolving",
            "a revolving waterfall needs a revolving section");
      }
      for (int i = 0; i < triggers.size(); i++) {
        Trigger t = triggers.get(i);
        YamlNode node = root.entries().get("triggers").items().get(i);
        if (t.effect() == TriggerEffect.END_REVOLVING && !revolves) {
          problems.add(node, "effect end_revolving needs a revolving section");
        }
        if (t.effect() == TriggerEffect.TRAP_EXCESS_SPREAD && structure.reserve().isEmpty()) {
          problems.add(node, "effect trap_excess_spread needs a reserve under structure");
        }
      }
      if (revolves) {
        int last = revolving.get().lastPeriod();
        List<YamlNode> trancheNodes = root.entries().get("structure").entries().get("tranches").items();
        for (int i = 0; i < structure.tranches().size(); i++) {
          Tranche t = structure.tranches().get(i);
          if (t.paymentMonths().get(0) <= last && t.principal() != PrincipalPayment.PASS_THROUGH) {
            problems.add(trancheNodes.get(i).entries().get("payment_months"),
                "expected payment months after the revolving period (which ends in month "
                    + last + "), found " + t.paymentMonths());
          }
        }
      }
      for (int i = 0; i < structure.tranches().size(); i++) {
        Tranche t = structure.tranches().get(i);
        if (t.expectedMaturity() > periods) {
          problems.add(c.node(), "tranche '" + t.name() + "' expects payment in month "
              + t.expectedMaturity() + " but there are only " + periods + " periods");
        }
      }
    }
  }
}
