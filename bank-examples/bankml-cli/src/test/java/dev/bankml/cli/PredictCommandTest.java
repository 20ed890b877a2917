package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.bundle.CraftedBundles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  @TempDir static Path dir;
  static Path model;
  static Path input;

  @BeforeAll
  static void trainOnce() {
    model = dir.resolve("m.bankml");
    Fixtures.train(Fixtures.applicationsCsv(dir, "train.csv", 700, 3), model,
        List.of("--backend", "smile", "--algorithm", "random-forest", "--cv", "3"));
    input = Fixtures.applicationsCsv(dir, "new.csv", 120, 4);
  }

  @Test
  void writesIdProbabilityDecisionScoreAndReasons() throws IOException {
    Path out = dir.resolve("p.csv");
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(),
        "--explain", "--out", out.toString(), "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(121);
    assertThat(lines.get(0)).isEqualTo("application,probability,decision,score,grade,reason_1,reason_2,reason_3,reason_4");
    assertThat(lines.get(1)).startsWith("A00000,");
    long declined = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(Double.parseDouble(f[1])).isBetween(0.0, 1.0);
      assertThat(f[2]).isIn("approve", "review", "decline");
      Long.parseLong(f[3]);
      assertThat(f[4]).isIn("A", "B", "C", "D", "E", "F", "G");
      if (f[2].equals("decline")) {
        declined++;
        assertThat(f[5]).as("a declined application has a reason: %s", line).isNotEmpty();
      }
      for (int k = 5; k < 9; k++) {
        // worded for a person: no encoded feature names (purpose=cash, debt_to_income_missing)
        assertThat(f[k]).doesNotContain("=").doesNotContain("_");
      }
      if (Double.parseDouble(f[1]) > 0.5 && line.contains("cash")) {
        assertThat(line).contains("Loan purpose: cash");
      }
    }
    assertThat(declined).isPositive();
  }

  @Test
  void withoutExplainTheSameProbabilitiesAndNoReasonColumns() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    assertThat(CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--out", a.toString(), "-q").exit()).isZero();
    assertThat(CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--explain", "--out", b.toString(), "-q").exit()).isZero();
    List<String> plain = Files.readAllLines(a);
    List<String> explained = Files.readAllLines(b);
    assertThat(plain.get(0)).isEqualTo("application,probability,decision,score,grade");
    for (int i = 1; i < plain.size(); i++) {
      assertThat(explained.get(i)).startsWith(plain.get(i) + ",");
    }
  }

  @Test
  void bankDirectoriesTrainOnTheLoanViewAndPredictByLoanId() throws IOException {
    Path bankModel = Fixtures.logisticModel(Fixtures.bank(dir, "bank-a", 400, 1), dir.resolve("bank.bankml"));
    Path bankB = Fixtures.bank(dir, "bank-b", 150, 2);
    assertThat(dev.bankml.models.loan.LoanDefaultModel.load(bankModel).settings().inputSchema()).extracting(f -> f.name())
        .contains("debt_to_income", "annual_income").doesNotContain("loan_id", "customer_id", "defaulted", "true_pd", "application_date");
    Path out = dir.resolve("bank-predictions.csv");
    CliRun p = CliRun.of("predict", "--model", bankModel.toString(), "--input", bankB.toString(),
        "--explain", "--out", out.toString(), "-q");
    assertThat(p.exit()).as(p.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).startsWith("loan_id,probability,decision,score,grade,reason_1");
    assertThat(lines.size()).isGreaterThan(10);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f[2].equals("decline")) {
        assertThat(f[5]).as(line).isNotEmpty().doesNotContain("=").doesNotContain("_");
      }
    }
  }

  @Test
  void singleRecordPrintsOneLine() {
    CliRun r = CliRun.of("predict", "--model", model.toString(),
        "--record", "debt_to_income=0.55,income=21000,purpose=cash");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("probability").contains("decision").contains("score").contains("grade")
        .contains("reasons: ").contains("Debt-to-income ratio too high");
  }

  @Test
  void flippedByteTruncationAndWrongVersionAreRefusedWithExitTwoAndNoStackTrace() throws IOException {
    byte[] good = Files.readAllBytes(model);
    Path out = dir.resolve("never.csv");

    byte[] flipped = good.clone();
    flipped[good.length / 3] ^= 0x01;
    assertRefused(write("flipped.bankml", flipped), out);

    assertRefused(write("truncated.bankml", Arrays.copyOf(good, good.length - 100)), out);

    Path v99 = dir.resolve("v99.bankml");
    CraftedBundles.rewrite(model, v99, e -> e.put("manifest.json", new String(e.get("manifest.json"),
        StandardCharsets.UTF_8).replace("\"format_version\" : 2", "\"format_version\" : 99").getBytes(StandardCharsets.UTF_8)),
        false);
    CliRun r = assertRefused(v99, out, "--trust-unsigned");
    assertThat(r.err()).contains("format version 99");

    Path edited = dir.resolve("edited.bankml");
    CraftedBundles.rewrite(model, edited, e -> e.put("manifest.json", new String(e.get("manifest.json"),
        StandardCharsets.UTF_8).replaceFirst("\"threshold\" : [0-9.E-]+", "\"threshold\" : 0.99").getBytes(StandardCharsets.UTF_8)),
        true);
    assertThat(assertRefused(edited, out, "--trust-unsigned").err()).contains("signature", "does not verify");

    Path nan = dir.resolve("nan.bankml");
    CraftedBundles.rewrite(model, nan, e -> e.put("manifest.json", new String(e.get("manifest.json"),
        StandardCharsets.UTF_8).replaceFirst("\"threshold\" : [0-9.E-]+", "\"threshold\" : \"NaN\"").getBytes(StandardCharsets.UTF_8)),
        false);
    assertThat(assertRefused(nan, out).err()).contains("not signed", "hint: ", "--trust-unsigned");
    assertThat(assertRefused(nan, out, "--trust-unsigned").err()).contains("entry 'manifest.json'", "threshold", "NaN");
    assertThat(out).doesNotExist();
  }

  private static CliRun assertRefused(Path bundle, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("predict", "--model", bundle.toString(), "--input",
        input.toString(), "--out", out.toString(), "-q"));
    args.addAll(List.of(more));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.exit()).as(bundle.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(bundle.getFileName().toString()).doesNotContain("\tat ");
    return r;
  }

  private static Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }
}
