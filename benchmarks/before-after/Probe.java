import dev.bankml.data.ProgressListener;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.segment.FittedSegmentation;
import java.nio.file.Path;

/**
 * Answers at full precision, for benchmarks/before-after.sh: {@code loan MODEL BANKDIR} prints
 * every loan's probability of default (Double.toHexString, so equal text means equal bits);
 * {@code segments SEGMENTATION BANKDIR} prints every customer's segment. Loads unsigned and format-1
 * bundles too. The script derives the version for bankml-before.jar (whose load takes no options)
 * by deleting the LoadOptions lines.
 */
public final class Probe {
  public static void main(String[] args) {
    LoadOptions trusting = LoadOptions.defaults().trustingUnsigned();
    Path bundle = Path.of(args[1]);
    Path bank = Path.of(args[2]);
    StringBuilder out = new StringBuilder();
    if (args[0].equals("loan")) {
      for (double p : LoanDefaultModel.load(bundle, trusting)
          .probabilities(LoanApplicationView.read(bank, ProgressListener.NONE))) {
        out.append(Double.toHexString(p)).append('\n');
      }
    } else {
      for (int s : FittedSegmentation.load(bundle, trusting)
          .assign(CustomerBehaviourView.read(bank, ProgressListener.NONE))) {
        out.append(s).append('\n');
      }
    }
    System.out.print(out);
  }
}
