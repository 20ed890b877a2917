package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bankml train}: Trains a loan-default model and writes a model bundle. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Trains a loan-default model and writes a model bundle. (not yet available in this build)")
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BankmlException("'bankml train' is not yet available in this build");
  }
}
