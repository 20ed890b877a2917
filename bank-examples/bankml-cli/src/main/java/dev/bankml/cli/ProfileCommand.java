package dev.bankml.cli;

import dev.bankml.data.BankmlException;
import dev.bankml.features.profile.Profile;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml profile}: what is in a CSV file (EDA) as text or JSON. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = {
      "Profiles any CSV file: per column its type, counts, missing and distinct values, quantiles, top levels,",
      "the target rate per level or quantile bin, correlations among numerics, and warnings."
    })
final class ProfileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "The CSV file (UTF-8, header row).")
  Path data;

  @Option(names = "--target", paramLabel = "COL",
      description = "A binary outcome column (boolean, 0/1 or two values) to show the rate of per level and bin.")
  String target;

  @Option(names = "--positive", paramLabel = "VALUE",
      description = "The target value that counts as 1 (default: true, 1, or the one value reading as yes/bad/default).")
  String positive;

  @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",", description = "Field delimiter (default: ${DEFAULT-VALUE}); 'tab' or \\t for tabs.")
  String delimiter;

  @Option(names = "--missing", paramLabel = "TOKENS",
      description = "Comma-separated tokens that mean missing (default: empty, NA, N/A, NaN, nan, null, NULL, ?).")
  String missing;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    CsvTableReader.Builder b = CsvTableReader.builder().delimiter(delimiterChar());
    if (missing != null) {
      b.missing(Arrays.stream(missing.split(",", -1)).map(String::trim).toArray(String[]::new));
    }
    Table table = b.build().read(data, Progress.create(output.silent()));
    if (!output.silent()) {
      System.err.println();
    }
    if (target == null && positive != null) {
      throw new BankmlException("--positive needs --target");
    }
    Profile p = target == null ? Profile.of(table)
        : Profile.of(table, new BinaryTarget(target, Optional.ofNullable(positive)));
    spec.commandLine().getOut().print(output.json ? p.toJson() + System.lineSeparator() : p.toText());
    spec.commandLine().getOut().flush();
    return 0;
  }

  private char delimiterChar() {
    if ("tab".equalsIgnoreCase(delimiter) || "\\t".equals(delimiter)) {
      return '\t';
    }
    if (delimiter.length() != 1) {
      throw new BankmlException("--delimiter must be one character (or 'tab'), was '" + delimiter + "'");
    }
    return delimiter.charAt(0);
  }
}
