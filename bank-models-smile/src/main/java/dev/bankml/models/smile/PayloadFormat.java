package dev.bankml.models.smile;

import dev.bankml.models.spi.Task;
import java.nio.charset.StandardCharsets;

/**
 * The Smile backend's payload formats. A payload starts with the ASCII header
 * {@code BANKML-SMILE-<version>\n}:
 *
 * <ul>
 *   <li>version 2 (written today): bankml's own data format. After the header, big-endian fields:
 *       the algorithm name (Java modified UTF-8 with a 2-byte length), then the algorithm's plain
 *       data: coefficients, flat tree node arrays, centroids, mixture parameters, core points.
 *       Nothing is deserialised; every count is checked against the remaining bytes before
 *       anything is allocated, and nothing may follow the model.
 *   <li>version 1 (read only): Java serialisation, written before issue 15. Read by
 *       {@link LegacyPayload} through a strict filter and converted to the version-2 models.
 * </ul>
 *
 * Any other version is refused with a message saying which versions this code reads.
 */
final class PayloadFormat {
  static final String PREFIX = "BANKML-SMILE-";
  static final int LEGACY = 1;
  static final int CURRENT = 2;
  static final byte[] HEADER = (PREFIX + CURRENT + "\n").getBytes(StandardCharsets.US_ASCII);

  /** Limits a payload must respect (they bound what a reader allocates and computes). */
  static final int MAX_FEATURES = 1_000_000;
  static final int MAX_TREES = 100_000;
  /**
   * Deepest tree accepted, in levels below the root; {@code max_depth} is capped at it for training.
   * It bounds TreeSHAP's work per leaf (which grows with the square of the depth) and its recursion.
   */
  static final int MAX_TREE_DEPTH = 64;
  static final int MAX_CLUSTERS = 100_000;
  /** A Gaussian mixture's dimension bound: loading factorises one covariance per component. */
  static final int MAX_MIXTURE_DIMENSION = 2_048;
  static final int MAX_ALGORITHM_NAME = 32;

  private PayloadFormat() {}

  static byte[] write(StoredModel model) {
    PayloadWriter out = new PayloadWriter().header(HEADER).text(model.algorithm());
    model.write(out);
    return out.toByteArray();
  }

  /**
   * The model in {@code payload}, which must be of {@code task}; {@code what} names the payload in
   * messages ("classifier payload").
   */
  static Object read(byte[] payload, Task task, String what) {
    int headerLength = headerLength(payload, what);
    int version = Integer.parseInt(new String(payload, PREFIX.length(), headerLength - PREFIX.length() - 1,
        StandardCharsets.US_ASCII));
    return switch (version) {
      case LEGACY -> LegacyPayload.read(payload, headerLength, what);
      case CURRENT -> readCurrent(new PayloadReader(payload, headerLength, what), task);
      default -> throw new PayloadException(
          "the " + what + " is in Smile model format " + version + ", which this version of bankml cannot read"
              + " (it reads formats " + LEGACY + " and " + CURRENT + "); it was written by a newer bankml");
    };
  }

  /** Length of a valid {@code BANKML-SMILE-<digits>\n} header (at most 6 digits), or a refusal. */
  private static int headerLength(byte[] payload, String what) {
    byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
    int i = 0;
    while (i < prefix.length && i < payload.length && payload[i] == prefix[i]) {
      i++;
    }
    int digits = 0;
    if (i == prefix.length) {
      while (i < payload.length && digits < 7 && payload[i] >= '0' && payload[i] <= '9') {
        i++;
        digits++;
      }
    }
    if (i == prefix.length + digits && digits > 0 && digits <= 6 && i < payload.length && payload[i] == '\n') {
      return i + 1;
    }
    throw new PayloadException(
        "the " + what + " is not a Smile model written by bankml (its header is missing or wrong); the file is"
            + " corrupt or was written by another backend");
  }

  private static StoredModel readCurrent(PayloadReader in, Task task) {
    String algorithm = in.word("the algorithm name", MAX_ALGORITHM_NAME);
    Task declared = SmileAlgorithms.find(algorithm).map(a -> a.task()).orElseThrow(() -> in.corrupt(
        "it names the algorithm '" + algorithm + "'; valid algorithms are " + SmileAlgorithms.names(Task.CLASSIFICATION)
            + ", " + SmileAlgorithms.names(Task.CLUSTERING)));
    if (declared != task) {
      throw new PayloadException("the payload holds a " + algorithm + " " + noun(declared) + ", not a "
          + noun(task));
    }
    StoredModel model = switch (algorithm) {
      case "logistic" -> LogisticModel.read(in);
      case "random-forest" -> ForestModel.read(in);
      case "gradient-boosting" -> BoostingModel.read(in);
      case "kmeans" -> KMeansModel.read(in);
      case "gmm" -> GaussianMixtureModel.read(in);
      case "dbscan" -> DbscanModel.read(in);
      default -> throw in.corrupt("the algorithm '" + algorithm + "' has no stored form");
    };
    in.end();
    return model;
  }

  static String noun(Task task) {
    return task == Task.CLASSIFICATION ? "classifier" : "clustering";
  }
}
