package dev.bankml.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bankml.models.schema.InputProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** JSON and CSV rows go through the model's input schema, with its words. */
class ApplicantValidatorTest {
  private static final ObjectMapper JSON = WebServer.mapper();
  private static final List<FormField> FORM = List.of(
      FormField.number("income", 0, 250_000, 1, 52_000),
      FormField.category("purpose", List.of("car", "home"), "car"),
      FormField.bool("employed", true),
      FormField.date("applied", LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2023, 5, 1)));
  private static final LoanScorer SCORER = new LoanScorer() {
    @Override
    public String label() {
      return "form";
    }

    @Override
    public List<FormField> schema() {
      return FORM;
    }

    @Override
    public ModelAnswer assess(Map<String, String> values) {
      throw new UnsupportedOperationException();
    }
  };
  private final ApplicantValidator validator = new ApplicantValidator(SCORER.inputSchema());

  private static ObjectNode applicant() {
    ObjectNode n = JSON.createObjectNode();
    n.put("income", 52_000).put("purpose", "car").put("employed", true).put("applied", "2023-05-01");
    return n;
  }

  private static InvalidFieldException refusal(Runnable r) {
    try {
      r.run();
    } catch (InvalidFieldException e) {
      return e;
    }
    throw new AssertionError("expected the value to be refused");
  }

  @Test
  void validApplicantComesBackAsCanonicalTextInSchemaOrder() {
    ObjectNode n = applicant().put("employed", "TRUE").put("income", "52000.0");
    Map<String, String> v = validator.validate(n);
    assertThat(v).containsExactly(Map.entry("income", "52000"), Map.entry("purpose", "car"),
        Map.entry("employed", "true"), Map.entry("applied", "2023-05-01"));
  }

  @Property
  void everyNumberInsideTheRangeIsAccepted(@ForAll @DoubleRange(min = 0, max = 250_000) double income) {
    Map<String, String> v = validator.validate(applicant().put("income", income));
    assertThat(Double.parseDouble(v.get("income"))).isEqualTo(income);
  }

  @Property
  void everyNumberOutsideTheRangeIsRefusedNamingTheField(@ForAll("outside") double income) {
    InvalidFieldException e = refusal(() -> validator.validate(applicant().put("income", income)));
    assertThat(e.field()).isEqualTo("income");
    assertThat(e.getMessage()).startsWith("field 'income', value '").contains("is outside the plausible range from 0 to 250000");
  }

  @Provide
  Arbitrary<Double> outside() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-1e12, -0.01), Arbitraries.doubles().between(250_000.01, 1e12));
  }

  @Property
  void anyTextThatIsNotALevelIsRefused(@ForAll String text) {
    String trimmed = text.trim();
    if (trimmed.equals("car") || trimmed.equals("home")) {
      return;
    }
    InvalidFieldException e = refusal(() -> validator.validate(applicant().put("purpose", text)));
    assertThat(e.field()).isEqualTo("purpose");
    assertThat(e.getMessage()).contains("valid: one of car, home");
  }

  @Test
  void nonFiniteAndNonNumericNumbersAreRefused() {
    for (String bad : new String[] {"NaN", "Infinity", "12k", "1e400", "1e308"}) {
      InvalidFieldException e = refusal(() -> validator.validate(applicant().put("income", bad)));
      assertThat(e.field()).as(bad).isEqualTo("income");
    }
  }

  @Test
  void datesOutsideTheRangeOrMalformedAreRefused() {
    assertThat(refusal(() -> validator.validate(applicant().put("applied", "2019-12-31"))).getMessage())
        .contains("field 'applied', value '2019-12-31': is outside the plausible range from 2020-01-01 to 2024-12-31");
    assertThat(refusal(() -> validator.validate(applicant().put("applied", "31/12/2020"))).getMessage())
        .contains("is not a date");
    assertThat(refusal(() -> validator.validate(applicant().put("applied", "2024-02-30"))).getMessage())
        .contains("there is no such day");
  }

  @Test
  void wrongJsonKindsAreRefused() {
    assertThat(refusal(() -> validator.validate(applicant().put("income", true))).field()).isEqualTo("income");
    ObjectNode nested = applicant();
    nested.putArray("income").add(1);
    assertThat(refusal(() -> validator.validate(nested)).getMessage()).contains("is a list or an object, not one value");
    JsonNode array = JSON.createArrayNode();
    assertThat(refusal(() -> validator.validate(array)).getMessage()).contains("must be a JSON object");
  }

  @Test
  void absentAndUnknownFieldsAreRefusedUnlessLenientIgnoresTheUnknown() {
    ObjectNode missing = applicant();
    missing.remove("employed");
    assertThat(refusal(() -> validator.validate(missing)).getMessage()).isEqualTo("column 'employed': is absent; the model reads it (boolean)");
    ObjectNode extra = applicant().put("ssn", "123");
    assertThat(refusal(() -> validator.validate(extra)).getMessage()).startsWith("column 'ssn': is not a column of this model");
    ApplicantValidator.Valid lenient = validator.validate(extra, true);
    assertThat(lenient.values()).doesNotContainKey("ssn");
    assertThat(lenient.ignored()).extracting(InputProblem::field).containsExactly("ssn");
  }

  @Test
  void csvRecordsAreCheckedWithTheirLine() {
    InvalidFieldException e = refusal(() -> validator.validateText(
        Map.of("income", "x", "purpose", "car", "employed", "true", "applied", "2023-01-01"), "line 7", false));
    assertThat(e.getMessage()).startsWith("line 7, field 'income', value 'x': is not a number");
  }
}
