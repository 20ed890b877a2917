package dev.bankml.models.segment;

/**
 * Training customers on the first two principal components, for the segment scatter plot: a
 * seeded sample (at most {@link CustomerSegmentation#PLOT_POINTS} points) with each point's segment
 * ({@code -1} for noise), and the share of variance each axis explains.
 */
public record ScatterSample(double[] pc1, double[] pc2, int[] segment, double pc1Variance, double pc2Variance) {}
