package dev.bankml.spark;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.view.CustomerBehaviourView;
import dev.bankml.features.view.LoanApplicationView;
import dev.bankml.models.loan.LoanDefaultOptions;
import dev.bankml.models.segment.CustomerSegmentation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What every Spark test shares, made once per test JVM: one local session (two cores, bound to
 * 127.0.0.1, no UI, few shuffle partitions), a small generated bank on disk, a loan-default bundle
 * (Tribuo logistic), an XGBoost gradient-boosting bundle and a segmentation bundle trained on it.
 */
final class SparkTestBank {
  static final int CUSTOMERS = 400;
  private static SparkTestBank shared;

  final SparkSession spark;
  final Path dir;
  final Path bank;
  final Path loanModel;
  /** An XGBoost-backend gradient-boosting bundle: xgboost4j's Java classes on Spark's Scala 2.13 class path. */
  final Path boostedModel;
  final Path segmentation;

  private SparkTestBank() throws IOException {
    spark = SparkSession.builder()
        .appName("bankml tests")
        .master("local[2]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    dir = Files.createTempDirectory("bankml-spark-test");
    bank = dir.resolve("bank");
    SyntheticBank.builder().customers(CUSTOMERS).seed(3).build().generate(bank, ProgressListener.NONE);
    loanModel = dir.resolve("loans.bankml");
    LoanDefaultOptions.builder().target("defaulted").backend("tribuo").algorithm("logistic").seed(1).build()
        .fit(LoanApplicationView.read(bank, ProgressListener.NONE)).save(loanModel);
    boostedModel = dir.resolve("boosted.bankml");
    LoanDefaultOptions.builder().target("defaulted").backend("xgboost").algorithm("gradient-boosting").seed(1).build()
        .fit(LoanApplicationView.read(bank, ProgressListener.NONE)).save(boostedModel);
    segmentation = dir.resolve("segments.bankml");
    CustomerSegmentation.builder().backend("tribuo").algorithm("kmeans").k(4).seed(1).build()
        .fit(CustomerBehaviourView.read(bank, ProgressListener.NONE)).save(segmentation);
  }

  static synchronized SparkTestBank get() {
    if (shared == null) {
      try {
        shared = new SparkTestBank();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** A fresh directory for one test's output. */
  Path out(String name) {
    try {
      return Files.createTempDirectory(dir, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
