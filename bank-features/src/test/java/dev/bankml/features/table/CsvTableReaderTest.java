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

class CsvTableReaderTest {
  /** Hand-counted: see the comments per column in the assertions. */
  static final String MESSY = "\uFEFFid,name,income,city,active,joined,note\r\n"
      + "1,\"Smith, John\",52000,Oslo,true,2020-01-15,\"line one\nline two\"\r\n"
      + "2,Ann,NA,Bergen,false,2021-03-01,\r\n"
      + "3,\"Bob \"\"B\"\" Lee\",61000.5,,yes,,plain\r\n"
      + "\r\n"
      + "4,Eve,?,Oslo,TRUE,2019-12-31,\"a,b\"\r\n"
      + "5,Kim,48000,oslo,null,2022-06-30,NaN\r\n";

  @TempDir Path dir;

  @Test
  void messyFileLoadsWithExactTypesCountsAndValues() throws IOException {
    Path f = dir.resolve("messy.csv");
    Files.writeString(f, MESSY, StandardCharsets.UTF_8);
    Table t = CsvTableReader.defaults().read(f);

    assertThat(t.rows()).isEqualTo(5);
    assertThat(t.columnNames()).containsExactly("id", "name", "income", "city", "active", "joined", "note");
    assertThat(t.schema().values()).containsExactly(ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC,
        ColumnType.CATEGORICAL, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.CATEGORICAL);
    assertThat(t.categorical("name").level(0)).contains("Smith, John");
    assertThat(t.categorical("name").level(2)).contains("Bob \"B\" Lee");
    assertThat(t.numeric("income").missingCount()).isEqualTo(2);
    assertThat(t.numeric("income").get(2)).isEqualTo(61000.5);
    assertThat(t.categorical("city").missingCount()).isEqualTo(1);
    assertThat(t.categorical("city").levels()).containsExactly("Oslo", "Bergen", "oslo");
    assertThat(t.bool("active").state(2)).isEqualTo(1);
    assertThat(t.bool("active").isMissing(4)).isTrue();
    assertThat(t.date("joined").date(3)).contains(LocalDate.of(2019, 12, 31));
    assertThat(t.date("joined").missingCount()).isEqualTo(1);
    assertThat(t.categorical("note").level(0)).contains("line one\nline two");
    assertThat(t.categorical("note").level(3)).contains("a,b");
    assertThat(t.categorical("note").missingCount()).isEqualTo(2);
  }

  @Test
  void mixedColumnBecomesCategoricalAndZeroOneStaysNumeric() {
    Table t = CsvTableReader.defaults().readText("a,b\n1,0\nx,1\n2,1\n", "mixed.csv");
    assertThat(t.column("a").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.categorical("a").levels()).containsExactly("1", "x", "2");
    assertThat(t.column("b").type()).isEqualTo(ColumnType.NUMERIC);
  }

  @Test
  void textInAForcedNumericColumnNamesLineColumnAndValue() {
    CsvTableReader r = CsvTableReader.builder().type("income", ColumnType.NUMERIC).build();
    // the quoted newline in record 1 makes the bad record start on physical line 4
    String csv = "id,note,income\n1,\"two\nlines\",10\n2,x,abc\n";
    assertThatThrownBy(() -> r.readText(csv, "in.csv"))
        .isInstanceOf(CsvParseException.class)
        .hasMessageContaining("in.csv, line 4, column 'income', value 'abc'")
        .hasMessageContaining("not a number");
  }

  @Test
  void aTableCsvErrorIsTheSameTypedErrorAsABankCsvErrorWithItsParts() {
    CsvTableReader r = CsvTableReader.builder().type("income", ColumnType.NUMERIC).build();
    CsvParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> r.readText("id,income\n1,abc\n", "in.csv"), CsvParseException.class);
    assertThat(e).isInstanceOf(dev.bankml.data.io.CsvFormatException.class);
    assertThat(e.source()).isEqualTo(e.file()).isEqualTo("in.csv");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("income");
    assertThat(e.value()).isEqualTo("abc");
    assertThat(e.getMessage()).isEqualTo("in.csv, line 2, column 'income', value 'abc': " + e.problem());
  }

  @Test
  void rowWithTooManyFieldsIsRefusedWithItsLine() {
    assertThatThrownBy(() -> CsvTableReader.defaults().readText("a,b\n1,2\n3,4,5\n", "w.csv"))
        .isInstanceOf(CsvParseException.class)
        .hasMessageContaining("w.csv, line 3")
        .hasMessageContaining("3 fields but the header has 2");
  }

  @Test
  void unclosedQuoteIsRefusedAtTheLineWhereItOpens() {
    assertThatThrownBy(() -> CsvTableReader.defaults().readText("a,b\n1,\"open\n2,3\n", "q.csv"))
        .isInstanceOf(CsvParseException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("never closed");
  }

  @Test
  void delimiterMissingTokensHeaderlessAndRolesAreHonoured() {
    CsvTableReader r = CsvTableReader.builder().delimiter(';').header(false).missing("-").role("column_1", ColumnRole.ID).build();
    Table t = r.readText("7;-\n8;NA\n", "s.csv");
    assertThat(t.columnNames()).containsExactly("column_1", "column_2");
    assertThat(t.role("column_1")).isEqualTo(ColumnRole.ID);
    assertThat(t.column("column_2").type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(t.categorical("column_2").missingCount()).isEqualTo(1);
  }

  @Test
  void infinityInANumericColumnIsAnErrorNotASilentMissingValue() {
    assertThatThrownBy(() -> CsvTableReader.defaults().readText("x\n1.5\nInfinity\n-Infinity\n", "inf.csv"))
        .isInstanceOf(CsvParseException.class)
        .hasMessage("inf.csv, line 3, column 'x', value 'Infinity': not a finite number (infinite, or too large for a double);"
            + " write a missing token such as NA for no value");
    assertThatThrownBy(() -> CsvTableReader.defaults().readText("x\n1.5\n1e400\n", "big.csv"))
        .hasMessageContaining("line 3, column 'x', value '1e400': not a finite number");
    assertThat(CsvTableReader.defaults().readText("x\n1e308\n-1e308\nNaN\n", "huge.csv").numeric("x").toArray())
        .containsExactly(1e308, -1e308, Double.NaN);
  }

  @Test
  void emptyFileAndDuplicateHeaderAreRefused() {
    assertThatThrownBy(() -> CsvTableReader.defaults().readText("", "e.csv")).hasMessageContaining("empty");
    assertThatThrownBy(() -> CsvTableReader.defaults().readText("a,a\n1,2\n", "d.csv")).hasMessageContaining("twice");
  }
}
