package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Contributions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Gradient-boosted trees trained by XGBoost through Tribuo. Tribuo trains XGBoost with the
 * {@code multi:softprob} objective, so every round grows one tree per class; the probability of
 * the positive class is the softmax of the two class margins. For scoring, the trees are read once
 * from the booster's text dump into flat arrays and walked in Java (XGBoost's rule: {@code
 * (float) value < threshold} goes to "yes"), so a single row needs neither a native call nor a
 * DMatrix. Contributions use XGBoost's own TreeSHAP ({@code predictContrib}).
 */
final class BoostedClassifier extends TribuoClassifier<XGBoostModel<Label>> {
  private static final Pattern SPLIT =
      Pattern.compile("^\\s*(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+)");
  private static final Pattern LEAF = Pattern.compile("^\\s*(\\d+):leaf=([^,\\s]+)");

  private final int positiveId;
  private final int[] idToColumn;
  private final int[] columnToId;
  private final int featureSpace;
  /** Root node of each tree; tree t adds to the margin of class t % 2. */
  private final int[] roots;
  private final int[] column;
  private final float[] threshold;
  /** Child when value &lt; threshold; -1 marks a leaf. */
  private final int[] yes;
  private final int[] no;
  private final float[] leaf;

  BoostedClassifier(XGBoostModel<Label> model, int cols) {
    super(model, "xgboost", cols);
    this.positiveId = model.getOutputIDInfo().getID(TribuoData.POSITIVE);
    this.idToColumn = TribuoData.idColumns(model.getFeatureIDMap(), cols);
    this.columnToId = TribuoData.columnIds(model.getFeatureIDMap(), cols);
    this.featureSpace = model.getFeatureIDMap().size();
    String[] dump;
    try {
      dump = booster().getModelDump((String) null, false);
    } catch (XGBoostError e) {
      throw new BankmlException("cannot read the XGBoost trees: " + e.getMessage(), e);
    }
    roots = new int[dump.length];
    List<int[]> splits = new ArrayList<>();
    List<Float> thresholds = new ArrayList<>();
    List<Float> leaves = new ArrayList<>();
    for (int t = 0; t < dump.length; t++) {
      roots[t] = splits.size();
      parseTree(dump[t], splits, thresholds, leaves);
    }
    int n = splits.size();
    column = new int[n];
    yes = new int[n];
    no = new int[n];
    threshold = new float[n];
    leaf = new float[n];
    for (int i = 0; i < n; i++) {
      int[] s = splits.get(i);
      column[i] = s[0];
      yes[i] = s[1];
      no[i] = s[2];
      threshold[i] = thresholds.get(i);
      leaf[i] = leaves.get(i);
    }
  }

  /** Appends one tree's nodes; node ids in the dump become offsets from the tree's first node. */
  private void parseTree(String text, List<int[]> splits, List<Float> thresholds, List<Float> leaves) {
    int base = splits.size();
    String[] lines = text.split("\n");
    int maxId = -1;
    for (String line : lines) {
      Matcher m = Pattern.compile("^\\s*(\\d+):").matcher(line);
      if (m.find()) {
        maxId = Math.max(maxId, Integer.parseInt(m.group(1)));
      }
    }
    for (int i = 0; i <= maxId; i++) {
      splits.add(new int[] {-1, -1, -1});
      thresholds.add(0f);
      leaves.add(0f);
    }
    for (String line : lines) {
      Matcher s = SPLIT.matcher(line);
      if (s.find()) {
        int id = Integer.parseInt(s.group(1));
        int feature = Integer.parseInt(s.group(2));
        int col = feature < idToColumn.length ? idToColumn[feature] : -1;
        int yesChild = base + Integer.parseInt(s.group(4));
        int noChild = base + Integer.parseInt(s.group(5));
        // Every value is present (never missing), so the missing branch is never taken.
        splits.set(base + id, new int[] {col, yesChild, noChild});
        thresholds.set(base + id, Float.parseFloat(s.group(3)));
        continue;
      }
      Matcher l = LEAF.matcher(line);
      if (l.find()) {
        int id = Integer.parseInt(l.group(1));
        leaves.set(base + id, Float.parseFloat(l.group(2)));
      }
    }
  }

  private Booster booster() {
    return model().getInnerModels().get(0);
  }

  /** Number of trees (rounds times two classes). */
  int trees() {
    return roots.length;
  }

  @Override
  protected double probabilityAt(double[] v, int offset) {
    float m0 = 0f;
    float m1 = 0f;
    for (int t = 0; t < roots.length; t++) {
      int n = roots[t];
      while (yes[n] >= 0) {
        int c = column[n];
        float value = c >= 0 ? (float) v[offset + c] : 0f;
        n = value < threshold[n] ? yes[n] : no[n];
      }
      if ((t & 1) == 0) {
        m0 += leaf[n];
      } else {
        m1 += leaf[n];
      }
    }
    // Softmax of the two margins (the shared base score cancels).
    float max = Math.max(m0, m1);
    double e0 = Math.exp(m0 - max);
    double e1 = Math.exp(m1 - max);
    return (float) ((positiveId == 1 ? e1 : e0) / (e0 + e1));
  }

  @Override
  public Optional<Contributions> contributions(double[] row) {
    checkRow(row);
    float[] dense = new float[featureSpace];
    for (int j = 0; j < featureCount(); j++) {
      if (columnToId[j] >= 0) {
        dense[columnToId[j]] = (float) row[j];
      }
    }
    float[] contrib;
    try {
      DMatrix m = new DMatrix(dense, 1, featureSpace, Float.NaN);
      try {
        contrib = booster().predictContrib(m, 0)[0];
      } finally {
        m.dispose();
      }
    } catch (XGBoostError e) {
      throw new BankmlException("XGBoost could not explain the row: " + e.getMessage(), e);
    }
    int width = contrib.length / 2;
    int pos = positiveId == 1 ? width : 0;
    int neg = positiveId == 1 ? 0 : width;
    double[] per = new double[featureCount()];
    for (int j = 0; j < featureCount(); j++) {
      int id = columnToId[j];
      if (id >= 0) {
        per[j] = (double) contrib[pos + id] - contrib[neg + id];
      }
    }
    double base = (double) contrib[pos + width - 1] - contrib[neg + width - 1];
    return Optional.of(new Contributions(base, per));
  }

  /** Total gain of each column's splits, as a share of all gain (sums to 1). */
  @Override
  public Optional<double[]> featureImportance() {
    Map<String, Double> gain;
    try {
      gain = booster().getScore((String) null, "total_gain");
    } catch (XGBoostError e) {
      throw new BankmlException("cannot read XGBoost feature importance: " + e.getMessage(), e);
    }
    double[] imp = new double[featureCount()];
    double sum = 0;
    for (Map.Entry<String, Double> e : gain.entrySet()) {
      int id = Integer.parseInt(e.getKey().substring(1));
      if (id < idToColumn.length && idToColumn[id] >= 0) {
        imp[idToColumn[id]] += e.getValue();
        sum += e.getValue();
      }
    }
    if (sum > 0) {
      for (int j = 0; j < featureCount(); j++) {
        imp[j] /= sum;
      }
    }
    return Optional.of(imp);
  }

  @Override
  public String toString() {
    return "BoostedClassifier[trees=" + roots.length + ", features=" + featureCount() + ", nodes="
        + Arrays.stream(yes).count() + "]";
  }
}
