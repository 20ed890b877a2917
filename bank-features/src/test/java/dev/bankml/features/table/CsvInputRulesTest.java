package dev.bankml.features.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CSV reader refuses, and where it says the problem is. */
class CsvInputRulesTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void invalidUtf8IsAnErrorNamingTheLineAndByteOffsetNeverAReplacementCharacter() throws IOException {
    byte[] text = "name,amount\nanna,10\nb\u00f6rje,20\n".getBytes(StandardCharsets.UTF_8);
    // "börje": ö is C3 B6 at offset 21; a lone B6 (Latin-1 text saved as if UTF-8) is invalid
    byte[] broken = text.clone();
    broken[21] = (byte) 0xf6;
    Path p = write("latin1.csv", broken);
    assertThatThrownBy(() -> CsvTableReader.defaults().read(p)).isInstanceOf(CsvParseException.class)
        .hasMessage(p + ", line 3: not valid UTF-8: byte 0xF6 at byte offset 21; save the file as UTF-8");
    assertThat(CsvTableReader.defaults().read(write("ok.csv", text)).categorical("name").levels()).contains("b\u00f6rje");
  }

  @Test
  void anImpossibleDateInADateColumnIsAnErrorNotACategoricalColumn() {
    assertThatThrownBy(() -> CsvTableReader.defaults().readText(
            "application_date,amount\n2024-02-28,1\n2024-02-30,2\n2024-03-01,3\n", "loans.csv"))
        .isInstanceOf(CsvParseException.class)
        .hasMessage("loans.csv, line 3, column 'application_date', value '2024-02-30': not a valid date (there is no such day);"
            + " the column holds dates yyyy-MM-dd");
    Table ok = CsvTableReader.defaults().readText("d\n2024-02-29\n\n2023-12-31\n", "ok.csv");
    assertThat(ok.date("d").date(0)).contains(LocalDate.of(2024, 2, 29));
    // a column of text that merely contains a date-like value is text, as before
    assertThat(CsvTableReader.defaults().readText("x\nhello\n2024-02-30\n", "t.csv").column("x").type())
        .isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void aByteOrderMarkIsSkipped() throws IOException {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] text = "id,amount\n1,2\n".getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, both, 0, 3);
    System.arraycopy(text, 0, both, 3, text.length);
    Table t = CsvTableReader.defaults().read(write("bom.csv", both));
    assertThat(t.columnNames()).containsExactly("id", "amount");
  }

  @Test
  void aDirectoryADeviceAndAMissingFileAreNamedForWhatTheyAre() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertThatThrownBy(() -> CsvTableReader.defaults().read(sub)).hasMessage(sub + ": is a directory, not a CSV file");
    Path none = dir.resolve("none.csv");
    assertThatThrownBy(() -> CsvTableReader.defaults().read(none)).hasMessage(none + ": no such file");
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      assertThatThrownBy(() -> CsvTableReader.defaults().read(zero))
          .hasMessage("/dev/zero: not a regular file (a device, pipe or socket); give a CSV file");
    }
  }

  @Test
  void aHugeValueIsCutInTheMessage() {
    String big = "x".repeat(5_000_000);
    assertThatThrownBy(() -> CsvTableReader.builder().type("n", ColumnType.NUMERIC).build().readText("n\n" + big + "\n", "big.csv"))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400)
            .contains("value '" + "x".repeat(100) + "… (5000000 characters)'"));
  }
}
