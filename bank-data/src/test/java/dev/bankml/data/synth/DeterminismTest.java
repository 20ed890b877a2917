package dev.bankml.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.io.BankFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  private static final List<String> FILES = List.of(BankFiles.CUSTOMERS, BankFiles.LOANS, BankFiles.TRANSACTIONS,
      BankFiles.PRODUCTS, BankFiles.HOLDINGS, BankFiles.LOAN_DEFAULT_PROBABILITY, BankFiles.CUSTOMER_PERSONA,
      BankFiles.PRODUCT_PROPENSITY);

  @TempDir Path tmp;

  private static SyntheticBank bank(long seed, double mess) {
    return SyntheticBank.builder().customers(300).seed(seed).missingRate(mess).outlierRate(mess).typoRate(mess).build();
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    bank(7, 0).generate(tmp.resolve("a"), ProgressListener.NONE);
    bank(7, 0).generate(tmp.resolve("b"), ProgressListener.NONE);
    for (String f : FILES) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f)))
          .as(f).isNotEmpty().isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
  }

  @Test
  void sameSeedGivesTheSameMess() throws IOException {
    bank(7, 0.05).generate(tmp.resolve("a"), ProgressListener.NONE);
    bank(7, 0.05).generate(tmp.resolve("b"), ProgressListener.NONE);
    for (String f : FILES) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f)))
          .as(f).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
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
