package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import dev.bankml.features.FeatureMatrix;
import dev.bankml.features.pipeline.ImputationFit;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.pipeline.Log1p;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import dev.bankml.models.fake.FakeBackend;
import dev.bankml.models.metrics.AdjustedRandIndex;
import dev.bankml.models.spi.Clustering;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerSegmentationTest {
  private static final Customers DATA = Customers.make(800, 7);

  private static CustomerSegmentation.Builder spec() {
    return CustomerSegmentation.builder().backend(new FakeBackend()).seed(3);
  }

  @Test
  void autoKFindsTheFourGroupsAndRecoversThem() {
    FittedSegmentation s = spec().build().fit(DATA.table);

    assertThat(s.k()).isEqualTo(4);
    assertThat(s.kSelection().forced()).isFalse();
    assertThat(s.kSelection().candidates()).extracting(KCandidate::k).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(AdjustedRandIndex.of(s.trainingLabels(), DATA.truth)).isGreaterThan(0.95);
    assertThat(s.quality().silhouette()).isGreaterThan(0.5);
    assertThat(s.quality().stability()).isGreaterThan(0.9);
  }

  @Test
  void idsPersonalDataAndConstantColumnsAreLeftOut() {
    FittedSegmentation s = spec().k(4).build().fit(DATA.table);

    assertThat(s.idColumn()).isEqualTo("customer_id");
    assertThat(s.trainingIds()).startsWith("C00000", "C00001");
    assertThat(s.dropped()).extracting(DroppedColumn::name).containsExactlyInAnyOrder("email", "bank");
    assertThat(s.features()).containsExactly("annual_income", "travel_share", "online_share", "age", "housing=own");
    assertThat(s.pipeline().inputSchema()).extracting(InputField::name)
        .containsExactly("annual_income", "travel_share", "online_share", "age", "housing");
  }

  @Test
  void skewedIncomeIsLogCompressed() {
    FittedSegmentation s = spec().k(4).build().fit(DATA.table);

    assertThat(s.pipeline().steps()).filteredOn(Log1p.class::isInstance).singleElement()
        .satisfies(log -> assertThat(((Log1p) log).names()).contains("annual_income").doesNotContain("age"));
  }

  @Test
  void forcedKIsUsedAndReportedAsForced() {
    FittedSegmentation s = spec().k(3).build().fit(DATA.table);

    assertThat(s.k()).isEqualTo(3);
    assertThat(s.kSelection().forced()).isTrue();
    assertThat(s.kSelection().chosen()).isEqualTo(3);
  }

  @Test
  void profilesCoverEveryCustomerAndNameTheGroups() {
    FittedSegmentation s = spec().k(4).build().fit(DATA.table);

    assertThat(s.profiles()).hasSize(4);
    assertThat(s.profiles().stream().mapToLong(SegmentProfile::size).sum()).isEqualTo(800);
    assertThat(s.profiles().stream().mapToDouble(SegmentProfile::share).sum()).isCloseTo(1.0, within());
    assertThat(s.profiles()).extracting(SegmentProfile::name).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
    // the oldest group (mean age 70) is named for its age, the richest for its income
    SegmentProfile oldest = s.profiles().stream()
        .max((a, b) -> Double.compare(feature(a, "age").mean(), feature(b, "age").mean())).orElseThrow();
    assertThat(feature(oldest, "age").mean()).isBetween(65.0, 75.0);
    assertThat(feature(oldest, "age").zScore()).isGreaterThan(1.0);
    assertThat(oldest.name()).contains("Older");
    SegmentProfile richest = s.profiles().stream()
        .max((a, b) -> Double.compare(feature(a, "annual_income").mean(), feature(b, "annual_income").mean()))
        .orElseThrow();
    assertThat(richest.name()).contains("High income");
  }

  @Test
  void namesCanBeOverridden() {
    FittedSegmentation s = spec().k(4).names(Map.of(0, "Zero")).build().fit(DATA.table);

    assertThat(s.name(0)).isEqualTo("Zero");
    assertThat(s.withNames(Map.of(1, "One")).name(1)).isEqualTo("One");
  }

  @Test
  void outcomesAddDefaultRateAndHoldingsPerSegment() {
    Map<String, Boolean> defaulted = new HashMap<>();
    Map<String, Set<String>> holdings = new HashMap<>();
    for (int i = 0; i < 800; i++) {
      String id = String.format("C%05d", i);
      defaulted.put(id, DATA.truth[i] == 0);
      holdings.put(id, DATA.truth[i] == 2 ? Set.of("mortgage", "savings") : Set.of("savings"));
    }
    FittedSegmentation s = spec().k(4).outcomes(new CustomerOutcomes(defaulted, holdings)).build().fit(DATA.table);

    for (SegmentProfile p : s.profiles()) {
      assertThat(p.defaultRate()).isPresent();
      assertThat(p.productHoldings().get("savings")).isEqualTo(1.0);
    }
    assertThat(s.profiles()).extracting(p -> p.defaultRate().getAsDouble()).contains(1.0, 0.0);
    assertThat(s.profiles()).extracting(p -> p.productHoldings().getOrDefault("mortgage", 0.0)).contains(1.0, 0.0);
  }

  @Test
  void newCustomersAreAssignedLikeTrainingRows() {
    FittedSegmentation s = spec().k(4).build().fit(DATA.table);
    int[] labels = s.trainingLabels();

    for (int i = 0; i < 20; i++) {
      assertThat(s.assign(DATA.table.row(i))).isEqualTo(labels[i]);
    }
    assertThat(s.assign(DATA.table.selectRows(new int[] {0, 1, 2, 3}))).containsExactly(
        labels[0], labels[1], labels[2], labels[3]);
  }

  @Test
  void aMissingFieldIsImputedAndAWrongOneIsNamed() {
    FittedSegmentation s = spec().k(4).build().fit(DATA.table);
    // age is not skewed, so it is imputed with the median of the training ages
    double[] ages = java.util.Arrays.stream(DATA.table.numeric("age").values()).filter(v -> !Double.isNaN(v))
        .sorted().toArray();
    int mid = ages.length / 2;
    double median = ages.length % 2 == 1 ? ages[mid] : (ages[mid - 1] + ages[mid]) / 2;
    double fill = s.pipeline().steps().stream().filter(ImputationFit.class::isInstance)
        .map(f -> ((ImputationFit) f).numeric().get("age")).findFirst().orElseThrow();
    assertThat(fill).isCloseTo(median, org.assertj.core.data.Offset.offset(1e-9));

    for (int i = 0; i < 40; i++) {
      Map<String, Object> without = new HashMap<>(DATA.table.row(i));
      without.remove("age");
      Map<String, Object> typical = new HashMap<>(without);
      typical.put("age", fill);
      assertThat(s.assign(without)).as("customer %d", i).isEqualTo(s.assign(typical));
    }
    Map<String, Object> record = new HashMap<>(DATA.table.row(3));
    record.put("annual_income", "lots");
    assertThatThrownBy(() -> s.assign(record)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("annual_income").hasMessageContaining("lots");
  }

  @Test
  void densityMethodsLabelNoiseAndProfileIt() {
    FittedSegmentation s = spec().algorithm("noisy")
        .hyperparameters(new dev.bankml.models.spi.Hyperparameters(Map.of("radius", 1.5)))
        .build().fit(DATA.table);

    assertThat(s.kSelection().candidates()).isEmpty();
    assertThat(s.k()).isEqualTo(3);
    long noise = java.util.Arrays.stream(s.trainingLabels()).filter(l -> l == Clustering.NOISE).count();
    assertThat(noise).isPositive();
    assertThat(s.quality().noise()).isEqualTo(noise);
    SegmentProfile last = s.profiles().get(s.profiles().size() - 1);
    assertThat(last.segment()).isEqualTo(Clustering.NOISE);
    assertThat(last.name()).isEqualTo("Noise");
    assertThat(last.size()).isEqualTo(noise);
  }

  @Test
  void densityMethodsOnLargeDataAreFittedOnASampleAndAssignTheRest() {
    FakeBackend backend = new FakeBackend();
    FittedSegmentation s = CustomerSegmentation.builder().backend(backend).algorithm("noisy").seed(3)
        .selectionSample(200).stabilityRuns(0).build().fit(DATA.table);

    assertThat(s.trainingLabels()).hasSize(800);
    assertThat(s.kSelection().rule()).contains("fitted on 200 sampled rows");
    assertThat(s.profiles().stream().mapToLong(SegmentProfile::size).sum()).isEqualTo(800);
    assertThat(AdjustedRandIndex.of(s.trainingLabels(), DATA.truth)).isGreaterThan(0.5);
  }

  @Test
  void pcaReducesTheInputsBeforeClustering() {
    FittedSegmentation s = spec().k(4).pcaVariance(0.8).build().fit(DATA.table);

    assertThat(s.pcaComponents()).isPresent();
    assertThat(s.pcaComponents().get()).isLessThan(s.features().size());
    assertThat(AdjustedRandIndex.of(s.trainingLabels(), DATA.truth)).isGreaterThan(0.9);
  }

  @Test
  void theSameSeedGivesTheSameSegments() {
    int[] a = spec().build().fit(DATA.table).trainingLabels();
    int[] b = spec().build().fit(DATA.table).trainingLabels();

    assertThat(a).isEqualTo(b);
  }

  @Test
  void scatterSampleHasTwoCoordinatesPerPoint() {
    FittedSegmentation s = spec().k(4).build().fit(DATA.table);

    ScatterSample p = s.scatter();
    assertThat(p.pc1()).hasSize(800);
    assertThat(p.pc2()).hasSize(800);
    assertThat(p.segment()).hasSize(800);
    assertThat(p.pc1Variance()).isGreaterThan(p.pc2Variance()).isLessThanOrEqualTo(1.0);
  }

  @Test
  void aTableWithoutUsableColumnsIsRefusedWithTheReasons() {
    Table t = Table.of(NumericColumn.of("customer_id", 1, 2, 3, 4), NumericColumn.of("flat", 5, 5, 5, 5));

    assertThatThrownBy(() -> spec().build().fit(t)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("flat").hasMessageContaining("constant");
  }

  @Test
  void anOutOfRangeKIsRefusedNamingTheSettingNotAFlag() {
    assertThatThrownBy(() -> spec().k(900).build().fit(DATA.table))
        .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.setting()).contains("k"))
        .hasMessageContaining("900").hasMessageNotContaining("--");
  }

  @Test
  void moreSegmentsThanDistinctCustomersAreRefused() {
    Table two = Table.of(NumericColumn.of("spend", 1, 1, 1, 5, 5, 5), NumericColumn.of("visits", 2, 2, 2, 9, 9, 9));
    assertThatThrownBy(() -> spec().k(3).build().fit(two))
        .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.setting()).contains("k"))
        .hasMessageContaining("k = 3").hasMessageContaining("2 distinct customers");
    assertThat(spec().build().fit(two).k()).isEqualTo(2);
  }

  @Test
  void valuesTooLargeToScaleAreRefusedNamingTheColumn() {
    Table huge = Table.of(NumericColumn.of("spend", 1, 2, 3, 1e308, 5, 6), NumericColumn.of("visits", 2, 4, 2, 9, 8, 9));
    assertThatThrownBy(() -> spec().k(2).build().fit(huge)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("'spend'").hasMessageContaining("too large");
    FeatureMatrix infinite = FeatureMatrix.wrap(new double[] {1, 2, 3, Double.POSITIVE_INFINITY, 5, 6}, 3,
        java.util.List.of("a", "b"), java.util.List.of("a", "b"));
    assertThatThrownBy(() -> spec().k(2).build().fit(infinite, java.util.List.of("x", "y", "z")))
        .isInstanceOf(BankmlException.class).hasMessageContaining("'b'").hasMessageContaining("Infinity");
  }

  @Test
  void anUnknownAlgorithmNamesTheAvailableOnes() {
    assertThatThrownBy(() -> spec().algorithm("spectral").build().fit(DATA.table))
        .isInstanceOf(BankmlException.class).hasMessageContaining("kmeans, noisy");
  }

  private static FeatureProfile feature(SegmentProfile p, String name) {
    return p.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

}
