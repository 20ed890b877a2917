package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVPrinter;

/** CsvText renders rows exactly as the CSV printer behind TableWriter does, whatever the cells. */
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

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> plainish = Arbitraries.strings().withChars("abcXYZ019 .-_:@|'/+").ofMaxLength(8);
    Arbitrary<String> tricky = Arbitraries.strings().withChars("a ,\"\n\r#!\t;é€").ofMaxLength(4);
    Arbitrary<String> cell = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, plainish), net.jqwik.api.Tuple.of(2, tricky), net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(5);
  }
}
