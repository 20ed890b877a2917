package dev.bankml.report;

import dev.bankml.data.io.AtomicFile;
import dev.bankml.data.BankmlException;
import dev.bankml.models.loan.LoanEvaluation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The risk team's report on a loan book: data profile, model comparison across backends and
 * algorithms, the best model's evaluation charts, feature importance, explained example decisions
 * and the fairness table, as one self-contained HTML page.
 *
 * <pre>{@code
 * RiskReport r = RiskReport.generate(ReportOptions.builder(Path.of("bank")).build());
 * r.write(Path.of("report.html"));
 * }</pre>
 */
public final class RiskReport {
  private final String html;
  private final List<String> chartIds;
  private final String bestModel;
  private final double bestAuc;
  private final int rows;

  private RiskReport(String html, List<String> chartIds, String bestModel, double bestAuc, int rows) {
    this.html = html;
    this.chartIds = List.copyOf(chartIds);
    this.bestModel = bestModel;
    this.bestAuc = bestAuc;
    this.rows = rows;
  }

  /**
   * Reads the data, compares the models, trains the best one for importance and examples, and
   * builds the page.
   *
   * @throws BankmlException if the data cannot be read, the target is unusable, or no model trains
   */
  public static RiskReport generate(ReportOptions o) {
    ReportInput input = ReportInput.read(o);
    List<ComparedModel> models = ModelComparison.run(o, input);
    ComparedModel best = models.get(0);
    LoanEvaluation e = best.evaluation().orElseThrow();
    int[] labels = e.labels();
    List<Section> sections = new ArrayList<>();
    sections.add(ProfileSection.build(input, o.target(), labels));
    sections.add(ModelSection.comparison(models, o.folds()));
    sections.add(ModelSection.evaluation(models, best, o.seed()));
    sections.add(DecisionsSection.build(o, input, best, labels));
    sections.add(FairnessSection.build(input, best));
    List<String> meta = List.of(
        "Data: " + input.source() + (input.bankDirectory() ? " (bank directory: loan-application view)" : "") + ", "
            + input.table().rows() + " rows; target " + o.target() + o.positiveLabel().map(p -> " = " + p).orElse("") + ".",
        String.format(Locale.ROOT, "Best model: %s, cross-validated AUC %.4f (%d folds, seed %d).", best.name(),
            e.metrics().auc(), o.folds(), o.seed()),
        "Generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ".");
    List<String> ids = sections.stream().flatMap(s -> s.chartIds().stream()).toList();
    String html = ReportPage.render("bankml loan-default risk report", meta, sections);
    return new RiskReport(html, ids, best.name(), e.metrics().auc(), input.table().rows());
  }

  /** The page. */
  public String html() {
    return html;
  }

  /** The ids of the embedded charts (each an {@code <img id="chart-ID">}). */
  public List<String> chartIds() {
    return chartIds;
  }

  /** The best model's name, e.g. {@code smile gradient-boosting}. */
  public String bestModel() {
    return bestModel;
  }

  /** The best model's cross-validated AUC. */
  public double bestAuc() {
    return bestAuc;
  }

  /** Rows of data reported on. */
  public int rows() {
    return rows;
  }

  /** Writes the page to {@code out} atomically ({@link AtomicFile}: a temporary file in the same folder, then a rename). */
  public void write(Path out) {
    AtomicFile.writeString(out, html);
  }

}
