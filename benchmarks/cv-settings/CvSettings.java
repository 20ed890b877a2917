import dev.bankml.data.ProgressListener;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.FeaturePipeline;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.features.table.*;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.metrics.RocAuc;
import dev.bankml.models.spi.*;
import dev.bankml.models.split.*;
import java.nio.file.Path;
import java.util.*;

/**
 * Mean 5-fold cross-validated AUC and training seconds of one backend algorithm under several
 * hyperparameter settings, on the loan-application view of a bank directory. The feature pipeline
 * (defaults) is fitted inside each fold once; every setting is trained on the same folds (seed 42).
 *
 * <p>Usage: {@code java -cp bankml.jar CvSettings.java BANKDIR BACKEND ALGORITHM SETTING...}, where a
 * SETTING is {@code name=value,name=value} ({@code ""} = defaults). See cv-settings.sh.
 */
public class CvSettings {
  public static void main(String[] a) {
    Table t = LoanApplicationView.read(Path.of(a[0]), ProgressListener.NONE);
    Column target = t.column("defaulted");
    int[] y = new int[t.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = target instanceof BooleanColumn b ? (b.state(i) == 1 ? 1 : 0) : (int) ((NumericColumn) target).get(i);
    }
    List<Split> splits = StratifiedSplit.kFold(y, 5, 42);
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
        double auc = RocAuc.of(yte, c.probabilities(folds.get(f)[1]));
        sum += auc;
        each.append(String.format(Locale.ROOT, " %.4f", auc));
      }
      System.out.printf(Locale.ROOT, "%s %s [%s] mean AUC %.4f  %.1f s  folds%s%n", a[1], a[2], a[k], sum / splits.size(), (System.nanoTime() - t0) / 1e9, each);
    }
  }
}
