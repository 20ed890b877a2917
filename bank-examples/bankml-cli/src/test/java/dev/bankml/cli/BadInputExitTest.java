package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input always exits 2 with one "error:" message that says what the input is and where; exit 1 is for bugs. */
class BadInputExitTest {
  private static final Path MODEL = Fixtures.sharedLogisticModel();
  @TempDir static Path dir;

  private static CliRun refused(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").doesNotContain("unexpected").doesNotContain("\tat ");
    return r;
  }

  @Test
  void predictNamesItsOwnOptionAndWhatTheInputIs() throws IOException {
    Path out = dir.resolve("p.csv");
    assertThat(refused("predict", "--model", MODEL.toString(), "--input", dir.resolve("none.csv").toString(),
        "--out", out.toString()).err()).startsWith("error: --input " + dir.resolve("none.csv") + " does not exist");
    Path folder = Files.createDirectories(dir.resolve("folder"));
    assertThat(refused("predict", "--model", MODEL.toString(), "--input", folder.toString(), "--out", out.toString()).err())
        .contains("is a directory but not a bank directory");
    if (Files.exists(Path.of("/dev/zero"))) {
      assertThat(refused("predict", "--model", MODEL.toString(), "--input", "/dev/zero", "--out", out.toString()).err())
          .startsWith("error: --input /dev/zero is not a regular file (a device, pipe or socket)");
    }
  }

  @Test
  void aDelimiterThatCannotWorkIsAUsageError() {
    Path csv = Fixtures.applicationsCsv(dir, "p.csv", 20, 1);
    assertThat(refused("profile", "--data", csv.toString(), "--delimiter", "\"").err())
        .isEqualTo("error: the delimiter cannot be '\"', which is the quote character; use a comma, semicolon, tab or the"
            + " like (--delimiter C)\n");
  }

  @Test
  void aHugeValueIsCutInTheMessage() {
    String huge = "x".repeat(5_000_000);
    CliRun r = refused("predict", "--model", MODEL.toString(), "--record", "debt_to_income=0.3,income=4000,purpose=" + huge);
    assertThat(r.err()).contains("value '" + "x".repeat(100) + "… (5000000 characters)'").hasSizeLessThan(1_000);
  }

  @Test
  void invalidUtf8AndAnImpossibleDateNameTheirPlace() throws IOException {
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "application,debt_to_income,income,purpose\nA1,0.3,40000,b\u00e5t\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(refused("predict", "--model", MODEL.toString(), "--input", latin1.toString(), "--out", dir.resolve("o.csv").toString())
        .err()).isEqualTo("error: " + latin1 + ", line 2: not valid UTF-8: byte 0xE5 at byte offset 56; save the file as UTF-8\n");
    Path dates = dir.resolve("dates.csv");
    Files.writeString(dates, "application,debt_to_income,income,purpose,applied,defaulted\n"
        + "A1,0.3,40000,car,2024-02-28,no\nA2,0.3,40000,car,2024-02-30,yes\n");
    assertThat(refused("profile", "--data", dates.toString()).err())
        .startsWith("error: " + dates + ", line 3, column 'applied', value '2024-02-30': not a valid date");
  }
}
