package dev.bankml.models.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.pipeline.InputType;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.models.schema.InputProblem.Kind;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSchemaTest {
  /** amount 1,000–187,150 never blank; income sometimes blank; purpose three levels; a date. */
  static InputSchema schema() {
    return InputSchema.fromPipelineInputs(List.of(
        new InputField("amount", InputType.NUMBER, 1000, 187150, 1, List.of(), "9000", 0),
        new InputField("income", InputType.NUMBER, 3942.51, 445441.53, 0.01, List.of(), "52000", 0.05),
        new InputField("purpose", InputType.CATEGORY, Double.NaN, Double.NaN, Double.NaN, List.of("CAR", "HOME", "CASH"), "CAR", 0),
        new InputField("applied", InputType.DATE, LocalDate.of(2022, 1, 1).toEpochDay(), LocalDate.of(2024, 12, 31).toEpochDay(),
            1, List.of(), "2023-06-01", 0)),
        List.of("loan_id", "defaulted"));
  }

  static Map<String, Object> good() {
    Map<String, Object> r = new HashMap<>();
    r.put("amount", "5000");
    r.put("income", 52000);
    r.put("purpose", "CAR");
    r.put("applied", "2024-03-01");
    return r;
  }

  @Test
  void aCompleteRecordPassesWithTypedValuesToScore() {
    Map<String, Object> values = schema().validate(good());
    assertThat(values).containsEntry("amount", 5000.0).containsEntry("income", 52000.0)
        .containsEntry("purpose", "CAR").containsEntry("applied", LocalDate.of(2024, 3, 1));
  }

  @Test
  void theRangeIsTheTrainingRangeWidenedByItsSpanNeverNegativeForNonNegativeDataAndRound() {
    SchemaField amount = schema().field("amount").orElseThrow();
    // 1,000 - 2 × 186,150 < 0 → 0; 187,150 + 2 × 186,150 = 559,450 → 560,000 (three significant digits, upwards)
    assertThat(amount.min()).isEqualTo(0);
    assertThat(amount.max()).isEqualTo(560_000);
    assertThat(amount.trainingMin()).isEqualTo(1000);
    SchemaField negative = SchemaField.fromTraining("net_flow", InputType.NUMBER, true, false, -21222.41, 34949.75, List.of());
    // span 56,172.16: -21,222.41 - 112,344.32 = -133,566.73 → -134,000; 34,949.75 + 112,344.32 = 147,294.07 → 148,000
    assertThat(negative.min()).isEqualTo(-134_000);
    assertThat(negative.max()).isEqualTo(148_000);
  }

  @Test
  void hugeNegativeInfiniteAndMisspeltValuesAreRefusedNamingFieldAndValue() {
    InputSchema s = schema();
    for (Object bad : List.of("1e308", 1e308, "-5", "Infinity", Double.NEGATIVE_INFINITY, "1e400", "abc", "0x10", "5d", true)) {
      Map<String, Object> r = good();
      r.put("amount", bad);
      CheckedRecord c = s.check(r);
      assertThat(c.problems()).as("amount=%s", bad).singleElement()
          .satisfies(p -> assertThat(p.field()).isEqualTo("amount"))
          .satisfies(p -> assertThat(p.kind()).isIn(Kind.OUT_OF_RANGE, Kind.NOT_FINITE, Kind.NOT_A_NUMBER));
    }
    Map<String, Object> r = good();
    r.put("amount", "1e308");
    assertThatThrownBy(() -> s.validate(r)).isInstanceOf(InvalidInputException.class)
        .hasMessage("field 'amount', value '1e308': is outside the plausible range from 0 to 560000"
            + " (the training data went from 1000 to 187150)");
    r.put("amount", "Infinity");
    assertThatThrownBy(() -> s.validate(r)).hasMessageContaining("value 'Infinity': is not a finite number; valid: a number from 0 to 560000");
  }

  @Test
  void anAbsentColumnIsAnErrorButABlankValueIsImputedWhereTrainingHadBlanks() {
    InputSchema s = schema();
    Map<String, Object> noIncome = good();
    noIncome.remove("income");
    assertThat(s.check(noIncome).problems()).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.ABSENT))
        .satisfies(p -> assertThat(p.message()).isEqualTo("column 'income': is absent; the model reads it (number)"));
    Map<String, Object> blankIncome = good();
    blankIncome.put("income", "");
    assertThat(s.validate(blankIncome)).containsEntry("income", null);
    blankIncome.put("income", null);
    assertThat(s.validate(blankIncome)).containsEntry("income", null);
    Map<String, Object> blankAmount = good();
    blankAmount.put("amount", " NA ");
    assertThat(s.check(blankAmount).problems()).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.BLANK))
        .satisfies(p -> assertThat(p.message()).startsWith("field 'amount': is blank, but the model's training data always had a value"));
  }

  @Test
  void oneFieldAloneNamesEveryAbsentColumn() {
    assertThatThrownBy(() -> schema().validate(Map.of("amount", "5000")))
        .hasMessage("the model's input columns 'income', 'purpose', 'applied' (3) are absent");
    Map<String, Object> r = new HashMap<>(Map.of("amount", "1e308"));
    assertThatThrownBy(() -> schema().validate(r)).hasMessage("4 problems in the input:" + System.lineSeparator()
        + "  field 'amount', value '1e308': is outside the plausible range from 0 to 560000 (the training data went from 1000 to 187150)"
        + System.lineSeparator() + "  the model's input columns 'income', 'purpose', 'applied' (3) are absent");
  }

  @Test
  void anUnknownColumnIsAnErrorButIdsAndTheTargetAreNot() {
    Map<String, Object> r = good();
    r.put("loan_id", "L1");
    r.put("defaulted", "true");
    assertThat(schema().check(r).valid()).isTrue();
    r.put("Amount ", "7");
    r.put("bogus", "1");
    r.put("purpsoe", "CAR");
    assertThat(schema().check(r).problems()).extracting(InputProblem::message).containsExactlyInAnyOrder(
        "column 'Amount ': is not a column of this model; did you mean 'amount'? it reads amount, income, purpose, applied",
        "column 'bogus': is not a column of this model; it reads amount, income, purpose, applied",
        "column 'purpsoe': is not a column of this model; did you mean 'purpose'? it reads amount, income, purpose, applied");
  }

  @Test
  void anUnknownLevelAndAnImpossibleDateAreRefused() {
    Map<String, Object> r = good();
    r.put("purpose", "car");
    r.put("applied", "2024-02-30");
    assertThat(schema().check(r).problems()).extracting(InputProblem::message).containsExactly(
        "field 'purpose', value 'car': is not a level the model knows; valid: one of CAR, HOME, CASH",
        "field 'applied', value '2024-02-30': is not a valid date (there is no such day); valid: a date yyyy-MM-dd"
            + " from 2012-01-01 to 2035-01-01");
  }

  @Test
  void aListWhereOneValueBelongsIsRefused() {
    Map<String, Object> r = good();
    r.put("purpose", List.of("CAR"));
    assertThat(schema().check(r).problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.NOT_A_VALUE));
  }

  @Test
  void aLongValueIsCutToAHundredCharactersInTheMessage() {
    Map<String, Object> r = good();
    r.put("purpose", "x".repeat(50_000_000));
    String m = schema().check(r).problems().get(0).message();
    assertThat(m).contains("x".repeat(100) + "… (50000000 characters)").hasSizeLessThan(400);
  }

  @Test
  void aLongValueKeepsItsOwnLengthInTheMessageOnceLocated() {
    Map<String, Object> r = good();
    r.put("purpose", "x".repeat(5_000));
    String m = schema().check(r).problems().get(0).at("data row 1 (line 2)").message();
    assertThat(m).startsWith("data row 1 (line 2), field 'purpose', value '" + "x".repeat(100) + "… (5000 characters)'")
        .doesNotContain("characters) (");
  }

  @Test
  void aTableIsCheckedRowByRowAndItsNonFeatureColumnsAreNeverUnknown() {
    Table t = Table.of(
            NumericColumn.of("amount", 5000, 1e308, 7000, Double.NaN),
            NumericColumn.of("income", 1, Double.NaN, 3, 4),
            CategoricalColumn.of("purpose", "CAR", "CAR", "boat", "HOME"),
            CategoricalColumn.of("applied", "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"),
            CategoricalColumn.of("customer", "a", "b", "c", "d"))
        .withRole("customer", ColumnRole.ID);
    TableCheck c = schema().check(t);
    assertThat(c.columnProblems()).isEmpty();
    assertThat(c.rowsWithProblems()).containsExactly(1, 2, 3);
    assertThat(c.scorableRows()).containsExactly(0);
    assertThat(c.problems(1)).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("1.0E308"));
    assertThatThrownBy(() -> c.requireValid("loans.csv", i -> "line " + (i + 2)))
        .hasMessageStartingWith("loans.csv: 3 problems in the input:")
        .hasMessageContaining("line 4, field 'purpose', value 'boat': is not a level the model knows")
        .hasMessageContaining("line 5, field 'amount': is blank");
  }

  @Test
  void aTableWithoutTheModelsColumnsCannotScoreAnyRow() {
    Table t = Table.of(NumericColumn.of("foo", 1), NumericColumn.of("bar", 2));
    TableCheck c = schema().check(t);
    assertThat(c.columnsAbsent()).isTrue();
    assertThat(c.scorableRows()).isEmpty();
    assertThat(c.columnProblems()).extracting(InputProblem::kind)
        .containsExactly(Kind.ABSENT, Kind.ABSENT, Kind.ABSENT, Kind.ABSENT, Kind.UNKNOWN, Kind.UNKNOWN);
  }

  @Test
  void theSchemaReadsBackFromItsJsonUnchanged() {
    InputSchema s = schema();
    assertThat(InputSchema.fromJson(s.toJson())).isEqualTo(s);
    assertThat(s.toJson()).contains("\"blank_allowed\" : true").contains("\"other_columns\"");
    assertThatThrownBy(() -> InputSchema.fromJson(s.toJson().replace("\"format_version\" : 1", "\"format_version\" : 9")))
        .hasMessageContaining("input schema format version 9 is not supported");
  }
}
