package dev.bankml.examples;

import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.models.loan.Assessment;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.loan.LoanDefaultOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loan-default model in a dozen lines: read a CSV of past applications, train, save, load,
 * and assess one applicant.
 *
 * <pre>
 * java -cp bank-examples/target/bankml.jar dev.bankml.examples.LoanDefaultExample [FILE.csv [TARGET [POSITIVE]]]
 * </pre>
 *
 * Without a file it writes {@link DemoApplications made-up applications} first. The target
 * defaults to {@code defaulted}; name the value meaning default when it is not yes/no, true/false
 * or 1/0.
 */
public final class LoanDefaultExample {
  private LoanDefaultExample() {}

  /** Runs the example; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Path csv = args.length > 0 ? Path.of(args[0])
        : DemoApplications.write(Files.createTempFile("applications-", ".csv"), 2_000, 7);
    String target = args.length > 1 ? args[1] : "defaulted";

    // 1. Read past applications with their outcome.
    Table applications = CsvTableReader.defaults().read(csv);

    // 2. Train in one line: the feature pipeline, backend, cross-validation and threshold have defaults.
    //    Here: a logistic scorecard on the default backend (xgboost), seconds to train. Without an algorithm it
    //    runs "auto", which searches every classifier of the backend: better, but minutes, not seconds.
    LoanDefaultOptions.Builder options = LoanDefaultOptions.builder().target(target).algorithm("logistic");
    if (args.length > 2) {
      options.positiveLabel(args[2]);
    }
    if (applications.has("application_id")) {
      options.idColumn("application_id");
    }
    LoanDefaultModel model = options.build().fit(applications);

    // 3. Save the model bundle and load it back, as a scoring service would.
    Path file = Files.createTempFile("loan-default-", ".bankml");
    model.save(file);
    LoanDefaultModel loaded = LoanDefaultModel.load(file);

    // 4. Assess one applicant: a plain map of column name to value, as a live application arrives.
    //    Every column the model reads must be there (loaded.schema().names()); null is a blank value,
    //    accepted where the training data had blanks. Anything else the schema refuses is an
    //    InvalidInputException naming the field and value.
    Map<String, Object> applicant = new LinkedHashMap<>();
    if (applications.has("application_id")) {
      applicant.put("application_id", applications.column("application_id").value(0).orElse(null));
    }
    for (String column : loaded.schema().names()) {
      applicant.put(column, applications.column(column).value(0).orElse(null));
    }
    Assessment a = loaded.assess(applicant);

    System.out.println("model:       " + loaded + ", saved to " + file);
    System.out.println("applicant:   " + applicant);
    System.out.printf("probability: %.4f%n", a.probability());
    System.out.println("decision:    " + a.decision().label());
    System.out.println("score:       " + a.score());
    System.out.println("reasons:     " + (a.reasons().isEmpty() ? "(none raised the risk)" : String.join("; ", a.reasons())));
  }
}
