package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Transaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.csv.CSVPrinter;

/**
 * CsvText renders rows exactly as the CSV printer behind TableWriter does, whatever the cells, and
 * rows built cell by cell from primitives exactly as the table's formatted cells.
 */
class CsvTextPropertiesTest {

  @Property(tries = 2000)
  void rowsAreTheBytesTheCsvPrinterWrites(@ForAll("rows") List<List<String>> rows) throws IOException {
    StringWriter expected = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(expected, TableWriter.FORMAT)) {
      for (List<String> row : rows) {
        p.printRecord(row);
      }
    }
    CsvText text = new CsvText(64);
    rows.forEach(r -> text.writeCells(r.toArray(String[]::new)));
    assertThat(text.toString()).isEqualTo(expected.toString());
    assertThat(text.rows()).isEqualTo(rows.size());
  }

  @Property(tries = 1000)
  void cellByCellRowsAreTheFormattedRows(@ForAll @LongRange(min = -80_000L * 86_400, max = 3_000_000L * 86_400) long second,
      @ForAll("amounts") double amount, @ForAll MerchantCategory category, @ForAll Channel channel) {
    Transaction t = new Transaction("C0000042", LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC), amount,
        category.direction(), category, channel);
    CsvText byCells = new CsvText(8);
    byCells.cells(CsvText.PlainCells.of("C0000042")).timestamp(second).decimal(amount, 2)
        .cells(CsvText.PlainCells.of(category.direction().name(), category.name(), channel.name())).endRow();
    CsvText formatted = new CsvText(8);
    formatted.writeCells(BankTable.TRANSACTIONS.format(t));
    assertThat(byCells.toString()).isEqualTo(formatted.toString());
    assertThat(byCells.rows()).isEqualTo(1);
  }

  @Property(tries = 1000)
  void decimalsDatesAndIntegersAreWrittenAsFormatted(@ForAll("amounts") double value, @ForAll @IntRange(max = 7) int digits,
      @ForAll @LongRange(min = -1_000_000, max = 3_000_000) long day, @ForAll long whole) {
    CsvText text = new CsvText(8);
    text.cell("x").decimal(value, digits).decimal(-value, digits).date(day).integer(whole).endRow();
    assertThat(text.toString()).isEqualTo(String.join(",", "x", Decimals.format(value, digits),
        Decimals.format(-value, digits), LocalDate.ofEpochDay(day).toString(), Long.toString(whole)) + "\n");
  }

  @Property(tries = 1000)
  void scaledDecimalsAreTheDecimalsOfTheirValue(@ForAll @LongRange(min = -1_000_000_000_000_000L,
      max = 1_000_000_000_000_000L) long unscaled, @ForAll @IntRange(max = 7) int digits) {
    CsvText text = new CsvText(8);
    text.cell("x").scaledDecimal(unscaled, digits).endRow();
    assertThat(text.toString())
        .isEqualTo("x," + java.math.BigDecimal.valueOf(unscaled, digits).toPlainString() + "\n");
  }

  @Property(tries = 1000)
  void timedAmountRowsAreTheirCellsOneByOne(@ForAll @LongRange(min = -80_000L * 86_400, max = 3_000_000L * 86_400) long second,
      @ForAll long unscaled, @ForAll @IntRange(max = 7) int digits, @ForAll MerchantCategory category) {
    CsvText.PlainCells lead = CsvText.PlainCells.of("C0000042");
    CsvText.PlainCells tail = CsvText.PlainCells.of(category.direction().name(), category.name());
    CsvText whole = new CsvText(8);
    whole.timedAmountRow(lead, second, unscaled, digits, tail);
    whole.timedAmountRow(lead, second, unscaled, digits, tail);
    CsvText byCells = new CsvText(8);
    for (int i = 0; i < 2; i++) {
      byCells.cells(lead).timestamp(second).scaledDecimal(unscaled, digits).cells(tail).endRow();
    }
    assertThat(whole.toString()).isEqualTo(byCells.toString());
    assertThat(whole.rows()).isEqualTo(2);
  }

  @Example
  void cellsThatNeedQuotingAreRefusedCellByCell() {
    assertThatThrownBy(() -> new CsvText(8).cell("a,b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CsvText(8).cell("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CsvText.PlainCells.of("ok", "say \"hi\"")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CsvText(8).cells(CsvText.PlainCells.of("", "x"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(new CsvText(8).cell("a").cells(CsvText.PlainCells.of("", "x")).toString()).isEqualTo("a,,x");
  }

  @Provide
  Arbitrary<Double> amounts() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(0.5, 1e6).ofScale(2), Arbitraries.doubles().between(0.5, 1e14),
        Arbitraries.of(0.5, 0.994999, 0.995, 1.005, 99.995, 9e12, 8.999999e12, 123456789.125));
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> plainish = Arbitraries.strings().withChars("abcXYZ019 .-_:@|'/+").ofMaxLength(8);
    Arbitrary<String> tricky = Arbitraries.strings().withChars("a ,\"\n\r#!\t;é€").ofMaxLength(4);
    Arbitrary<String> cell = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, plainish), net.jqwik.api.Tuple.of(2, tricky), net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(5);
  }
}
