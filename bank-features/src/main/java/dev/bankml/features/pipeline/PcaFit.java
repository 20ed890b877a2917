package dev.bankml.features.pipeline;

import dev.bankml.features.table.Column;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted PCA (see {@link Pca}): output {@code outputs[c]} of a row is
 * {@code Σ_j (x_j − mean[j]) · components[c][j]} over the {@code inputs}, which it replaces.
 * {@code explainedVariance[c]} is the share of the inputs' total variance that component explains.
 * The arrays are never modified after fitting.
 */
public record PcaFit(
    List<String> inputs, double[] mean, double[][] components, double[] explainedVariance, List<String> outputs)
    implements FittedStep {
  /** Copies the lists and checks the shapes agree. */
  public PcaFit {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (mean.length != inputs.size() || components.length != outputs.size()
        || explainedVariance.length != outputs.size()) {
      throw new IllegalArgumentException("PCA of " + inputs.size() + " inputs to " + outputs.size() + " outputs has "
          + mean.length + " means, " + components.length + " components and " + explainedVariance.length + " shares");
    }
    for (double[] u : components) {
      if (u.length != inputs.size()) {
        throw new IllegalArgumentException("a PCA component has " + u.length + " loadings for " + inputs.size() + " inputs");
      }
    }
  }

  @Override
  public Table transform(Table t) {
    int d = inputs.size();
    double[][] in = new double[d][];
    for (int j = 0; j < d; j++) {
      in[j] = Work.numbers(t, inputs.get(j));
    }
    List<Column> added = new ArrayList<>();
    for (int c = 0; c < components.length; c++) {
      double[] u = components[c];
      double[] out = new double[t.rows()];
      for (int i = 0; i < out.length; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (in[j][i] - mean[j]) * u[j];
        }
        out[i] = s;
      }
      added.add(NumericColumn.wrap(outputs.get(c), out));
    }
    return t.without(inputs.toArray(String[]::new)).with(added);
  }

  /** The projection of one row of input values (in {@link #inputs()} order). */
  public double[] project(double[] row) {
    double[] out = new double[components.length];
    for (int c = 0; c < components.length; c++) {
      double s = 0;
      for (int j = 0; j < row.length; j++) {
        s += (row[j] - mean[j]) * components[c][j];
      }
      out[c] = s;
    }
    return out;
  }

  @Override
  public Map<String, String> created() {
    Map<String, String> m = new LinkedHashMap<>();
    // a component mixes every input: it is its own source
    outputs.forEach(o -> m.put(o, o));
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PcaFit p && p.inputs.equals(inputs) && p.outputs.equals(outputs)
        && java.util.Arrays.equals(p.mean, mean) && java.util.Arrays.deepEquals(p.components, components)
        && java.util.Arrays.equals(p.explainedVariance, explainedVariance);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(inputs, outputs, java.util.Arrays.hashCode(mean),
        java.util.Arrays.deepHashCode(components));
  }

  @Override
  public String toString() {
    return "PcaFit[" + inputs.size() + " inputs -> " + outputs + "]";
  }
}
