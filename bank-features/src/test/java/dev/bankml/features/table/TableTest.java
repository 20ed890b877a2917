package dev.bankml.features.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
  record Applicant(String applicantId, double annualIncome, LocalDate birthDate, boolean homeOwner, Color color) {}

  enum Color { RED, BLUE }

  @Test
  void recordMapBecomesOneTypedRow() {
    Map<String, Object> m = new HashMap<>();
    m.put("income", 52000);
    m.put("income_text", "41000.5");
    m.put("purpose", "car");
    m.put("owner", true);
    m.put("since", LocalDate.of(2020, 1, 1));
    m.put("gone", null);
    Table t = Table.fromRecord(m);
    assertThat(t.rows()).isEqualTo(1);
    assertThat(t.numeric("income").get(0)).isEqualTo(52000.0);
    assertThat(t.numeric("income_text").get(0)).isEqualTo(41000.5);
    assertThat(t.categorical("purpose").level(0)).contains("car");
    assertThat(t.bool("owner").state(0)).isEqualTo(1);
    assertThat(t.date("since").date(0)).contains(LocalDate.of(2020, 1, 1));
    assertThat(t.column("gone").isMissing(0)).isTrue();
  }

  @Test
  void javaRecordBecomesSnakeCaseColumns() {
    Table t = Table.fromRecord(new Applicant("a1", 50_000, LocalDate.of(1990, 5, 1), true, Color.BLUE));
    assertThat(t.columnNames()).containsExactly("applicant_id", "annual_income", "birth_date", "home_owner", "color");
    assertThat(t.categorical("color").level(0)).contains("BLUE");
  }

  @Test
  void selectRowsKeepsRolesAndOrder() {
    Table t = Table.builder().numeric("x", 1, 2, 3).categorical("c", "a", "", "b").role("x", ColumnRole.ID).build();
    Table s = t.selectRows(new int[] {2, 0, 2});
    assertThat(s.numeric("x").toArray()).containsExactly(3, 1, 3);
    assertThat(s.categorical("c").level(0)).contains("b");
    assertThat(s.role("x")).isEqualTo(ColumnRole.ID);
    assertThat(t.categorical("c").isMissing(1)).isTrue();
  }

  @Test
  void unknownColumnErrorListsTheColumns() {
    Table t = Table.builder().numeric("x", 1).build();
    assertThatThrownBy(() -> t.column("y")).isInstanceOf(ColumnNotFoundException.class).hasMessageContaining("[x]");
  }

  @Test
  void textInANumericFieldIsRefusedNamingFieldAndValue() {
    assertThatThrownBy(() -> Table.fromRecords(List.of(Map.of("income", "lots")), Map.of("income", ColumnType.NUMERIC)))
        .isInstanceOf(ColumnTypeException.class)
        .hasMessageContaining("'income'")
        .hasMessageContaining("'lots'");
  }

  @Test
  void nanAndInfinityAreMissing() {
    Table t = Table.builder().numeric("x", Double.NaN, Double.POSITIVE_INFINITY, 1).build();
    assertThat(t.numeric("x").missingCount()).isEqualTo(2);
  }
}
