package dev.bankml.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of a seeded bank are a contract: the Spark job must render the same bytes, and a bank
 * generated again next year must equal the one a model was trained on. The SHA-256 of every file of
 * three small banks, recorded from the generator's output, must not change when the generator is
 * made faster. A change of the synthetic bank's design changes them on purpose: then record the new
 * ones (sha256sum of the files) and say so in the change.
 */
class GoldenFilesTest {
  private static final String PRODUCTS = "fa03dc44f47bd1e90d85c05edee80571d885936d2aef3e2e4795e3f7ace637d0";

  @TempDir Path tmp;

  @Test
  void aCleanBankHasTheRecordedFiles() throws IOException {
    SyntheticBank.builder().customers(300).seed(7).build().generate(tmp, ProgressListener.NONE);
    assertThat(sha256OfFiles(tmp)).isEqualTo(Map.of(
        "customers.csv", "af745187435b0c1c5b7343bd63df2d01019d23312dddb23ba02769648797dd91",
        "holdings.csv", "a3428ecdbf0fdae79bf30906356ef9105d392ad01783ae09b86e725f58baf03c",
        "loans.csv", "c54bd4bc282cf32c1157a475506957765f15b6f6280b4755592ed75e5a0842ec",
        "products.csv", PRODUCTS,
        "transactions.csv", "a32cc15002f8e151f884f537874614b270aab79e5376bdbaa257c5099b4da024",
        "truth/customer_persona.csv", "0b03fe0a810816e7910ec2640110a48a903889baee2c6c208a6f292afc16c66e",
        "truth/loan_default_probability.csv", "964747017caf810c1f5cbe63faf748a531461b897bc7f8102b77b18dd7184596",
        "truth/product_propensity.csv", "bdd06b9027933fe07ca56655545f30aea5d8ab50745da47e60bb3f8334b65b07"));
  }

  @Test
  void aMessyBankHasTheRecordedFiles() throws IOException {
    SyntheticBank.builder().customers(300).seed(9).missingRate(0.05).outlierRate(0.05).typoRate(0.05).build()
        .generate(tmp, ProgressListener.NONE);
    assertThat(sha256OfFiles(tmp)).isEqualTo(Map.of(
        "customers.csv", "735c26c4f218e941704146f77b4b36199303863f5a3ea5b76d2652a8ebfd6f31",
        "holdings.csv", "1090ea93ccf2067f517617d6f725d233f3c201e53d11e25c131e1ba2ce2c64dd",
        "loans.csv", "944b87df9caaa0eb5e85b6b5c114cbc106dfb7d7a605c5cb2889a88ec06fb00e",
        "products.csv", PRODUCTS,
        "transactions.csv", "070640f2c9a8d3612aadb6d7c8b521a33cacae6ab9c970e6d73e26cd55ae381f",
        "truth/customer_persona.csv", "1f02e7bbe69baacfa44ba366c798e589a0822fe141d00514f04860ebd40ed2fc",
        "truth/loan_default_probability.csv", "82e216d8b6575b781678c7c13efd3ad22d83bc6fbd1b7055314491629bf28b73",
        "truth/product_propensity.csv", "7f164452fc408910574e9f1af54d049283ac158256b7a3224a8b2e56b887ef21"));
  }

  @Test
  void aBankOverThreeYearsWithMoreDefaultsHasTheRecordedFiles() throws IOException {
    SyntheticBank.builder().customers(200).seed(3).dateRange(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31))
        .defaultRate(0.2).build().generate(tmp, ProgressListener.NONE);
    assertThat(sha256OfFiles(tmp)).isEqualTo(Map.of(
        "customers.csv", "596e3ae4b23865588821799fc82ca338a590ffc0d9fa4b1629de62ac05211fcb",
        "holdings.csv", "c8a0320e90c6b6858875c7c7cea4e301ef2ae65acb7819e4a12dad5dfb0f6734",
        "loans.csv", "ddbd9477b5f99c8b872a11c4e6eeafa1d100cc9dc52db20c2262933feddfc561",
        "products.csv", PRODUCTS,
        "transactions.csv", "c67154129444489450dff7ec984f1aa7ca34012d8bfcaa79915e6d806404a4f4",
        "truth/customer_persona.csv", "703d3216139e4690b68d86f2bdfe5c6e101d2fdbde5e31c584d85d844f32647b",
        "truth/loan_default_probability.csv", "3d5cbc9628e315c5c75209e1a3a564f1adc4f13035603bf117894cc439c211eb",
        "truth/product_propensity.csv", "06f94c4d2eb3e005d627586b6c075f09fadf1799fb0301f165fb65ae51bc4ba9"));
  }

  /** Every file under {@code dir} by its path relative to it (with '/'), with the hex SHA-256 of its bytes. */
  private static Map<String, String> sha256OfFiles(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(dir.relativize(f).toString().replace('\\', '/'), sha256(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
