import dev.bankml.data.ProgressListener;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.*;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.metrics.RocAuc;
import dev.bankml.models.spi.*;
import dev.bankml.models.split.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * Mean and pooled 5-fold cross-validated AUC and training seconds of one backend algorithm under
 * several hyperparameter settings, on the loan-application view of a bank directory or on a CSV file
 * (target column from the environment's TARGET, positive value from POSITIVE). The feature pipeline
 * (defaults) is fitted inside each fold once; every setting is trained on the same folds (seed SEED,
 * default 42).
 *
 * <p>Usage: {@code java -cp bankml.jar CvSettings.java BANKDIR|FILE.csv BACKEND ALGORITHM SETTING...}, where a
 * SETTING is {@code name=value,name=value} ({@code ""} = defaults). See cv-settings.sh.
 */
public class CvSettings {
  public static void main(String[] a) {
    Path data = Path.of(a[0]);
    boolean csv = Files.isRegularFile(data);
    String target = csv ? System.getenv("TARGET") : "defaulted";
    Table t = csv ? CsvTableReader.defaults().read(data) : LoanApplicationView.read(data, ProgressListener.NONE);
    String positive = System.getenv("POSITIVE");
    int[] y = (positive == null || positive.isBlank() ? BinaryTarget.of(target) : BinaryTarget.of(target, positive)).labels(t);
    t = t.without(target);
    long seed = Long.parseLong(Optional.ofNullable(System.getenv("SEED")).orElse("42"));
    List<Split> splits = StratifiedSplit.kFold(y, 5, seed);
    List<FeatureMatrix[]> folds = new ArrayList<>();
    for (Split s : splits) {
      FittedPipeline p = FeaturePipeline.defaults().fit(t.selectRows(s.train()));
      folds.add(new FeatureMatrix[] {p.transform(t.selectRows(s.train())), p.transform(t.selectRows(s.test()))});
    }
    System.out.println("rows " + y.length + " features " + folds.get(0)[0].cols());
    ModelBackend b = Backends.named(a[1]);
    for (int k = 3; k < a.length; k++) {
      Hyperparameters h = Hyperparameters.DEFAULTS;
      if (!a[k].isBlank()) {
        for (String kv : a[k].split(",")) {
          String[] p = kv.split("=");
          h = h.with(p[0], p[1]);
        }
      }
      double sum = 0;
      double[] pooled = new double[y.length];
      long t0 = System.nanoTime();
      StringBuilder each = new StringBuilder();
      for (int f = 0; f < splits.size(); f++) {
        int[] tr = splits.get(f).train(), te = splits.get(f).test();
        int[] ytr = new int[tr.length], yte = new int[te.length];
        for (int i = 0; i < tr.length; i++) {
          ytr[i] = y[tr[i]];
        }
        for (int i = 0; i < te.length; i++) {
          yte[i] = y[te[i]];
        }
        Classifier c = b.classifierTrainer(a[2], h, 42).fit(folds.get(f)[0], ytr);
        double[] p = c.probabilities(folds.get(f)[1]);
        for (int i = 0; i < te.length; i++) {
          pooled[te[i]] = p[i];
        }
        double auc = RocAuc.of(yte, p);
        sum += auc;
        each.append(String.format(Locale.ROOT, " %.4f", auc));
      }
      System.out.printf(Locale.ROOT, "%s %s [%s] mean AUC %.4f  pooled %.4f  %.1f s  folds%s%n", a[1], a[2], a[k],
          sum / splits.size(), RocAuc.of(y, pooled), (System.nanoTime() - t0) / 1e9, each);
    }
  }
}
