package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The data and models the command-line tests run on, made with the tool itself where it can. */
final class Fixtures {
  /** The quickest model to train: Tribuo's logistic regression, 3-fold cross-validated. */
  static final List<String> TRIBUO_LOGISTIC = List.of("--backend", "tribuo", "--algorithm", "logistic", "--cv", "3");

  private static Path sharedModel;

  private Fixtures() {}

  /**
   * A {@link #TRIBUO_LOGISTIC} model of 500 {@link #applicationsCsv} rows (seed 3), trained once in
   * this JVM (under target/) for the tests that only read it.
   */
  static synchronized Path sharedLogisticModel() {
    if (sharedModel == null) {
      try {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "shared-model");
        sharedModel = logisticModel(applicationsCsv(folder, "train.csv", 500, 3), folder.resolve("m.bankml"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sharedModel;
  }

  /**
   * A small credit CSV: an id, two numerics (one with missing values), a categorical with missing
   * values and a yes/no target driven by debt-to-income and purpose.
   */
  static Path applicationsCsv(Path folder, String name, int n, long seed) {
    Random r = new Random(seed);
    StringBuilder s = new StringBuilder("application,debt_to_income,income,purpose,defaulted\n");
    String[] purposes = {"car", "home", "cash", "education"};
    for (int i = 0; i < n; i++) {
      double dti = r.nextDouble() * 0.6;
      double income = 20000 + r.nextDouble() * 80000;
      String purpose = purposes[r.nextInt(4)];
      double logit = -2.5 + 6 * dti + (purpose.equals("cash") ? 1.2 : 0) - income / 100000;
      boolean bad = r.nextDouble() < 1 / (1 + Math.exp(-logit));
      s.append(String.format(Locale.ROOT, "A%05d,%.4f,%s,%s,%s%n", i, dti,
          r.nextInt(20) == 0 ? "" : String.format(Locale.ROOT, "%.0f", income),
          r.nextInt(25) == 0 ? "NA" : purpose, bad ? "yes" : "no"));
    }
    try {
      Path p = folder.resolve(name);
      Files.writeString(p, s);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bank of {@code customers} written by {@code bankml generate --seed seed} into {@code folder/name}. */
  static Path bank(Path folder, String name, int customers, long seed) {
    Path bank = folder.resolve(name);
    CliRun r = CliRun.of("generate", "--customers", Integer.toString(customers), "--seed", Long.toString(seed),
        "--out", bank.toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    return bank;
  }

  /**
   * {@code bankml train} on {@code data} (a CSV of {@link #applicationsCsv} rows named by their
   * application column, or a bank directory) into {@code model} with {@code settings}, quietly;
   * asserted to succeed.
   */
  static CliRun train(Path data, Path model, List<String> settings, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString()));
    if (!Files.isDirectory(data)) {
      args.addAll(List.of("--id-column", "application"));
    }
    args.addAll(settings);
    args.addAll(List.of(more));
    args.addAll(List.of("--out", model.toString(), "-q"));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  /** A {@link #TRIBUO_LOGISTIC} model (with {@code more} settings) trained on {@code data}, saved as {@code model}. */
  static Path logisticModel(Path data, Path model, String... more) {
    train(data, model, TRIBUO_LOGISTIC, more);
    return model;
  }
}
