package dev.bankml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bankml.data.BankmlException;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.calibrate.Calibration;
import dev.bankml.models.loan.LoanDefaultOptions;
import dev.bankml.models.loan.LoanEvaluation;
import dev.bankml.models.loan.NestedFold;
import dev.bankml.models.loan.ScoreScaling;
import dev.bankml.models.loan.Selection;
import dev.bankml.models.loan.ThresholdPolicy;
import dev.bankml.models.metrics.BinaryMetrics;
import dev.bankml.models.tune.ScoringMetric;
import dev.bankml.models.tune.SearchStrategy;
import dev.bankml.models.tune.SkippedCandidate;
import dev.bankml.models.tune.Trial;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml evaluate}: cross-validated quality of a loan-default model recipe, as text or JSON. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluates a loan-default model with stratified k-fold cross-validation: the feature pipeline is fitted",
      "inside every fold and the out-of-fold probabilities are scored (AUC, accuracy, precision, recall, F1, KS,",
      "Gini, Brier, log loss, ...). When a search chooses among candidates (--algorithm auto, --tune) the",
      "evaluation is nested: the search runs inside each outer training fold on inner folds and the outer",
      "folds only score each one's winner, so the estimate is honest for the whole recipe."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelOptions model;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    Table table = ModelOptions.load(model.labelled.data, output.silent());
    LoanEvaluation e = model.options(output.silent()).evaluate(table);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(ModelOptions.JSON.writeValueAsString(ModelOptions.evaluationJson(e, table.rows())));
    } else {
      out.print(ModelOptions.evaluationText(e, table.rows()));
    }
    out.flush();
    return 0;
  }

  /** Options shared by {@code evaluate} and {@code train}: data, target, backend, algorithm, search, seed. */
  static final class ModelOptions {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin LabelledData labelled;

    @Option(names = "--backend", paramLabel = "xgboost|tribuo|smile",
        description = "Model backend (default: the fastest Apache-licensed one present, xgboost, else tribuo);"
            + " see 'bankml backends'.")
    String backend;

    @Option(names = "--algorithm", paramLabel = "NAME|auto", defaultValue = "auto",
        description = "Classifier of the backend, or auto: every classifier (cheapest to train first), best by"
            + " cross-validated AUC (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "10m",
        description = "How long the model search may run, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}). When it has"
            + " passed no candidate or fold is started; the candidates left out are reported. A nested evaluation"
            + " gives each outer fold an equal share.")
    String timeLimit;

    @Option(names = "--cv", paramLabel = "K", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--tune", paramLabel = "none|grid|random",
        description = "Hyperparameter search over the backend's declared spaces (default: none for a named algorithm;"
            + " for auto: every algorithm's defaults, then 3 random candidates of the best one).")
    String tune;

    @Option(names = "--trials", paramLabel = "N",
        description = "Candidates per algorithm for --tune grid|random, the defaults included (default: 8; for auto 4)."
            + " Given without --tune it means --tune random.")
    Integer trials;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "auc",
        description = "What the search maximises: auc, average_precision, ks, log_loss, brier (default: ${DEFAULT-VALUE}).")
    String metric;

    @Mixin SeedOption random;

    @Option(names = "--threads", paramLabel = "N", description = "Thread budget for cross-validation (default: all cores).")
    Integer threads;

    @Option(names = "--balance", description = "Weight the classes equally while training.")
    boolean balance;

    @Option(names = "--cost-fn", paramLabel = "C",
        description = "Cost of approving a defaulter; with --cost-fp the threshold minimises expected cost.")
    Double costFn;

    @Option(names = "--cost-fp", paramLabel = "C", description = "Cost of declining a good payer.")
    Double costFp;

    @Option(names = "--approval-rate", paramLabel = "R", description = "Choose the threshold that approves this share (0-1).")
    Double approvalRate;

    @Option(names = "--threshold", paramLabel = "T", description = "A fixed decision threshold on the probability of default.")
    Double threshold;

    @Option(names = "--review-band", paramLabel = "W", defaultValue = "0",
        description = "Half-width of a 'review' band around the threshold (default: ${DEFAULT-VALUE}).")
    double reviewBand;

    @Option(names = "--pdo", paramLabel = "P", defaultValue = "50", description = "Score points to double the odds (default: ${DEFAULT-VALUE}).")
    double pdo;

    @Option(names = "--base-score", paramLabel = "S", defaultValue = "600", description = "Score at the base odds (default: ${DEFAULT-VALUE}).")
    double baseScore;

    @Option(names = "--base-odds", paramLabel = "O", defaultValue = "19", description = "Good:bad odds at the base score (default: ${DEFAULT-VALUE}).")
    double baseOdds;

    @Option(names = "--calibration", paramLabel = "auto|none|platt|isotonic", defaultValue = "auto",
        description = "Calibrate raw scores on out-of-fold predictions (default: ${DEFAULT-VALUE}: Platt, isotonic"
            + " (from 5,000 rows) or none, whichever has the lowest cross-fitted log loss).")
    String calibration;

    /** The training options these flags describe; {@code silent}: no progress bar. */
    LoanDefaultOptions options(boolean silent) {
      LoanDefaultOptions.Builder b = LoanDefaultOptions.builder()
          .target(labelled.target).algorithm(algorithm).folds(folds).seed(random.seed).timeLimit(duration(timeLimit))
          .metric(ScoringMetric.parse(metric)).balanceClasses(balance)
          .thresholdPolicy(policy()).reviewBand(reviewBand)
          .scoreScaling(new ScoreScaling(baseScore, baseOdds, pdo))
          .calibration(Calibration.parse(calibration))
          .progress(Progress.create(silent));
      if (tune != null || trials != null) {
        b.tuning(strategy());
      }
      if (backend != null) {
        b.backend(backend);
      }
      if (labelled.positive != null) {
        b.positiveLabel(labelled.positive);
      }
      if (threads != null) {
        b.threads(threads);
      }
      labelled.idColumns.forEach(b::idColumn);
      if (Files.isDirectory(labelled.data)) {
        // the view marks loan_id/customer_id as ids and the hidden truth as ignored; add its derived ratios
        b.pipeline(LoanApplicationView.pipeline());
      }
      labelled.excluded.forEach(b::exclude);
      return b.build();
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, a plain number of seconds, or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      try {
        if (t.startsWith("pt")) {
          return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|sec|m|min|h)?").matcher(t);
        if (m.matches()) {
          double v = Double.parseDouble(m.group(1));
          String unit = m.group(2) == null ? "s" : m.group(2);
          double seconds = switch (unit) {
            case "m", "min" -> v * 60;
            case "h" -> v * 3600;
            default -> v;
          };
          return positive(Duration.ofMillis(Math.round(seconds * 1000)), text);
        }
      } catch (java.time.format.DateTimeParseException e) {
        // reported below
      }
      throw new BankmlException("--time-limit '" + text + "' is not a duration; give e.g. 90s, 10m or 1h");
    }

    private static Duration positive(Duration d, String text) {
      if (d.isNegative() || d.isZero()) {
        throw new BankmlException("--time-limit must be positive, got '" + text + "'");
      }
      return d;
    }

    private SearchStrategy strategy() {
      int n = trials == null ? 8 : trials;
      if (n < 1) {
        throw new BankmlException("--trials must be at least 1, got " + n);
      }
      return SearchStrategy.parse(tune == null ? "random" : tune, n);
    }

    private ThresholdPolicy policy() {
      int chosen = (threshold != null ? 1 : 0) + (approvalRate != null ? 1 : 0) + (costFn != null || costFp != null ? 1 : 0);
      if (chosen > 1) {
        throw new BankmlException("choose one threshold rule: --threshold, --approval-rate, or --cost-fn with --cost-fp");
      }
      if (threshold != null) {
        return new ThresholdPolicy.Fixed(threshold);
      }
      if (approvalRate != null) {
        return new ThresholdPolicy.ApprovalRate(approvalRate);
      }
      if (costFn != null || costFp != null) {
        if (costFn == null || costFp == null) {
          throw new BankmlException("--cost-fn and --cost-fp go together; give both");
        }
        return new ThresholdPolicy.MinCost(costFn, costFp);
      }
      return new ThresholdPolicy.MaxF1();
    }

    /** The table in {@code data}: a CSV file, or the loan-application view of a bank directory. */
    static Table load(Path data, boolean quiet) {
      return InputFiles.table(data, "--data", quiet);
    }

    static Map<String, Object> evaluationJson(LoanEvaluation e, int rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("backend", e.backend());
      m.put("algorithm", e.best().algorithm());
      m.put("hyperparameters", e.best().hyperparameters().values());
      m.put("folds", e.folds());
      m.put("rows", rows);
      m.put("calibration", e.calibration());
      m.put("selection", e.selection().key());
      BinaryMetrics x = e.metrics();
      x.asMap().forEach((k, v) -> m.putIfAbsent(k, k.equals("rows") ? (Object) Math.round(v) : v));
      if (!e.nestedFolds().isEmpty()) {
        List<Map<String, Object>> outer = new ArrayList<>();
        for (NestedFold f : e.nestedFolds()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("fold", f.fold() + 1);
          row.put("algorithm", f.winner().algorithm());
          row.put("hyperparameters", f.winner().hyperparameters().values());
          row.put("inner_" + e.leaderboard().metric().key(), f.winner().score());
          row.put("outer_" + e.leaderboard().metric().key(), f.outerScore());
          row.put("calibration", f.calibration());
          row.put("candidates_scored", f.candidatesScored());
          row.put("candidates_skipped", f.candidatesSkipped());
          outer.add(row);
        }
        m.put("outer_folds", outer);
      }
      List<Map<String, Object>> board = new ArrayList<>();
      for (Trial t : e.leaderboard().trials()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("algorithm", t.algorithm());
        row.put("hyperparameters", t.hyperparameters().values());
        row.put(e.leaderboard().metric().key(), t.score());
        row.put("std", t.scoreStd());
        row.put("seconds", t.seconds());
        board.add(row);
      }
      m.put("leaderboard", board);
      m.put("skipped", skippedJson(e.skipped()));
      return m;
    }

    static List<Map<String, Object>> skippedJson(List<SkippedCandidate> skipped) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (SkippedCandidate c : skipped) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("algorithm", c.algorithm());
        row.put("hyperparameters", c.hyperparameters().values());
        row.put("reason", c.reason());
        out.add(row);
      }
      return out;
    }

    static String evaluationText(LoanEvaluation e, int rows) {
      BinaryMetrics x = e.metrics();
      StringBuilder s = new StringBuilder();
      String key = e.leaderboard().metric().key();
      if (e.selection() == Selection.NESTED) {
        s.append(String.format(Locale.ROOT, "%s model search, nested %d-fold cross-validation on %,d rows (%.1f%% positive):"
            + " the search ran inside each outer fold; most frequent winner %s %s%n", e.backend(), e.folds(), rows,
            100 * x.positiveRate(), e.best().algorithm(), e.best().hyperparameters().values()));
      } else {
        s.append(String.format(Locale.ROOT, "%s %s %s, %d-fold cross-validation on %,d rows (%.1f%% positive)%s%n",
            e.backend(), e.best().algorithm(), e.best().hyperparameters().values(), e.folds(), rows, 100 * x.positiveRate(),
            e.selection() == Selection.SAME_FOLDS ? "; selection score (the folds that chose it also scored it)" : ""));
      }
      s.append(String.format(Locale.ROOT, "  AUC        %.4f   Gini %.4f   KS %.4f   average precision %.4f%n",
          x.auc(), x.gini(), x.ks(), x.averagePrecision()));
      s.append(String.format(Locale.ROOT, "  log loss   %.4f   Brier %.4f   ECE %.4f   (calibration: %s)%n", x.logLoss(),
          x.brier(), x.ece(), e.calibration()));
      s.append(String.format(Locale.ROOT, "  at threshold %.4f: accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f%n",
          x.threshold(), x.accuracy(), x.precision(), x.recall(), x.f1()));
      if (!e.nestedFolds().isEmpty()) {
        s.append(String.format(Locale.ROOT, "outer folds (winner of the inner search; inner and outer %s):%n", key));
        for (NestedFold f : e.nestedFolds()) {
          s.append(String.format(Locale.ROOT, "  %d. %-18s inner %.4f  outer %.4f  %s%s%n", f.fold() + 1,
              f.winner().algorithm(), f.winner().score(), f.outerScore(), f.winner().hyperparameters().values(),
              f.candidatesSkipped() > 0 ? "  (" + f.candidatesSkipped() + " candidates skipped: time limit)" : ""));
        }
      }
      if (e.leaderboard().trials().size() > 1) {
        s.append(String.format(Locale.ROOT, "leaderboard (%s %s%s):%n",
            e.selection() == Selection.NESTED ? "inner cross-validated" : "cross-validated", key,
            e.selection() == Selection.NESTED ? ", mean over the outer folds that tried it" : ""));
        int rank = 1;
        for (Trial t : e.leaderboard().trials()) {
          s.append(String.format(Locale.ROOT, "  %2d. %.4f ± %.4f  %-18s %s%n", rank++, t.score(), t.scoreStd(),
              t.algorithm(), t.hyperparameters().values()));
        }
      }
      if (!e.skipped().isEmpty()) {
        s.append(String.format(Locale.ROOT, "time limit reached: %d candidate(s) left out%n", e.skipped().size()));
        for (SkippedCandidate c : e.skipped()) {
          s.append(String.format(Locale.ROOT, "  %-18s %s: %s%n", c.algorithm(), c.hyperparameters().values(), c.reason()));
        }
      }
      return s.toString();
    }
  }

  /** Reads a bank directory written by {@code bankml generate} as loan applications. */
  static final class BankDirectory {
    private BankDirectory() {}

    static Table loanApplications(Path dir, boolean quiet) {
      if (!Files.isRegularFile(dir.resolve("loans.csv")) || !Files.isRegularFile(dir.resolve("customers.csv"))) {
        throw new BankmlException(dir + " is a directory but not a bank directory (no loans.csv and customers.csv);"
            + " write one with 'bankml generate' or give a CSV file");
      }
      Table t = LoanApplicationView.read(dir, Progress.create(quiet));
      if (!quiet) {
        System.err.println();
      }
      return t;
    }
  }
}
