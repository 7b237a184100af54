package io.absmc.scenario;

import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import java.nio.file.Path;

/** A {@code triggers} entry: metric, threshold by period, effect. */
final class TriggerReader extends SectionReader {

  TriggerReader(Problems problems, Path folder) {
    super(problems, folder);
  }

  Trigger trigger(MapCursor c) {
    int before = problems.size();
    String name = c.text("name");
    TriggerMetric metric = c.choice("metric", TriggerMetric.class);
    RateCurve threshold = curve(c, "threshold", true, 0, 10);
    TriggerEffect effect = c.choice("effect", TriggerEffect.class);
    boolean curable = c.flag("curable", false);
    c.rejectUnknown();
    if (problems.size() > before) {
      return null;
    }
    return build(c.node(), () -> new Trigger(name, metric, threshold, effect, curable));
  }
}
