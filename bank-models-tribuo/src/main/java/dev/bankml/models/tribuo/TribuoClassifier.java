package dev.bankml.models.tribuo;

import dev.bankml.models.spi.Classifier;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** A classifier backed by a Tribuo model, which is what gets persisted. */
sealed interface TribuoClassifier extends Classifier
    permits LinearClassifier, ForestClassifier, BoostedClassifier {
  /** The underlying Tribuo model (immutable; serialised with Tribuo's protobuf format). */
  Model<Label> model();
}
