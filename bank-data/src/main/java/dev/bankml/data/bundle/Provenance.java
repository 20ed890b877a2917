package dev.bankml.data.bundle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a saved model came from, the same for every kind of bundle: which bankml wrote it, which
 * backend and algorithm with which hyperparameters and seed fitted it, on what data, how well it
 * did, and when.
 *
 * @param bankmlVersion version of bankml that fitted the model
 * @param backend backend name ({@code tribuo}, {@code smile}, …; {@code bankml} for bankml's own code)
 * @param backendVersion version of the backend's library
 * @param algorithm algorithm name, e.g. {@code logistic}, {@code kmeans}, {@code item-cosine}
 * @param hyperparameters the algorithm's settings: names to strings, numbers or booleans
 * @param seed random seed of the fit
 * @param trainingData what the model was fitted on
 * @param metrics named quality figures measured at fit time (e.g. {@code cv_auc})
 * @param createdAt when the model was fitted, ISO-8601 instant
 */
public record Provenance(String bankmlVersion, String backend, String backendVersion, String algorithm,
    Map<String, Object> hyperparameters, long seed, DataFingerprint trainingData, Map<String, Double> metrics,
    String createdAt) {
  public Provenance {
    for (var e : hyperparameters.entrySet()) {
      Object v = e.getValue();
      if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw new IllegalArgumentException("hyperparameter '" + Names.shown(e.getKey())
            + "' must be a string, number or boolean, got " + (v == null ? "null" : v.getClass().getSimpleName()));
      }
    }
    hyperparameters = Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
