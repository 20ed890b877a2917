package dev.bankml.data.synth;

import java.util.SplittableRandom;

/** Random draws the generator needs, on a seeded {@link SplittableRandom}. */
final class Draw {
  private final SplittableRandom rng;

  Draw(SplittableRandom rng) {
    this.rng = rng;
  }

  /** A generator for item {@code index} of stream {@code stream} under {@code seed}, independent of the others. */
  static Draw forItem(long seed, long stream, long index) {
    return new Draw(new SplittableRandom(mix(mix(seed) ^ mix(stream * 0x9E3779B97F4A7C15L + 1) ^ index)));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return rng.nextDouble();
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  int integer(int lo, int hiInclusive) {
    return lo + rng.nextInt(hiInclusive - lo + 1);
  }

  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  double gaussian() {
    return rng.nextGaussian();
  }

  /** Log-normal with the given median and log-scale sigma. */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * rng.nextGaussian());
  }

  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }
    double l = Math.exp(-mean);
    int k = 0;
    double p = rng.nextDouble();
    while (p > l) {
      k++;
      p *= rng.nextDouble();
    }
    return k;
  }

  /** Index drawn with probability proportional to {@code weights}. */
  int categorical(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Cumulative-sum form of {@link #categorical} for repeated draws from the same weights. */
  static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i];
      c[i] = s;
    }
    return c;
  }

  int fromCumulative(double[] cumulative) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    // the first index whose cumulative weight exceeds u (the last if none does), by bisection
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** A Dirichlet draw centred on {@code mean} (which sums to 1) with concentration {@code alpha}. */
  double[] dirichlet(double[] mean, double alpha) {
    double[] x = new double[mean.length];
    double s = 0;
    for (int i = 0; i < mean.length; i++) {
      x[i] = mean[i] <= 0 ? 0 : gamma(mean[i] * alpha);
      s += x[i];
    }
    for (int i = 0; i < x.length; i++) {
      x[i] /= s;
    }
    return x;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang. */
  double gamma(double shape) {
    if (shape < 1) {
      return gamma(shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  <T> T pick(T[] options, double[] weights) {
    return options[categorical(weights)];
  }
}
