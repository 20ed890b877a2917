package dev.bankml.models.explain;

import dev.bankml.data.BankmlException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Contributions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains single predictions of a classifier in terms of the source columns a person knows.
 * Uses the classifier's own contributions when it offers them (exact for linear models, TreeSHAP
 * for boosted trees); otherwise baseline substitution: for each source column, the change in
 * log-odds when all of that column's features are replaced by their training means. Features
 * encoded from one column (one-hot levels, missing indicators) are folded back into it.
 * Immutable and thread-safe.
 */
public final class Explainer {
  private static final double EPS = 1e-12;
  private final Classifier classifier;
  private final double[] baseline;
  private final List<String> columns;
  private final int[][] featuresOfColumn;
  private final int[] columnOfFeature;

  private Explainer(Classifier classifier, double[] baseline, List<String> sources) {
    this.classifier = classifier;
    this.baseline = baseline;
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int j = 0; j < sources.size(); j++) {
      groups.computeIfAbsent(sources.get(j), k -> new ArrayList<>()).add(j);
    }
    this.columns = List.copyOf(groups.keySet());
    this.featuresOfColumn = new int[columns.size()][];
    this.columnOfFeature = new int[sources.size()];
    int g = 0;
    for (List<Integer> features : groups.values()) {
      featuresOfColumn[g] = features.stream().mapToInt(Integer::intValue).toArray();
      for (int j : featuresOfColumn[g]) {
        columnOfFeature[j] = g;
      }
      g++;
    }
  }

  /**
   * An explainer for {@code classifier}, using the column means of {@code background} (usually the
   * training matrix) as the baseline and its {@link FeatureMatrix#sources()} to fold features.
   */
  public static Explainer of(Classifier classifier, FeatureMatrix background) {
    if (background.cols() != classifier.featureCount()) {
      throw new BankmlException("explainer: background has " + background.cols() + " features but the classifier expects "
          + classifier.featureCount());
    }
    if (background.rows() == 0) {
      throw new BankmlException("explainer: background data has no rows");
    }
    return new Explainer(classifier, means(background), background.sources());
  }

  /** An explainer with an explicit per-feature {@code baseline} and feature {@code sources}. */
  public static Explainer of(Classifier classifier, double[] baseline, List<String> sources) {
    if (baseline.length != classifier.featureCount() || sources.size() != baseline.length) {
      throw new BankmlException("explainer: baseline has " + baseline.length + " values and " + sources.size()
          + " sources, but the classifier expects " + classifier.featureCount() + " features");
    }
    return new Explainer(classifier, baseline.clone(), sources);
  }

  /** The baseline (training means) per feature. */
  public double[] baseline() {
    return baseline.clone();
  }

  /** Source column names, in first-feature order. */
  public List<String> columns() {
    return columns;
  }

  /** Explains the prediction for one encoded {@code row}. */
  public Explanation explain(double[] row) {
    if (row.length != baseline.length) {
      throw new BankmlException("explainer: row has " + row.length + " features, expected " + baseline.length);
    }
    double p = classifier.probability(row);
    Optional<Contributions> own = classifier.contributions(row);
    double[] perColumn = new double[columns.size()];
    double base;
    String method;
    if (own.isPresent()) {
      double[] perFeature = own.get().perFeature();
      for (int j = 0; j < perFeature.length; j++) {
        perColumn[columnOfFeature[j]] += perFeature[j];
      }
      base = own.get().base();
      method = "exact";
    } else {
      double full = logit(p);
      double[] probe = row.clone();
      for (int g = 0; g < columns.size(); g++) {
        for (int j : featuresOfColumn[g]) {
          probe[j] = baseline[j];
        }
        perColumn[g] = full - logit(classifier.probability(probe));
        for (int j : featuresOfColumn[g]) {
          probe[j] = row[j];
        }
      }
      base = logit(classifier.probability(baseline));
      method = "baseline-substitution";
    }
    List<ColumnContribution> out = new ArrayList<>();
    for (int g = 0; g < columns.size(); g++) {
      out.add(new ColumnContribution(columns.get(g), perColumn[g]));
    }
    out.sort(Comparator.comparingDouble(ColumnContribution::logOdds).reversed());
    return new Explanation(p, base, out, method);
  }

  static double logit(double p) {
    double q = Math.min(1 - EPS, Math.max(EPS, p));
    return Math.log(q / (1 - q));
  }

  private static double[] means(FeatureMatrix x) {
    double[] m = new double[x.cols()];
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        m[j] += x.get(i, j);
      }
    }
    for (int j = 0; j < m.length; j++) {
      m[j] /= x.rows();
    }
    return m;
  }
}
