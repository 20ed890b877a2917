package dev.bankml.models.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.bundle.BundleFormatException;
import dev.bankml.data.bundle.BundleKeys;
import dev.bankml.data.bundle.BundleLimits;
import dev.bankml.data.bundle.CraftedBundles;
import dev.bankml.data.bundle.LoadOptions;
import dev.bankml.data.bundle.TamperedBundleException;
import dev.bankml.data.bundle.UntrustedBundleException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A loan model bundle whose manifest was edited to a value that would silently change every
 * decision (a threshold of NaN approves everyone, -1 declines everyone) is refused: as tampered
 * when it is signed, and by the range checks of {@link LoanSettings} when the attacker also
 * stripped the signature and the loader opted in to unsigned bundles. Runs in the module's
 * {@code -Xmx256m} test JVM with the other hostile-input tests; timeouts are hang guards.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileLoanBundleTest {
  private static final BundleKeys KEYS = BundleKeys.generate();
  private static final LoadOptions OPTIONS = new LoadOptions(false, KEYS, BundleLimits.DEFAULT);

  @TempDir static Path dir;
  static Path saved;

  @BeforeAll
  static void train() {
    LoanDefaultModel m = LoanDefaultOptions.builder().backend("fake").idColumn("loan_id").folds(3).seed(7).threads(1)
        .build().fit(LoanDefaultModelTest.applications(300, 41));
    saved = dir.resolve("loans.bankml");
    m.save(saved, KEYS);
    assertThat(LoanDefaultModel.load(saved, OPTIONS).threshold()).isEqualTo(m.threshold());
  }

  private static Path edited(String name, UnaryOperator<String> edit, boolean keepSignature) {
    Path out = dir.resolve(name);
    CraftedBundles.rewrite(saved, out, e -> e.put("manifest.json", edit.apply(
        new String(e.get("manifest.json"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)), keepSignature);
    return out;
  }

  private static UnaryOperator<String> field(String name, String value) {
    return json -> {
      String replaced = json.replaceFirst("(\"" + name + "\" : )[^,\\n]+", "$1" + java.util.regex.Matcher.quoteReplacement(value));
      assertThat(replaced).as("field %s edited", name).isNotEqualTo(json);
      return replaced;
    };
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "threshold      | \"NaN\"    | threshold",
      "threshold      | -1         | threshold",
      "threshold      | 1.5        | threshold",
      "review_band    | 0.7        | review_band",
      "base_odds      | \"Infinity\" | score_scaling",
      "points_to_double_odds | 0   | points to double",
      "cv_folds       | -4         | cv_folds"})
  void anOutOfRangeSettingIsRefusedNamingTheField(String name, String value, String named) {
    Path signed = edited("signed-" + name + ".bankml", field(name, value), true);
    assertThatThrownBy(() -> LoanDefaultModel.load(signed, OPTIONS.trustingUnsigned()))
        .isInstanceOf(TamperedBundleException.class)
        .hasMessageContaining("does not verify");

    Path unsigned = edited("unsigned-" + name + ".bankml", field(name, value), false);
    assertThatThrownBy(() -> LoanDefaultModel.load(unsigned, OPTIONS)).isInstanceOf(UntrustedBundleException.class);
    assertThatThrownBy(() -> LoanDefaultModel.load(unsigned, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("unsigned-" + name + ".bankml")
        .hasMessageContaining("entry 'manifest.json'")
        .hasMessageContaining(named);
  }

  @Test
  void aMissingSettingIsAnErrorNotASilentDefault() {
    Path file = edited("missing.bankml", json -> json.replaceFirst("\"threshold\" : [^,\\n]+,", ""), false);
    assertThatThrownBy(() -> LoanDefaultModel.load(file, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'manifest.json'")
        .hasMessageContaining("threshold");
  }

  @Test
  void anUnknownCalibrationMethodIsRefused() {
    Path file = edited("calibration.bankml", field("method", "\"magic\""), false);
    assertThatThrownBy(() -> LoanDefaultModel.load(file, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("magic");
  }

  @Test
  void aBaselineThatDoesNotFitThePipelineIsRefused() {
    Path file = edited("baseline.bankml", json -> json.replaceFirst("\"explainer_baseline\" : \\[", "\"explainer_baseline\" : [ 1.0,"),
        false);
    assertThatThrownBy(() -> LoanDefaultModel.load(file, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("explainer_baseline");
  }

  @Test
  void aSegmentationOrRecommenderBundleIsNotALoanModel() {
    Path file = edited("kind.bankml", json -> json.replace("\"kind\" : \"loan-model\"", "\"kind\" : \"segmentation\""),
        false);
    assertThatThrownBy(() -> LoanDefaultModel.load(file, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("it is a segmentation bundle, not a loan-model bundle");
  }
}
