package dev.bankml.models.tribuo;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Contributions;
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
 * from the booster's text dump into {@link FlatTrees} and walked in Java (XGBoost's rule, {@code
 * (float) value < threshold} goes to "yes", as an exact cut), so a single row needs neither a native call nor a
 * DMatrix. Contributions use XGBoost's own TreeSHAP ({@code predictContrib}).
 */
final class BoostedClassifier extends TreeEnsembleClassifier<XGBoostModel<Label>> {
  private static final Pattern SPLIT =
      Pattern.compile("^\\s*(\\d+):\\[f(\\d+)<([^\\]]+)\\] yes=(\\d+),no=(\\d+),missing=(\\d+)");
  private static final Pattern LEAF = Pattern.compile("^\\s*(\\d+):leaf=([^,\\s]+)");
  private static final Pattern NODE = Pattern.compile("^\\s*(\\d+):");

  private final int positiveId;
  private final int[] idToColumn;
  private final int[] columnToId;
  private final int featureSpace;
  /** Each leaf's margin, by node; tree t adds to the margin of class t % 2. */
  private final float[] leaf;

  BoostedClassifier(XGBoostModel<Label> model, int cols) {
    this(model, cols, Dump.read(model, TribuoData.idColumns(model.getFeatureIDMap(), cols)));
  }

  private BoostedClassifier(XGBoostModel<Label> model, int cols, Dump dump) {
    super(model, "xgboost", cols, dump.trees());
    this.positiveId = model.getOutputIDInfo().getID(TribuoData.POSITIVE);
    this.idToColumn = dump.idToColumn();
    this.columnToId = TribuoData.columnIds(model.getFeatureIDMap(), cols);
    this.featureSpace = model.getFeatureIDMap().size();
    this.leaf = dump.leaf();
  }

  /** The booster's trees read from its text dump, and each leaf's margin by node. */
  private record Dump(FlatTrees trees, float[] leaf, int[] idToColumn) {
    static Dump read(XGBoostModel<Label> model, int[] idToColumn) {
      String[] text;
      try {
        text = booster(model).getModelDump((String) null, false);
      } catch (XGBoostError e) {
        throw new BankmlException("cannot read the XGBoost trees: " + e.getMessage(), e);
      }
      FlatTrees.Builder b = new FlatTrees.Builder(1);
      try {
        for (String tree : text) {
          b.startTree();
          parseTree(tree, b, idToColumn);
        }
      } catch (IllegalArgumentException e) { // a number that is not one, a threshold that is not finite
        throw new BankmlException("cannot read the XGBoost trees: " + e.getMessage(), e);
      }
      double[] margins = b.payloads(0);
      float[] leaf = new float[margins.length];
      for (int n = 0; n < leaf.length; n++) {
        leaf[n] = (float) margins[n]; // exact: stored from a float
      }
      return new Dump(b.build(), leaf, idToColumn);
    }

    /**
     * Appends one tree's nodes to {@code b}, node ids in the dump becoming offsets from the tree's first
     * node, each leaf's margin its payload.
     */
    private static void parseTree(String text, FlatTrees.Builder b, int[] idToColumn) {
      String[] lines = text.split("\n");
      int maxId = -1;
      for (String line : lines) {
        Matcher m = NODE.matcher(line);
        if (m.find()) {
          maxId = Math.max(maxId, Integer.parseInt(m.group(1)));
        }
      }
      int base = b.addLeaves(maxId + 1);
      for (String line : lines) {
        Matcher s = SPLIT.matcher(line);
        if (s.find()) {
          int id = Integer.parseInt(s.group(1));
          int feature = Integer.parseInt(s.group(2));
          int col = feature < idToColumn.length ? idToColumn[feature] : -1;
          // Every value is present (never missing), so the missing branch is never taken.
          b.split(base + id, col, FlatTrees.belowAsFloat(Float.parseFloat(s.group(3))),
              base + Integer.parseInt(s.group(4)), base + Integer.parseInt(s.group(5)));
          continue;
        }
        Matcher l = LEAF.matcher(line);
        if (l.find()) {
          b.payload(base + Integer.parseInt(l.group(1)), 0, Float.parseFloat(l.group(2)));
        }
      }
    }
  }

  private static Booster booster(XGBoostModel<Label> model) {
    return model.getInnerModels().get(0);
  }

  private Booster booster() {
    return booster(model());
  }

  @Override
  protected double probabilityAt(double[] v, int offset) {
    float m0 = 0f;
    float m1 = 0f;
    for (int t = 0; t < trees.trees(); t++) {
      if ((t & 1) == 0) {
        m0 += leaf[leaf(t, v, offset)];
      } else {
        m1 += leaf[leaf(t, v, offset)];
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
    return "BoostedClassifier[trees=" + trees.trees() + ", features=" + featureCount() + ", nodes="
        + trees.nodes() + "]";
  }
}
