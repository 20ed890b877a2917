package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.UntrustedBundleException;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import dev.bankml.models.loan.Assessment;
import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.segment.FittedSegmentation;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bundles written by bankml before the signed format (commit 41832f4, see
 * {@code src/test/resources/legacy/README.md}) are refused as unsigned by default, and with the
 * explicit opt-in still load and give exactly the answers recorded with the code that wrote them.
 */
class LegacyBundleFixturesTest {
  private static final LoadOptions TRUSTING = LoadOptions.defaults().trustingUnsigned();

  @TempDir Path dir;

  @Test
  void predictRefusesALegacyBundleWithExit2AndScoresItWithTrustUnsigned() throws IOException {
    Path model = resource("tribuo-logistic.bankml");
    Path input = resource("loan-applications.csv");
    Path out = dir.resolve("p.csv");
    CliRun refused = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--out", out.toString(),
        "-q");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("error: refused bundle", "tribuo-logistic.bankml", "not signed", "--trust-unsigned")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
    CliRun trusted = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--out", out.toString(),
        "--trust-unsigned", "-q");
    assertThat(trusted.exit()).as(trusted.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    List<CSVRecord> expected = csv("tribuo-logistic.expected.csv");
    assertThat(lines).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(lines.get(i + 1)).startsWith((i + 1) + ","
          + String.format(java.util.Locale.ROOT, "%.6f", Double.parseDouble(expected.get(i).get("probability"))) + ","
          + expected.get(i).get("decision"));
    }
    CliRun validate = CliRun.of("validate", "--model", model.toString(), "--input", input.toString(), "-q");
    assertThat(validate.exit()).isEqualTo(2);
    assertThat(validate.err()).contains("--trust-unsigned");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tribuo-logistic", "smile-logistic"})
  void aLegacyLoanModelScoresExactlyAsRecorded(String name) {
    Path file = resource(name + ".bankml");
    assertThatThrownBy(() -> LoanDefaultModel.load(file))
        .isInstanceOf(UntrustedBundleException.class)
        .hasMessageContaining(name + ".bankml")
        .hasMessageContaining("older bankml (format 1) and is not signed");
    LoanDefaultModel m = LoanDefaultModel.load(file, TRUSTING);
    Table apps = CsvTableReader.defaults().read(resource("loan-applications.csv"));
    List<Assessment> assessed = m.assessAll(apps);
    double[] batch = m.probabilities(apps);
    List<CSVRecord> expected = csv(name + ".expected.csv");
    assertThat(assessed).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      CSVRecord e = expected.get(i);
      Assessment a = assessed.get(i);
      assertThat(apps.column("loan_id").text(i)).isEqualTo(e.get("loan_id"));
      assertThat(a.probability()).as("row %d", i).isEqualTo(Double.parseDouble(e.get("probability")));
      assertThat(batch[i]).as("row %d", i).isEqualTo(Double.parseDouble(e.get("batch_probability")));
      assertThat(a.decision().label()).isEqualTo(e.get("decision"));
      assertThat(a.score()).isEqualTo(Long.parseLong(e.get("score")));
      assertThat(a.grade()).isEqualTo(e.get("grade"));
      assertThat(String.join("|", a.reasons())).isEqualTo(e.get("reasons"));
    }
  }

  @Test
  void aLegacyLoanModelGetsAnInputSchemaDerivedFromItsPipeline() {
    LoanDefaultModel m = LoanDefaultModel.load(resource("tribuo-logistic.bankml"), TRUSTING);
    assertThat(m.schema().names()).containsExactlyElementsOf(m.inputSchema().stream().map(f -> f.name()).toList());
    assertThat(m.schema().otherColumns()).contains("defaulted");
    assertThat(m.schema().otherColumnsKnown()).isFalse();
    List<String> columns = new java.util.ArrayList<>(m.schema().names());
    assertThat(m.schema().columnProblems(columns)).isEmpty();
    columns.add("branch");
    assertThat(m.schema().columnProblems(columns)).as("other columns were not recorded: accepted").isEmpty();
    columns.set(columns.indexOf("annual_income"), "anual_income");
    assertThat(m.schema().columnProblems(columns)).anySatisfy(p -> assertThat(p.message()).contains("did you mean"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"seg-smile", "seg-tribuo"})
  void aLegacySegmentationAssignsExactlyAsRecorded(String name) {
    Path file = resource(name + ".bankml");
    assertThatThrownBy(() -> FittedSegmentation.load(file)).isInstanceOf(UntrustedBundleException.class);
    FittedSegmentation s = FittedSegmentation.load(file, TRUSTING);
    Table customers = CsvTableReader.defaults().read(resource("customers.csv"));
    int[] labels = s.assign(customers);
    List<CSVRecord> expected = csv(name + ".expected.csv");
    assertThat(labels).hasSize(expected.size());
    for (int i = 0; i < labels.length; i++) {
      CSVRecord e = expected.get(i);
      assertThat(customers.column(s.idColumn()).text(i)).isEqualTo(e.get("customer_id"));
      assertThat(labels[i]).as("customer %s", e.get("customer_id")).isEqualTo(Integer.parseInt(e.get("segment")));
      assertThat(s.name(labels[i])).isEqualTo(e.get("name"));
    }
  }

  /** A copy of fixture {@code name} in the temporary directory (loading never touches the resource). */
  private Path resource(String name) {
    Path file = dir.resolve(name);
    try (InputStream in = open(name)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static InputStream open(String name) {
    InputStream in = LegacyBundleFixturesTest.class.getResourceAsStream("/legacy/" + name);
    assertThat(in).as("fixture %s", name).isNotNull();
    return in;
  }

  private static List<CSVRecord> csv(String name) {
    try (Reader r = new java.io.InputStreamReader(open(name), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
