package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the table a command is given: a CSV file, or the loan-application view of a bank directory. */
final class InputFiles {
  private InputFiles() {}

  /**
   * The table in {@code path}, given with option {@code flag} (named in errors): a bank directory's
   * loan-application view, or a CSV file; anything else is refused saying what it is.
   */
  static Table table(Path path, String flag, boolean quiet) {
    if (Files.isDirectory(path)) {
      return EvaluateCommand.BankDirectory.loanApplications(path, quiet);
    }
    if (!Files.exists(path)) {
      throw new BankmlException(flag + " " + path + " does not exist; give a CSV file or a bank directory");
    }
    if (!Files.isRegularFile(path)) {
      throw new BankmlException(flag + " " + path + " is not a regular file (a device, pipe or socket); give a CSV file"
          + " or a bank directory");
    }
    Table t = CsvTableReader.defaults().read(path, Progress.create(quiet));
    if (!quiet) {
      System.err.println();
    }
    return t;
  }
}
