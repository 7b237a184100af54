package io.absmc.scenario;

import io.absmc.scenario.yaml.MapCursor;
import io.absmc.scenario.yaml.Problems;
import io.absmc.scenario.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code waterfall} section: the priority of payments in each deal state, checked against the
 * structure.
 */
final class WaterfallReader extends SectionReader {

  WaterfallReader(Problems problems, Path folder) {
    super(problems, folder);
  }

  Waterfall waterfall(MapCursor c, Structure structure) {
    int before = problems.size();
    Map<DealState, List<Step>> steps = new EnumMap<>(DealState.class);
    for (DealState state : DealState.values()) {
      List<YamlNode> items = state == DealState.AMORTISING ? c.list(state.label())
          : c.optList(state.label());
      if (!c.has(state.label())) {
        continue;
      }
      List<Step> list = new ArrayList<>();
      for (YamlNode item : items) {
        list.add(step(item, state, structure));
      }
      steps.put(state, list);
    }
    c.rejectUnknown();
    if (problems.size() > before || steps.values().stream().anyMatch(l -> l.contains(null))) {
      return null;
    }
    return build(c.node(), () -> new Waterfall(steps));
  }

  Step step(YamlNode item, DealState state, Structure structure) {
    int before = problems.size();
    if (item.kind() == YamlNode.Kind.STRING) {
      StepType type = MapCursor.parseChoice(item.text(), StepType.class);
      if (type == null) {
        problems.add(item, MapCursor.unknownChoice(item.text(), StepType.class));
        return null;
      }
      return stepWith(type, item, null, state, structure, before);
    }
    if (item.kind() == YamlNode.Kind.MAP && item.entries().size() == 1) {
      String key = item.entries().keySet().iterator().next();
      StepType type = MapCursor.parseChoice(key, StepType.class);
      if (type == null) {
        problems.add(item.keyLine(key), item.path(), MapCursor.unknownChoice(key, StepType.class));
        return null;
      }
      return stepWith(type, item, item.entries().get(key), state, structure, before);
    }
    problems.add(item, "expected a step such as 'pay_fees' or 'pay_interest: [senior]' but found "
        + item.describe());
    return null;
  }

