import dev.bankml.data.ProgressListener;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.BooleanColumn;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Single-application scoring latency on a bank's loan-application view: raw record → default
 * pipeline → model, and the model alone, for the xgboost backend's 300-round gradient boosting
 * (early stopping off, so exactly 300 trees) and default random forest, Tribuo's default xgboost
 * (300 rounds x 2 classes) when present, and, for comparison, xgboost4j's own per-row
 * Booster.predict on a one-row DMatrix. Every call is timed with System.nanoTime after a warm-up;
 * prints p50 and p99 in microseconds. Usage: java -cp bankml.jar ScoreLatency.java BANKDIR [CALLS].
 */
public class ScoreLatency {
  static volatile double sink;

  public static void main(String[] a) throws Exception {
    int calls = a.length > 1 ? Integer.parseInt(a[1]) : 200_000;
    Table t = LoanApplicationView.read(Path.of(a[0]), ProgressListener.NONE);
    Column target = t.column("defaulted");
    int[] y = new int[t.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = target instanceof BooleanColumn b ? (b.state(i) == 1 ? 1 : 0) : (int) ((NumericColumn) target).get(i);
    }
    FittedPipeline pipeline = FeaturePipeline.defaults().fit(t);
    FeatureMatrix x = pipeline.transform(t);
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      records.add(t.row(i));
    }
    System.out.printf(Locale.ROOT, "%d loans x %d features; %d timed calls each; java %s%n", x.rows(), x.cols(), calls,
        System.getProperty("java.version"));
    ModelBackend xgb = Backends.named("xgboost");
    Classifier boosting = xgb.classifierTrainer("gradient-boosting",
        Hyperparameters.DEFAULTS.with("rounds", 300).with("early_stopping_rounds", 0), 1).fit(x, y);
    Classifier forest = xgb.classifierTrainer("random-forest", Hyperparameters.DEFAULTS, 1).fit(x, y);
    report("xgboost gradient-boosting, 300 trees", pipeline, boosting, records, calls);
    report("xgboost random-forest, defaults", pipeline, forest, records, calls);
    if (Backends.all().stream().anyMatch(b -> b.name().equals("tribuo"))) {
      Classifier tribuo = Backends.named("tribuo").classifierTrainer("xgboost", Hyperparameters.DEFAULTS, 1).fit(x, y);
      report("tribuo xgboost, 300 rounds x 2 classes", pipeline, tribuo, records, calls);
    }
    nativePerRow(xgb.saveClassifier(boosting), pipeline, records, Math.min(calls, 50_000));
  }

  static void report(String name, FittedPipeline p, Classifier c, List<Map<String, Object>> records, int calls) {
    double[][] rows = new double[records.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = p.transformRow(records.get(i));
    }
    long[] whole = new long[calls];
    long[] alone = new long[calls];
    for (int pass = 0; pass < 2; pass++) { // pass 0 warms up
      for (int i = 0; i < calls; i++) {
        Map<String, Object> r = records.get(i & 1023);
        long t0 = System.nanoTime();
        sink += c.probability(p.transformRow(r));
        long t1 = System.nanoTime();
        sink += c.probability(rows[i & 1023]);
        long t2 = System.nanoTime();
        whole[i] = t1 - t0;
        alone[i] = t2 - t1;
      }
    }
    System.out.printf(Locale.ROOT, "%-42s pipeline+model p50 %6.2f us p99 %6.2f us | model alone p50 %6.2f us p99 %6.2f us%n",
        name, pct(whole, 50), pct(whole, 99), pct(alone, 50), pct(alone, 99));
  }

  static void nativePerRow(byte[] payload, FittedPipeline p, List<Map<String, Object>> records, int calls) throws Exception {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    in.skipBytes(8 + 4);
    in.readUTF();
    int cols = in.readInt();
    byte[] json = in.readNBytes(in.readInt());
    Booster booster = XGBoost.loadModel(json);
    float[][] rows = new float[records.size()][];
    for (int i = 0; i < rows.length; i++) {
      double[] d = p.transformRow(records.get(i));
      rows[i] = new float[cols];
      for (int j = 0; j < cols; j++) {
        rows[i][j] = (float) d[j];
      }
    }
    long[] took = new long[calls];
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        DMatrix m = new DMatrix(rows[i & 1023], 1, cols, Float.NaN);
        sink += booster.predict(m)[0][0];
        m.dispose();
        took[i] = System.nanoTime() - t0;
      }
    }
    System.out.printf(Locale.ROOT, "%-42s model alone (DMatrix + Booster.predict) p50 %6.2f us p99 %6.2f us%n",
        "xgboost4j native per row, same 300 trees", pct(took, 50), pct(took, 99));
    booster.dispose();
  }

  static double pct(long[] v, int p) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.round(s.length * p / 100.0))] / 1000.0;
  }
}
