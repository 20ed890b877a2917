package dev.bankml.models.bundle;

import dev.bankml.features.pipeline.InputField;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The readable description stored in a model bundle: format and library versions, how the model
 * was trained (backend, algorithm, hyperparameters, seed), what it predicts (target, positive
 * value, decision threshold), what it needs as input, what data it came from, how well it did, and
 * when it was made. {@code extensions} holds further named settings (threshold policy, score
 * scaling, calibration) that later features add without changing the format.
 */
public record BundleManifest(
    int formatVersion,
    String bankmlVersion,
    String backend,
    String backendVersion,
    String algorithm,
    Map<String, Object> hyperparameters,
    long seed,
    String target,
    String positiveLabel,
    double threshold,
    List<InputField> inputSchema,
    DataFingerprint trainingData,
    Map<String, Double> metrics,
    String createdAt,
    Map<String, Object> extensions) {
  public BundleManifest {
    hyperparameters = Map.copyOf(new TreeMap<>(hyperparameters));
    inputSchema = List.copyOf(inputSchema);
    metrics = Map.copyOf(metrics);
    extensions = Map.copyOf(extensions);
  }
}
