package dev.bankml.cli;

import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.HyperparameterSpace;
import dev.bankml.models.spi.ModelBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml backends}: the model backends on the class path, their algorithms and licences. */
@Command(name = "backends", mixinStandardHelpOptions = true,
    description = "Lists the model backends, their licences, and their algorithms with default hyperparameters and search spaces.")
final class BackendsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON to stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<ModelBackend> all = Backends.all();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (ModelBackend b : all) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("version", b.version());
        m.put("licence", b.licence());
        List<Map<String, Object>> algos = new ArrayList<>();
        for (AlgorithmSpec a : b.algorithms()) {
          Map<String, Object> am = new LinkedHashMap<>();
          am.put("name", a.name());
          am.put("task", a.task().name().toLowerCase(Locale.ROOT));
          am.put("description", a.description());
          am.put("defaults", new java.util.TreeMap<>(a.defaults()));
          am.put("space", a.space().stream().map(BackendsCommand::describe).toList());
          algos.add(am);
        }
        m.put("algorithms", algos);
        list.add(m);
      }
      out.println(EvaluateCommand.ModelOptions.JSON.writeValueAsString(Map.of("backends", list)));
    } else if (all.isEmpty()) {
      out.println("no model backend on the class path (add bank-models-xgboost, bank-models-tribuo or bank-models-smile)");
    } else {
      for (ModelBackend b : all) {
        out.printf(Locale.ROOT, "%s %s (licence %s)%n", b.name(), b.version(), b.licence());
        for (AlgorithmSpec a : b.algorithms()) {
          out.printf(Locale.ROOT, "  %-14s %-17s %s%n", a.task().name().toLowerCase(Locale.ROOT), a.name(), a.description());
          if (!a.space().isEmpty()) {
            out.printf(Locale.ROOT, "  %-14s %-17s search: %s%n", "", "",
                String.join(", ", a.space().stream().map(BackendsCommand::describe).toList()));
          }
        }
      }
    }
    out.flush();
    return 0;
  }

  private static String describe(HyperparameterSpace s) {
    if (s instanceof HyperparameterSpace.IntRange r) {
      return r.name() + " " + r.min() + ".." + r.max() + (r.log() ? " (log)" : "");
    }
    if (s instanceof HyperparameterSpace.DoubleRange r) {
      return r.name() + " " + r.min() + ".." + r.max() + (r.log() ? " (log)" : "");
    }
    return s.name() + " " + ((HyperparameterSpace.Choice) s).values();
  }
}
