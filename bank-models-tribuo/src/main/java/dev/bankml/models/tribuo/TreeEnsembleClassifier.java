package dev.bankml.models.tribuo;

import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A Tribuo tree ensemble scored from its {@link FlatTrees}: the random forest and the boosted trees. A
 * subclass keeps what its leaves hold (class weights, margins) by node and combines the leaves a row
 * ends in ({@link #leaf}) the way its library does.
 */
abstract sealed class TreeEnsembleClassifier<M extends Model<Label>> extends TribuoClassifier<M>
    permits ForestClassifier, BoostedClassifier {
  /** The trees, flattened once when the model is loaded or trained. */
  final FlatTrees trees;

  TreeEnsembleClassifier(M model, String algorithm, int cols, FlatTrees trees) {
    super(model, algorithm, cols);
    this.trees = trees;
  }

  /** Number of trees. */
  final int trees() {
    return trees.trees();
  }

  /** The leaf of tree {@code t} that the row at {@code offset} of {@code v} ends in. */
  final int leaf(int t, double[] v, int offset) {
    return trees.leaf(t, v, offset);
  }
}
