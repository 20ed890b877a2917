package dev.bankml.models.smile;

import dev.bankml.features.FeatureMatrix;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.Clustering;
import dev.bankml.models.spi.Contributions;
import dev.bankml.models.spi.Hyperparameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the legacy (Java-serialised) fixture payloads with the code of the day and records what
 * they predict. Run once, by hand:
 * {@code mvn -pl bank-models-smile -am test -Dtest=LegacyFixtureWriter -Dbankml.writeLegacyFixtures=DIR}.
 */
@EnabledIfSystemProperty(named = "bankml.writeLegacyFixtures", matches = ".+")
class LegacyFixtureWriter {
  private final SmileBackend backend = new SmileBackend();
  private final Path dir = Path.of(System.getProperty("bankml.writeLegacyFixtures", "."));

  @Test
  void writeEveryAlgorithm() throws IOException {
    Files.createDirectories(dir);
    Synthetic.Labelled train = Synthetic.credit(400, 4, 101);
    FeatureMatrix probe = Synthetic.credit(25, 4, 102).x();
    classifier("logistic", Hyperparameters.DEFAULTS, train, probe);
    classifier("random-forest", Hyperparameters.DEFAULTS.with("trees", 20), train, probe);
    classifier("gradient-boosting", Hyperparameters.DEFAULTS.with("trees", 40), train, probe);
    Synthetic.Blobs blobs = Synthetic.blobs(3, 40, 2, 103);
    FeatureMatrix blobProbe = Synthetic.blobs(3, 8, 2, 103).x();
    clustering("kmeans", Hyperparameters.DEFAULTS.with("k", 3), blobs.x(), blobProbe);
    clustering("gmm", Hyperparameters.DEFAULTS.with("k", 3), blobs.x(), blobProbe);
    clustering("gmm-diagonal", Hyperparameters.DEFAULTS.with("k", 3).with("covariance", "diagonal"), blobs.x(), blobProbe);
    clustering("dbscan", Hyperparameters.DEFAULTS, blobs.x(), blobProbe);
  }

  private void classifier(String algorithm, Hyperparameters hp, Synthetic.Labelled train, FeatureMatrix probe)
      throws IOException {
    Classifier c = backend.classifierTrainer(algorithm, hp, 7).fit(train.x(), train.y());
    Files.write(dir.resolve(algorithm + ".payload"), backend.saveClassifier(c));
    List<String> lines = new ArrayList<>();
    lines.add("algorithm " + algorithm);
    lines.add("features " + c.featureCount());
    lines.add("importance " + join(c.featureImportance().orElseThrow()));
    for (int i = 0; i < probe.rows(); i++) {
      double[] row = probe.row(i);
      lines.add("row " + join(row));
      lines.add("probability " + c.probability(row));
      Contributions k = c.contributions(row).orElseThrow();
      lines.add("base " + k.base());
      lines.add("contributions " + join(k.perFeature()));
    }
    Files.write(dir.resolve(algorithm + ".expected"), lines, StandardCharsets.UTF_8);
  }

  private void clustering(String name, Hyperparameters hp, FeatureMatrix x, FeatureMatrix probe) throws IOException {
    String algorithm = name.startsWith("gmm") ? "gmm" : name;
    Clustering c = backend.clustererTrainer(algorithm, hp, 7).fit(x);
    Files.write(dir.resolve(name + ".payload"), backend.saveClustering(c));
    List<String> lines = new ArrayList<>();
    lines.add("algorithm " + algorithm);
    lines.add("k " + c.k());
    lines.add("labels " + join(c.trainingLabels()));
    if (c.bic().isPresent()) {
      lines.add("bic " + c.bic().getAsDouble());
    }
    if (c.centroids().isPresent()) {
      for (double[] centre : c.centroids().get()) {
        lines.add("centroid " + join(centre));
      }
    }
    for (int i = 0; i < probe.rows(); i++) {
      double[] row = probe.row(i);
      lines.add("row " + join(row));
      lines.add("assign " + c.assign(row));
    }
    // A far-away row, noise for DBSCAN.
    lines.add("row " + join(new double[] {500, -500}));
    lines.add("assign " + c.assign(new double[] {500, -500}));
    Files.write(dir.resolve(name + ".expected"), lines, StandardCharsets.UTF_8);
  }

  private static String join(double[] v) {
    return DoubleStream.of(v).mapToObj(Double::toString).collect(Collectors.joining(" "));
  }

  private static String join(int[] v) {
    return IntStream.of(v).mapToObj(Integer::toString).collect(Collectors.joining(" "));
  }
}
