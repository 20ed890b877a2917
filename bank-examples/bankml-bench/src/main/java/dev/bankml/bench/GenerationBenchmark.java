package dev.bankml.bench;

import dev.bankml.data.synth.CsvBlock;
import dev.bankml.data.synth.SyntheticBank;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The synthetic bank's generator per customer on one thread: simulating a customer (attributes, a
 * year of about 260 transactions, loans, holdings, truth) and rendering all its rows as the CSV bytes
 * {@code bankml generate} writes, in blocks of 500 customers as {@code generate} hands them to its
 * threads. Writing the files is not included. Customers are taken in order through a bank of ten
 * million, so no customer is rendered twice in a run. Run with
 * {@code ./bankml bench GenerationBenchmark} (add {@code --threads 2} for both cores).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GenerationBenchmark {
  private static final int BLOCK = 500;
  private static final int CUSTOMERS = 9_999_999;

  private SyntheticBank bank;
  private int next;

  /** Calibrates the default model once (on the bank's first 5,000 customers), outside every measurement. */
  @Setup(Level.Trial)
  public void setUp() {
    bank = SyntheticBank.builder().customers(CUSTOMERS).seed(1).build().calibrated();
  }

  /** Simulating and rendering one customer's rows in every table (reported per customer). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(BLOCK)
  public CsvBlock renderCustomer() {
    int from = next;
    next = from + BLOCK >= CUSTOMERS - BLOCK ? 0 : from + BLOCK;
    return bank.render(from, from + BLOCK);
  }
}
