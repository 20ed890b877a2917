package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml segment}: Segments customers by behaviour. */
@Command(name = "segment", mixinStandardHelpOptions = true, description = "Segments customers by behaviour. (not yet available in this build)")
final class SegmentCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml segment' is not yet available in this build");
  }
}
