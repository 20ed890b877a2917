package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict and validate check their input against the model's input schema, strictly by default
 * (exit 2, naming line, field and value) and leniently on request (the rest scored, the refused
 * rows in a rejects file with their reasons).
 */
class SchemaCliTest {
  private static final Path MODEL = Fixtures.sharedLogisticModel();
  @TempDir static Path dir;

  private static Path csv(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static CliRun predict(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("predict", "--model", MODEL.toString(), "-q"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aCsvWithNoneOfTheModelsColumnsIsRefusedNotScored() throws IOException {
    Path x = csv("x.csv", "foo,bar\n1,2\n");
    Path out = dir.resolve("x-out.csv");
    CliRun r = predict("--input", x.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + x + ": 5 problems in the input:")
        .contains("the model's input columns 'debt_to_income', 'income', 'purpose' (3) are absent")
        .contains("column 'foo': is not a column of this model");
    assertThat(out).doesNotExist();
  }

  @Test
  void aDroppedColumnIsRefusedInsteadOfImputedInEveryRow() throws IOException {
    Path x = csv("no-income.csv", "application,debt_to_income,purpose\nA1,0.3,car\n");
    CliRun r = predict("--input", x.toString(), "--out", dir.resolve("n.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: " + x + ": column 'income': is absent; the model reads it (number)\n"
        + "(--lenient scores the rows that pass and writes the others to a rejects file)\n");
  }

  @Test
  void implausibleNegativeInfiniteMisspeltAndPartialRecordsAreRefused() {
    String rest = ",income=40000,purpose=car";
    for (String[] c : new String[][] {
        {"debt_to_income=1e308" + rest, "field 'debt_to_income', value '1e308': is outside the plausible range"},
        {"debt_to_income=-5" + rest, "field 'debt_to_income', value '-5': is outside the plausible range from 0 to"},
        {"debt_to_income=Infinity" + rest, "field 'debt_to_income', value 'Infinity': is not a finite number"},
        {"debt_to_income=0.3,bogus=1" + rest, "column 'bogus': is not a column of this model"},
        {"income=5000", "the model's input columns 'debt_to_income', 'purpose' (2) are absent"},
        {"debt_to_income=0.3,income=40000,purpose=boat", "field 'purpose', value 'boat': is not a level the model knows; valid: one of"},
        {"debt_to_income=,income=40000,purpose=car", "field 'debt_to_income': is blank, but the model's training data always had a value"}}) {
      CliRun r = predict("--record", c[0]);
      assertThat(r.exit()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).startsWith("error: --record: ").contains(c[1]);
    }
  }

  @Test
  void aBlankWhereTrainingHadBlanksIsImputedAndLenientIgnoresUnknownFields() {
    CliRun blank = predict("--record", "debt_to_income=0.3,income=,purpose=NA");
    assertThat(blank.exit()).as(blank.err()).isZero();
    assertThat(blank.out()).startsWith("probability ");
    CliRun strict = predict("--record", "debt_to_income=0.3,income=40000,purpose=car,bogus=1");
    assertThat(strict.exit()).isEqualTo(2);
    CliRun lenient = predict("--lenient", "--record", "debt_to_income=0.3,income=40000,purpose=car,bogus=1");
    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.err()).contains("warning: --record: column 'bogus': is not a column of this model");
  }

  @Test
  void csvRowsAreCheckedLikeRecordsNamingTheLine() throws IOException {
    Path x = csv("bad-rows.csv", "application,debt_to_income,income,purpose\n"
        + "A1,0.3,40000,car\nA2,1e308,40000,car\nA3,-5,40000,home\nA4,0.2,50000,boat\n");
    CliRun r = predict("--input", x.toString(), "--out", dir.resolve("b.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("3 problems in the input:")
        .contains("data row 2 (line 3, application A2), field 'debt_to_income', value '1.0E308'")
        .contains("data row 3 (line 4, application A3), field 'debt_to_income', value '-5'")
        .contains("data row 4 (line 5, application A4), field 'purpose', value 'boat'");
  }

  @Test
  void lenientScoresTheRestAndWritesTheRefusedRowsWithReasonsBesideTheOutput() throws IOException {
    Path x = csv("mixed.csv", "application,debt_to_income,income,purpose,note\n"
        + "A1,0.3,40000,car,x\nA2,1e308,40000,car,y\nA3,0.25,,home,z\nA4,0.2,50000,boat,w\n");
    Path out = dir.resolve("mixed-out.csv");
    CliRun r = CliRun.of("predict", "--model", MODEL.toString(), "--input", x.toString(), "--out", out.toString(), "--lenient");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: " + x + ": column 'note': is not a column of this model")
        .contains(x + ": 4 rows, 2 scored, 2 rejected (reasons in " + dir.resolve("mixed-out.rejects.csv") + ")");
    assertThat(Files.readAllLines(out)).extracting(l -> l.split(",")[0]).containsExactly("application", "A1", "A3");
    List<String> rejects = Files.readAllLines(dir.resolve("mixed-out.rejects.csv"));
    assertThat(rejects.get(0)).isEqualTo("application,debt_to_income,income,purpose,note,rejected_because");
    assertThat(rejects).hasSize(3);
    assertThat(rejects.get(1)).startsWith("A2,").contains("field 'debt_to_income', value '1.0E308': is outside the plausible range");
    assertThat(rejects.get(2)).startsWith("A4,").contains("field 'purpose', value 'boat'");
    Path chosen = dir.resolve("chosen-rejects.csv");
    CliRun r2 = predict("--input", x.toString(), "--out", out.toString(), "--lenient", "--rejects", chosen.toString());
    assertThat(r2.exit()).as(r2.err()).isZero();
    assertThat(chosen).exists();
  }

  @Test
  void lenientWithNoneOfTheColumnsScoresNothingAndRejectsEveryRow() throws IOException {
    Path x = csv("y.csv", "foo,bar\n1,2\n3,4\n");
    Path out = dir.resolve("y-out.csv");
    CliRun r = predict("--input", x.toString(), "--out", out.toString(), "--lenient");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("2 rows, 0 scored, 2 rejected");
    assertThat(Files.readAllLines(out)).containsExactly("row,probability,decision,score,grade");
    List<String> rejects = Files.readAllLines(dir.resolve("y-out.rejects.csv"));
    assertThat(rejects.get(0)).isEqualTo("foo,bar,rejected_because");
    assertThat(rejects.subList(1, 3)).allSatisfy(l -> assertThat(l).contains("column 'debt_to_income': is absent"));
  }

  @Test
  void repeatedIdsAreScoredWithOneWarning() throws IOException {
    Path x = csv("dup.csv", "application,debt_to_income,income,purpose\nA1,0.3,40000,car\nA1,0.4,30000,car\nA2,0.2,50000,home\n");
    CliRun r = CliRun.of("predict", "--model", MODEL.toString(), "--input", x.toString(), "--out", dir.resolve("d.csv").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: " + x + ": 1 rows repeat an id already seen (first: application 'A1' in data row 1"
        + " (line 2, application A1) and data row 2 (line 3, application A1)); every row is scored");
  }

  @Test
  void validateChecksThroughTheSameSchema() throws IOException {
    Path x = csv("v.csv", "application,debt_to_income,income,purpose,defaulted\nA1,1e308,40000,car,no\nA2,0.3,40000,car,yes\n");
    CliRun r = CliRun.of("validate", "--model", MODEL.toString(), "--input", x.toString(), "-q");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("data row 1 (line 2, application A1), field 'debt_to_income', value '1.0E308': is outside the plausible range");
  }
}
