package dev.bankml.models.smile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Hyperparameters;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random damage to valid payloads of every algorithm, in both formats (flipped bytes, ints
 * overwritten with extreme values, cuts, inserted and deleted bytes): loading either gives a working
 * model or a {@link PayloadException}, never another exception, within 2 s. Runs with the small
 * heap of the hostile tests.
 */
class HostilePayloadMutationTest {
  private static final SmileBackend BACKEND = new SmileBackend();
  private static final List<byte[]> CLASSIFIERS;
  private static final List<byte[]> CLUSTERINGS;

  static {
    var d = Synthetic.credit(300, 4, 41);
    var blobs = Synthetic.blobs(3, 30, 2, 42);
    CLASSIFIERS = List.of(
        BACKEND.saveClassifier(BACKEND.classifierTrainer("logistic", Hyperparameters.DEFAULTS, 1).fit(d.x(), d.y())),
        BACKEND.saveClassifier(BACKEND.classifierTrainer("random-forest", Hyperparameters.DEFAULTS.with("trees", 5), 1)
            .fit(d.x(), d.y())),
        BACKEND.saveClassifier(BACKEND.classifierTrainer("gradient-boosting",
            Hyperparameters.DEFAULTS.with("trees", 10), 1).fit(d.x(), d.y())),
        LegacyPayloadTest.resource("logistic.payload"),
        LegacyPayloadTest.resource("gradient-boosting.payload"));
    CLUSTERINGS = List.of(
        BACKEND.saveClustering(BACKEND.clusteringTrainer("kmeans", Hyperparameters.DEFAULTS.with("k", 3), 1).fit(blobs.x())),
        BACKEND.saveClustering(BACKEND.clusteringTrainer("gmm", Hyperparameters.DEFAULTS.with("k", 3), 1).fit(blobs.x())),
        BACKEND.saveClustering(BACKEND.clusteringTrainer("dbscan", Hyperparameters.DEFAULTS, 1).fit(blobs.x())),
        LegacyPayloadTest.resource("kmeans.payload"),
        LegacyPayloadTest.resource("gmm.payload"),
        LegacyPayloadTest.resource("dbscan.payload"));
  }

  @Property(tries = 400)
  void aDamagedClassifierPayloadLoadsOrIsRefused(@ForAll @IntRange(min = 0, max = 4) int which, @ForAll long seed) {
    byte[] payload = mutate(CLASSIFIERS.get(which), new Random(seed));
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      Classifier c;
      try {
        c = BACKEND.loadClassifier(payload);
      } catch (PayloadException refused) {
        return;
      }
      double[] row = new double[c.featureCount()];
      c.probability(row);
      c.contributions(row);
    });
  }

  @Property(tries = 400)
  void aDamagedClusteringPayloadLoadsOrIsRefused(@ForAll @IntRange(min = 0, max = 5) int which, @ForAll long seed) {
    byte[] payload = mutate(CLUSTERINGS.get(which), new Random(seed));
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      Clustering c;
      try {
        c = BACKEND.loadClustering(payload);
      } catch (PayloadException refused) {
        return;
      }
      c.trainingLabels();
      c.centroids();
      // The row width is not known from the API; a wrong width is a BankmlException, not a crash.
      for (int p = 1; p <= 4; p++) {
        try {
          c.assign(new double[p]);
        } catch (dev.bankml.data.BankmlException wrongWidth) {
          // expected for every width but the model's
        }
      }
    });
  }

  /** One to three random damages of the payload body (the header is damaged too, sometimes). */
  static byte[] mutate(byte[] original, Random r) {
    byte[] p = original.clone();
    int damages = 1 + r.nextInt(3);
    for (int i = 0; i < damages && p.length > 0; i++) {
      int at = r.nextInt(p.length);
      switch (r.nextInt(6)) {
        case 0 -> p[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> p[at] = (byte) r.nextInt(256);
        case 2 -> {
          if (at + 4 <= p.length) {
            int[] extremes = {-1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, r.nextInt()};
            ByteBuffer.wrap(p, at, 4).putInt(extremes[r.nextInt(extremes.length)]);
          }
        }
        case 3 -> p = Arrays.copyOf(p, at);
        case 4 -> {
          byte[] q = new byte[p.length + 1];
          System.arraycopy(p, 0, q, 0, at);
          q[at] = (byte) r.nextInt(256);
          System.arraycopy(p, at, q, at + 1, p.length - at);
          p = q;
        }
        default -> {
          byte[] q = new byte[p.length - 1];
          System.arraycopy(p, 0, q, 0, at);
          System.arraycopy(p, at + 1, q, at, p.length - at - 1);
          p = q;
        }
      }
    }
    return p;
  }
}
