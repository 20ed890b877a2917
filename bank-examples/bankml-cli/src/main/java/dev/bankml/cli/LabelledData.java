package dev.bankml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The data a loan model is trained or evaluated on, its outcome and the columns that are not features:
 * {@code --data}, {@code --target}, {@code --positive}, {@code --id-column}, {@code --exclude}, declared once
 * for {@code train}, {@code evaluate} and {@code report}. The target is read by the library's one label rule
 * ({@code BinaryTarget}).
 */
final class LabelledData {
  @Option(names = "--data", required = true, paramLabel = "FILE.csv|BANKDIR",
      description = "A CSV file with a header row, or a bank directory written by 'bankml generate' (then the"
          + " loan-application view is used and the target is 'defaulted').")
  Path data;

  @Option(names = "--target", paramLabel = "COL", defaultValue = "defaulted",
      description = "Target column (default: ${DEFAULT-VALUE}); boolean, 0/1 or categorical.")
  String target;

  @Option(names = "--positive", paramLabel = "VALUE",
      description = "The target value that means default (e.g. bad, yes, 1); needed for categorical targets.")
  String positive;

  @Option(names = "--id-column", paramLabel = "COL",
      description = "Identifier column(s), never features (repeatable; loan_id for a bank directory).")
  List<String> idColumns = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "COL", description = "Column(s) never used as features (repeatable).")
  List<String> excluded = new ArrayList<>();
}
