package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml bench}: Runs the JMH benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs the JMH benchmarks. (not yet available in this build)")
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml bench' is not yet available in this build");
  }
}
