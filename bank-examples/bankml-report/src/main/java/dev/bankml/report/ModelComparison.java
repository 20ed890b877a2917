package dev.bankml.report;

import dev.bankml.data.BankmlException;
import dev.bankml.models.loan.LoanDefaultOptions;
import dev.bankml.models.loan.LoanEvaluation;
import dev.bankml.models.spi.AlgorithmSpec;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.spi.Task;
import dev.bankml.models.tune.SearchStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-validates every chosen backend × algorithm with its default hyperparameters (no tuning:
 * the report must stay fast) on the same folds, and names the best by AUC.
 */
final class ModelComparison {
  private static final Logger LOG = LoggerFactory.getLogger(ModelComparison.class);

  private ModelComparison() {}

  /** The training options for one backend and algorithm on {@code input}. */
  static LoanDefaultOptions options(ReportOptions o, ReportInput input, String backend, String algorithm) {
    LoanDefaultOptions.Builder b = LoanDefaultOptions.builder()
        .target(o.target()).backend(backend).algorithm(algorithm).tuning(new SearchStrategy.Defaults())
        .folds(o.folds()).seed(o.seed()).pipeline(input.pipeline());
    o.positiveLabel().ifPresent(b::positiveLabel);
    return b.build();
  }

  /** Every comparison row, best AUC first (failures last). */
  static List<ComparedModel> run(ReportOptions o, ReportInput input) {
    List<ComparedModel> out = new ArrayList<>();
    List<String[]> candidates = candidates(o);
    int done = 0;
    for (String[] c : candidates) {
      o.progress().progress("report: comparing models", done++, candidates.size());
      long start = System.nanoTime();
      try {
        LoanEvaluation e = options(o, input, c[0], c[1]).evaluate(input.table());
        out.add(new ComparedModel(c[0], c[1], Optional.of(e), (System.nanoTime() - start) / 1e9, ""));
      } catch (BankmlException e) {
        LOG.warn("{} {} failed: {}", c[0], c[1], e.getMessage());
        out.add(new ComparedModel(c[0], c[1], Optional.empty(), (System.nanoTime() - start) / 1e9, e.getMessage()));
      }
    }
    o.progress().progress("report: comparing models", done, candidates.size());
    out.sort(Comparator.comparingDouble((ComparedModel m) -> Double.isNaN(m.auc()) ? Double.NEGATIVE_INFINITY : m.auc())
        .reversed());
    if (out.stream().allMatch(m -> m.evaluation().isEmpty())) {
      throw new BankmlException(out.get(0).error()); // a problem of the data: every model failed alike
    }
    return out;
  }

  /** {backend, algorithm} pairs: the named ones, or everything found. */
  static List<String[]> candidates(ReportOptions o) {
    List<ModelBackend> backends = o.backends().isEmpty() ? Backends.all() : o.backends().stream().map(Backends::named).toList();
    if (backends.isEmpty()) {
      throw new BankmlException("no model backend is on the class path; add bank-models-xgboost, bank-models-tribuo or bank-models-smile");
    }
    List<String[]> out = new ArrayList<>();
    for (ModelBackend b : backends) {
      List<String> offered = Backends.algorithms(b, Task.CLASSIFICATION).stream().map(AlgorithmSpec::name).toList();
      for (String a : o.algorithms().isEmpty() ? offered : o.algorithms()) {
        if (offered.contains(a)) {
          out.add(new String[] {b.name(), a});
        }
      }
    }
    if (out.isEmpty()) {
      throw new BankmlException("no chosen backend offers the algorithm(s) " + o.algorithms() + "; "
          + backends.stream().map(b -> b.name() + ": " + Backends.algorithms(b, Task.CLASSIFICATION).stream()
              .map(AlgorithmSpec::name).toList()).toList());
    }
    return out;
  }
}
