package dev.bankml.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.io.BankFiles;
import dev.bankml.data.io.BankTable;
import dev.bankml.data.io.CsvText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterminismTest {
  private static final List<String> FILES = List.of(BankFiles.CUSTOMERS, BankFiles.LOANS, BankFiles.TRANSACTIONS,
      BankFiles.PRODUCTS, BankFiles.HOLDINGS, BankFiles.LOAN_DEFAULT_PROBABILITY, BankFiles.CUSTOMER_PERSONA,
      BankFiles.PRODUCT_PROPENSITY);

  @TempDir Path tmp;

  private static SyntheticBank bank(long seed, double mess) {
    return SyntheticBank.builder().customers(300).seed(seed).missingRate(mess).outlierRate(mess).typoRate(mess).build();
  }

  @ParameterizedTest(name = "mess rate {0}")
  @ValueSource(doubles = {0, 0.05})
  void sameSeedGivesByteIdenticalFiles(double mess) throws IOException {
    bank(7, mess).generate(tmp.resolve("a"), ProgressListener.NONE);
    bank(7, mess).generate(tmp.resolve("b"), ProgressListener.NONE);
    assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
  }

  @Test
  void theNumberOfThreadsDoesNotChangeTheFiles() throws IOException {
    SyntheticBank.builder().customers(1_234).seed(5).missingRate(0.02).threads(1).build()
        .generate(tmp.resolve("one"), ProgressListener.NONE);
    SyntheticBank.builder().customers(1_234).seed(5).missingRate(0.02).threads(3).build()
        .generate(tmp.resolve("three"), ProgressListener.NONE);
    assertSameFiles(tmp.resolve("three"), tmp.resolve("one"));
  }

  private static void assertSameFiles(Path actual, Path expected) throws IOException {
    for (String f : FILES) {
      assertThat(Files.readAllBytes(actual.resolve(f)))
          .as(f).isNotEmpty().isEqualTo(Files.readAllBytes(expected.resolve(f)));
    }
  }

  @Test
  void blocksRenderedApartConcatenateToTheFiles() throws IOException {
    SyntheticBank bank = SyntheticBank.builder().customers(700).seed(9).typoRate(0.05).build();
    bank.generate(tmp.resolve("whole"), ProgressListener.NONE);
    SyntheticBank calibrated = bank.calibrated();
    int[] cuts = {0, 1, 250, 251, 700};
    for (BankTable<?> table : CsvBlock.TABLES) {
      StringBuilder joined = new StringBuilder(CsvText.header(table));
      for (int i = 0; i + 1 < cuts.length; i++) {
        joined.append(calibrated.render(cuts[i], cuts[i + 1]).text(table));
      }
      assertThat(joined.toString()).as(table.fileName())
          .isEqualTo(Files.readString(tmp.resolve("whole").resolve(table.fileName())));
    }
  }

  @Test
  void anotherSeedGivesDifferentFiles() throws IOException {
    bank(7, 0).generate(tmp.resolve("a"), ProgressListener.NONE);
    bank(8, 0).generate(tmp.resolve("b"), ProgressListener.NONE);
    for (String f : FILES) {
      if (f.equals(BankFiles.PRODUCTS)) {
        continue; // the catalogue is fixed
      }
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f)))
          .as(f).isNotEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
  }

  @Test
  void progressReachesTheNumberOfCustomers() {
    long[] last = new long[2];
    bank(3, 0).generate(tmp.resolve("p"), (task, done, total) -> {
      last[0] = done;
      last[1] = total;
    });
    assertThat(last).containsExactly(300, 300);
  }
}
