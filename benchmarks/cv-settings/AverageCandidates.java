import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.models.metrics.RocAuc;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Hyperparameters;
import dev.bankml.models.spi.ModelBackend;
import dev.bankml.models.split.Split;
import dev.bankml.models.split.StratifiedSplit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Would averaging the XGBoost backend's candidates beat the best single one? Pooled out-of-fold AUC
 * (stratified 5-fold, seed SEED, default pipeline fitted in each fold) of logistic, gradient-boosting
 * and random-forest with their defaults, of every pair's mean log-odds and of all three's.
 *
 * <p>Usage: {@code java -cp bankml.jar benchmarks/cv-settings/AverageCandidates.java FILE.csv TARGET [POSITIVE] [SEED]}
 * (OMP_WAIT_POLICY=passive on a busy machine).
 */
public class AverageCandidates {
  public static void main(String[] a) {
    Table t = CsvTableReader.defaults().read(Path.of(a[0]));
    String positive = a.length > 2 ? a[2] : "";
    int[] y = (positive.isEmpty() ? BinaryTarget.of(a[1]) : BinaryTarget.of(a[1], positive)).labels(t);
    t = t.without(a[1]);
    long seed = a.length > 3 ? Long.parseLong(a[3]) : 1;
    List<Split> splits = StratifiedSplit.kFold(y, 5, seed);
    ModelBackend b = Backends.named("xgboost");
    String[] algorithms = {"logistic", "gradient-boosting", "random-forest"};
    double[][] logOdds = new double[algorithms.length][y.length];
    for (Split s : splits) {
      FittedPipeline p = FeaturePipeline.defaults().fit(t.selectRows(s.train()));
      FeatureMatrix train = p.transform(t.selectRows(s.train()));
      FeatureMatrix test = p.transform(t.selectRows(s.test()));
      int[] yTrain = Arrays.stream(s.train()).map(i -> y[i]).toArray();
      for (int k = 0; k < algorithms.length; k++) {
        double[] pr = b.classifierTrainer(algorithms[k], Hyperparameters.DEFAULTS, seed).fit(train, yTrain).probabilities(test);
        for (int i = 0; i < pr.length; i++) {
          logOdds[k][s.test()[i]] = Math.log(pr[i] / (1 - pr[i]));
        }
      }
    }
    for (int k = 0; k < algorithms.length; k++) {
      print(algorithms[k], y, logOdds[k]);
    }
    for (int i = 0; i < algorithms.length; i++) {
      for (int j = i + 1; j < algorithms.length; j++) {
        print(algorithms[i] + " + " + algorithms[j], y, mean(logOdds[i], logOdds[j]));
      }
    }
    print("all three", y, mean(logOdds));
  }

  static double[] mean(double[]... v) {
    double[] m = new double[v[0].length];
    for (double[] x : v) {
      for (int i = 0; i < m.length; i++) {
        m[i] += x[i] / v.length;
      }
    }
    return m;
  }

  static void print(String what, int[] y, double[] score) {
    System.out.printf(Locale.ROOT, "%-36s pooled AUC %.4f%n", what, RocAuc.of(y, score));
  }
}
