package dev.bankml.models.loan;

import dev.bankml.data.BankmlException;
import dev.bankml.data.bundle.Bundle;
import dev.bankml.data.bundle.BundleException;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.BundleKind;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.Provenance;
import dev.bankml.features.dictionary.DataDictionary;
import dev.bankml.features.pipeline.FittedPipeline;
import dev.bankml.models.calibrate.Calibrator;
import dev.bankml.models.schema.InputSchema;
import dev.bankml.models.spi.Backends;
import dev.bankml.models.spi.Classifier;
import dev.bankml.models.spi.ModelBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loan model as a {@link Bundle} of kind {@code loan-model}: the manifest holds the provenance
 * and {@link LoanSettings}; part {@code model.bin} is the backend's payload, {@code pipeline.json}
 * the fitted feature pipeline, {@code input-schema.json} the input schema, {@code data-dictionary.json} what the inputs mean. Files of format 1 (older bankml) are read through
 * {@link LegacyLoanManifest}.
 */
final class LoanBundle {
  static final String MODEL_PART = "model.bin";
  static final String PIPELINE_PART = "pipeline.json";
  /** The input schema every entry point validates with; format-1 bundles, written before it existed, derive one. */
  static final String SCHEMA_PART = "input-schema.json";
  /** What the model's input columns mean (labels, units, descriptions); absent in bundles written before it existed. */
  static final String DICTIONARY_PART = "data-dictionary.json";

  private LoanBundle() {}

  /** What a loaded bundle gives back. */
  record Contents(Provenance provenance, LoanSettings settings, FittedPipeline pipeline, InputSchema schema,
      Classifier classifier, Optional<Calibrator> calibrator, DataDictionary dictionary) {}

  static void write(Path path, BundleKeys keys, Provenance provenance, LoanSettings settings, FittedPipeline pipeline,
      InputSchema schema, Classifier classifier, DataDictionary dictionary) {
    ModelBackend backend = Backends.named(provenance.backend());
    Bundle.of(BundleKind.LOAN_MODEL, provenance, settings, Map.of(
        MODEL_PART, backend.saveClassifier(classifier),
        PIPELINE_PART, pipeline.toJson().getBytes(StandardCharsets.UTF_8),
        SCHEMA_PART, schema.toJson().getBytes(StandardCharsets.UTF_8),
        DICTIONARY_PART, Bundle.json(dictionary.toManifest()))).write(path, keys);
  }

  static Contents read(Path path, LoadOptions options) {
    Bundle bundle = Bundle.read(path, BundleKind.LOAN_MODEL, options);
    Provenance provenance;
    LoanSettings settings;
    if (bundle.isLegacy()) {
      LegacyLoanManifest legacy = bundle.manifest(LegacyLoanManifest.class);
      provenance = legacy.provenance();
      settings = legacy.settings(bundle);
    } else {
      provenance = bundle.provenance();
      settings = bundle.manifest(LoanSettings.class);
    }
    Optional<Calibrator> calibrator;
    try {
      calibrator = settings.calibration().calibrator();
    } catch (BankmlException e) {
      throw bundle.refused(Bundle.MANIFEST, "calibration: " + e.getMessage());
    }
    ModelBackend backend = Backends.named(provenance.backend());
    FittedPipeline pipeline;
    try {
      pipeline = FittedPipeline.fromJson(new String(bundle.part(PIPELINE_PART), StandardCharsets.UTF_8));
    } catch (BundleException e) {
      throw e;
    } catch (RuntimeException e) {
      throw bundle.refused(PIPELINE_PART, "the fitted pipeline cannot be read (" + e.getMessage() + ")");
    }
    Classifier classifier;
    try {
      classifier = backend.loadClassifier(bundle.part(MODEL_PART));
    } catch (BundleException e) {
      throw e;
    } catch (RuntimeException e) {
      throw bundle.refused(MODEL_PART, "the " + provenance.backend() + " payload cannot be read (" + e.getMessage() + ")");
    }
    if (settings.explainerBaseline().size() != pipeline.featureNames().size()) {
      throw bundle.refused(Bundle.MANIFEST, "explainer_baseline has " + settings.explainerBaseline().size()
          + " values but the pipeline makes " + pipeline.featureNames().size() + " features");
    }
    if (classifier.featureCount() != pipeline.featureNames().size()) {
      throw bundle.refused(MODEL_PART, "the classifier expects " + classifier.featureCount()
          + " features but the pipeline makes " + pipeline.featureNames().size());
    }
    InputSchema schema;
    if (bundle.isLegacy()) {
      schema = legacySchema(pipeline, settings);
    } else {
      try {
        schema = InputSchema.fromJson(new String(bundle.part(SCHEMA_PART), StandardCharsets.UTF_8));
      } catch (BundleException e) {
        throw e;
      } catch (RuntimeException e) {
        throw bundle.refused(SCHEMA_PART, "the input schema cannot be read (" + e.getMessage() + ")");
      }
    }
    DataDictionary dictionary = DataDictionary.empty();
    if (bundle.partNames().contains(DICTIONARY_PART)) {
      try {
        dictionary = DataDictionary.fromManifest(bundle.jsonPart(DICTIONARY_PART, List.class));
      } catch (BundleException e) {
        throw e;
      } catch (RuntimeException e) {
        throw bundle.refused(DICTIONARY_PART, "the data dictionary cannot be read (" + e.getMessage() + ")");
      }
    }
    return new Contents(provenance, settings, pipeline, schema, classifier, calibrator, dictionary);
  }

  /**
   * The schema of a bundle written before bundles carried one: the pipeline's inputs (their training
   * ranges, levels and blank shares were recorded), and as other columns the id columns and the
   * target; the training data's other columns were not recorded, so further columns are accepted
   * unless their names look like misspellings of the model's.
   */
  private static InputSchema legacySchema(FittedPipeline pipeline, LoanSettings settings) {
    List<String> others = new ArrayList<>(settings.idColumns());
    others.add(settings.target());
    return InputSchema.fromPipelineInputs(pipeline.inputSchema(), others).withOtherColumnsUnknown();
  }
}