  private Step stepWith(StepType type, YamlNode item, YamlNode args, DealState state,
      Structure structure, int before) {
    List<YamlNode> targetNodes = new ArrayList<>();
    Allocation allocation = Allocation.SEQUENTIAL;
    List<Account> from = defaultFrom(type, state);
    YamlNode fromNode = null;
    if (args != null && args.kind() != YamlNode.Kind.NULL) {
      if (args.kind() == YamlNode.Kind.STRING) {
        targetNodes.add(args);
      } else if (args.kind() == YamlNode.Kind.LIST) {
        targetNodes.addAll(args.items());
      } else if (args.kind() == YamlNode.Kind.MAP) {
        MapCursor o = MapCursor.of(args, problems);
        String listKey = type == StepType.PAY_FEES ? "fees" : "tranches";
        Optional<YamlNode> listNode = o.node(listKey);
        if (listNode.isPresent()) {
          if (listNode.get().kind() == YamlNode.Kind.LIST) {
            targetNodes.addAll(listNode.get().items());
          } else {
            targetNodes.add(listNode.get());
          }
        }
        allocation = o.choiceOr("allocation", Allocation.class, allocation);
        fromNode = o.node("from").orElse(null);
        if (fromNode != null) {
          from = accounts(fromNode);
        }
        o.rejectUnknown();
      } else {
        problems.add(args, "expected a name, a list of names or a map of options but found "
            + args.describe());
      }
    }
    List<String> targets = new ArrayList<>();
    for (YamlNode t : targetNodes) {
      if (t.kind() != YamlNode.Kind.STRING) {
        problems.add(t, "expected a name but found " + t.describe());
      } else {
        targets.add(t.text());
      }
    }
    if (problems.size() > before || structure == null) {
      return null;
    }
    List<String> trancheNames = structure.tranches().stream().map(Tranche::name).toList();
    List<String> feeNames = new ArrayList<>(structure.fees().stream().map(Fee::name).toList());
    structure.guarantee().filter(g -> g.annualFeeRate() > 0).ifPresent(g -> feeNames.add("guarantee"));
    List<String> valid = type == StepType.PAY_FEES ? feeNames : trancheNames;
    for (int i = 0; i < targets.size(); i++) {
      if (!valid.contains(targets.get(i))) {
        problems.add(targetNodes.get(i), unknownName(type == StepType.PAY_FEES ? "fee" : "tranche",
            targets.get(i), valid));
      }
    }
    switch (type) {
      case PAY_INTEREST, PAY_PRINCIPAL, DRAW_GUARANTEE -> {
        if (targets.isEmpty()) {
          problems.add(item, type.label() + " needs the tranches it pays, e.g. '"
              + type.label() + ": [senior]'");
        }
      }
      case PAY_RESIDUAL -> {
        if (targets.size() > 1) {
          problems.add(item, "pay_residual pays one tranche, found " + targets);
        }
        if (targets.isEmpty()) {
          targets.add(trancheNames.get(trancheNames.size() - 1));
        }
      }
      case REINVEST, FUND_RESERVE -> {
        if (!targets.isEmpty()) {
          problems.add(item, type.label() + " takes no tranche or fee names");
        }
      }
      default -> {
      }
    }
    if (type == StepType.REINVEST && state != DealState.REVOLVING) {
      problems.add(item, "reinvest is allowed only in the revolving waterfall, not in "
          + state.label());
    }
    if (type == StepType.DRAW_GUARANTEE && structure.guarantee().isEmpty()) {
      problems.add(item, "draw_guarantee needs a guarantee under structure");
    }
    if (type == StepType.DRAW_GUARANTEE && structure.guarantee().isPresent()) {
      for (int i = 0; i < targets.size(); i++) {
        if (trancheNames.contains(targets.get(i))
            && !structure.guarantee().get().tranches().contains(targets.get(i))) {
          problems.add(targetNodes.get(i), "the guarantee does not cover tranche '"
              + targets.get(i) + "' (it covers " + structure.guarantee().get().tranches() + ")");
        }
      }
    }
    if (type == StepType.FUND_RESERVE && structure.reserve().isEmpty()) {
      problems.add(item, "fund_reserve needs a reserve under structure");
    }
    if (fromNode != null && from != null) {
      if (type == StepType.REINVEST || type == StepType.DRAW_GUARANTEE) {
        problems.add(fromNode, type.label() + (type == StepType.REINVEST
            ? " spends the principal account (and the interest account with"
                + " reinvest_excess_interest); it takes no 'from'"
            : " is paid by the guarantor; it takes no 'from'"));
      } else if (from.contains(Account.RESERVE) && type == StepType.FUND_RESERVE) {
        problems.add(fromNode, "fund_reserve cannot pay the reserve from the reserve");
      } else if (from.contains(Account.RESERVE) && structure.reserve().isEmpty()) {
        problems.add(fromNode, "draws on the reserve, but there is no reserve under structure");
      }
    }
    if (problems.size() > before || from == null) {
      return null;
    }
    Allocation a = allocation;
    List<Account> f = from;
    return build(item, () -> new Step(type, targets, a, f));
  }

  /**
   * The accounts of a step's {@code from}: {@code interest}, {@code principal}, {@code reserve},
   * {@code all} (interest, then principal) or a list of the first three; null after a problem.
   */
  private List<Account> accounts(YamlNode v) {
    if (v.isScalar() && v.text().trim().equalsIgnoreCase("all")) {
      return List.of(Account.INTEREST, Account.PRINCIPAL);
    }
    List<YamlNode> items = v.kind() == YamlNode.Kind.LIST ? v.items() : List.of(v);
    String expected = "expected interest, principal, reserve, all, or a list of accounts such as"
        + " [interest, reserve]";
    if (items.isEmpty()) {
      problems.add(v, expected + " but found an empty list");
      return null;
    }
    List<Account> out = new ArrayList<>();
    for (YamlNode item : items) {
      Account a = item.isScalar() ? MapCursor.parseChoice(item.text(), Account.class) : null;
      if (a == null) {
        problems.add(item, expected + " but found " + item.describe());
        return null;
      }
      if (out.contains(a)) {
        problems.add(item, "names the " + a.label() + " account twice");
        return null;
      }
      out.add(a);
    }
    return out;
  }

  private static List<Account> defaultFrom(StepType type, DealState state) {
    if (type == StepType.REINVEST) {
      return List.of(Account.PRINCIPAL);
    }
    if (type == StepType.FUND_RESERVE
        || (state == DealState.REVOLVING && type != StepType.PAY_PRINCIPAL)) {
      return List.of(Account.INTEREST);
    }
    return List.of(Account.INTEREST, Account.PRINCIPAL);
  }
}
