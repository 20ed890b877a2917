package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.domain.Customer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PartialReadPropertiesTest {
  private static final String CUSTOMER = "C0000001,Ann Lee,ann@x.test,555-0101,Oslo,East,1980-02-03,54000.00,EMPLOYED,7,"
      + "RENT,MASTER,MARRIED,2,712,2015-06-01";

  @Provide
  Arbitrary<Set<String>> blankable() {
    return Arbitraries.of(BankTable.CUSTOMERS.mayBeBlank()).set();
  }

  @Property(tries = 200)
  void blankingAnySetOfBlankableCellsMarksExactlyThoseAndKeepsTheRest(@ForAll("blankable") Set<String> blanks)
      throws IOException {
    List<String> columns = BankTable.CUSTOMERS.columns();
    String[] cells = CUSTOMER.split(",", -1);
    for (String c : blanks) {
      cells[columns.indexOf(c)] = "";
    }
    Path f = Files.createTempFile("customers", ".csv");
    try {
      Files.writeString(f, String.join(",", columns) + "\n" + String.join(",", cells) + "\n", StandardCharsets.UTF_8);
      PartialRecord<Customer> read = BankCsvReader.strict().readPartial(BankTable.CUSTOMERS, f).records().get(0);
      assertThat(Set.copyOf(read.blankColumns())).isEqualTo(blanks);
      String[] again = BankTable.CUSTOMERS.format(read.record());
      String[] original = CUSTOMER.split(",", -1);
      for (int i = 0; i < columns.size(); i++) {
        if (!blanks.contains(columns.get(i))) {
          assertThat(again[i]).as(columns.get(i)).isEqualTo(original[i]);
        }
      }
    } finally {
      Files.delete(f);
    }
  }
}
