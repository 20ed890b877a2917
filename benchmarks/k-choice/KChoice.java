import dev.bankml.data.ProgressListener;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.table.Column;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.models.metrics.AdjustedRandIndex;
import dev.bankml.models.segment.CustomerSegmentation;
import dev.bankml.models.segment.FittedSegmentation;
import dev.bankml.models.segment.KCandidate;
import dev.bankml.models.segment.KVote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does {@code --k auto} find the hidden personas? For each seed: a generated bank of CUSTOMERS customers
 * (kept in WORKDIR), its customer-behaviour view, k-means with k chosen from 2…10 by the library's
 * rule on each backend (CLI defaults, no stability refits), and the adjusted Rand index of the
 * segments against the personas. Prints one line per seed and backend, then every candidate.
 *
 *   java -cp CLASSPATH benchmarks/k-choice/KChoice.java WORKDIR CUSTOMERS SEED...
 */
public class KChoice {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int customers = Integer.parseInt(args[1]);
    System.out.println("seed | backend | personas | k chosen | ARI | votes | prediction strength k=2..10 | seconds");
    for (int a = 2; a < args.length; a++) {
      long seed = Long.parseLong(args[a]);
      Path bank = work.resolve("bank-" + customers + "-seed" + seed);
      if (!Files.isRegularFile(bank.resolve("loans.csv"))) {
        SyntheticBank.builder().customers(customers).seed(seed).build().generate(bank, ProgressListener.NONE);
      }
      Table view = CustomerBehaviourView.read(bank, ProgressListener.NONE);
      Table truth = CsvTableReader.defaults().read(bank.resolve("truth").resolve("customer_persona.csv"));
      Map<String, String> persona = new HashMap<>();
      Column tid = truth.column("customer_id");
      Column tp = truth.column("persona");
      for (int i = 0; i < truth.rows(); i++) {
        persona.put(tid.text(i), tp.text(i));
      }
      for (String backend : List.of("smile", "tribuo")) {
        long t0 = System.nanoTime();
        FittedSegmentation f = CustomerSegmentation.builder().backend(backend).algorithm("kmeans").kRange(2, 10)
            .stabilityRuns(0).build().fit(view);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> ids = f.trainingIds();
        Map<String, Integer> code = new HashMap<>();
        int[] truthLabels = new int[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
          truthLabels[i] = code.computeIfAbsent(persona.get(ids.get(i)), p -> code.size());
        }
        double ari = AdjustedRandIndex.of(f.trainingLabels(), truthLabels);
        StringBuilder votes = new StringBuilder();
        for (KVote v : f.kSelection().votes()) {
          votes.append(votes.length() == 0 ? "" : " / ").append(v.k());
        }
        StringBuilder ps = new StringBuilder();
        for (KCandidate c : f.kSelection().candidates()) {
          ps.append(ps.length() == 0 ? "" : " ").append(c.predictionStrength().isPresent()
              ? String.format(Locale.ROOT, "%.2f", c.predictionStrength().getAsDouble()) : "-");
        }
        System.out.printf(Locale.ROOT, "%d | %s | %d | %d | %.3f | %s | %s | %.0f%n", seed, backend, code.size(),
            f.kSelection().chosen(), ari, votes, ps, seconds);
        for (KCandidate c : f.kSelection().candidates()) {
          System.out.printf(Locale.ROOT, "    k=%d inertia=%.0f silhouette=%.4f db=%.4f ch=%.1f%n", c.k(), c.inertia(),
              c.silhouette(), c.daviesBouldin(), c.calinskiHarabasz());
        }
        System.out.flush();
      }
    }
  }
}
