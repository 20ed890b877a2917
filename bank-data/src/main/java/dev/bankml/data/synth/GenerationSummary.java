package dev.bankml.data.synth;

/**
 * What a generation produced and how fast.
 *
 * @param defaultRate the share of loans with {@code defaulted = true}
 * @param meanTruePd the mean true probability of default (what the default-rate target sets)
 * @param seconds wall-clock time of the whole generation
 */
public record GenerationSummary(
    long customers,
    long loans,
    long transactions,
    long holdings,
    double defaultRate,
    double meanTruePd,
    double seconds) {

  /** Customers generated and written per second. */
  public double customersPerSecond() {
    return seconds > 0 ? customers / seconds : 0;
  }

  /** Transactions generated and written per second. */
  public double transactionsPerSecond() {
    return seconds > 0 ? transactions / seconds : 0;
  }
}
