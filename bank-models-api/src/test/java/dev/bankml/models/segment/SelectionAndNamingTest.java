package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SelectionAndNamingTest {
  @Test
  void kneeIsWhereTheCurveBends() {
    int[] k = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] inertia = {1000, 500, 120, 100, 90, 82, 75, 70};

    assertThat(KneeDetection.knee(k, inertia)).isEqualTo(3);
  }

  @Test
  void theMostVotedKWins() {
    List<KCandidate> c = List.of(
        cand(2, 900, 0.40, 1.0, 100),
        cand(3, 300, 0.60, 0.5, 400),
        cand(4, 250, 0.50, 0.7, 300),
        cand(5, 230, 0.45, 0.8, 250));

    KSelection s = KRule.choose(c);

    assertThat(s.chosen()).isEqualTo(3);
    assertThat(s.knee()).isEqualTo(3);
    assertThat(s.rule()).contains("best silhouette k=3");
  }

  @Test
  void aTieGoesToTheHigherCalinskiHarabasz() {
    List<KCandidate> c = List.of(
        cand(2, 1700, 0.62, 0.69, 1464),
        cand(3, 900, 0.76, 0.33, 3520),
        cand(4, 230, 0.71, 0.41, 5251),
        cand(5, 215, 0.61, 0.71, 4217),
        cand(6, 200, 0.59, 0.68, 4449));

    assertThat(KRule.choose(c).chosen()).isEqualTo(4);
  }

  @Test
  void gaussianMixturesAreChosenByLowestBic() {
    List<KCandidate> c = List.of(
        new KCandidate(2, 10, 0.9, 0.1, 900, OptionalDouble.of(500)),
        new KCandidate(3, 8, 0.5, 0.5, 100, OptionalDouble.of(300)),
        new KCandidate(4, 7, 0.4, 0.6, 90, OptionalDouble.of(350)));

    KSelection s = KRule.choose(c);

    assertThat(s.chosen()).isEqualTo(3);
    assertThat(s.rule()).contains("BIC");
  }

  @Test
  void namesComeFromTheStrongestFeaturesOfDistinctColumns() {
    SegmentProfile p = profile(
        f("annual_income", 1.8), f("spend_share_travel", 1.2), f("channel_online_share", 0.9),
        f("age", -0.1), f("employment=retired", -0.5));

    assertThat(SegmentNamer.name(p)).isEqualTo("High income · Frequent travel · Digital");
  }

  @Test
  void lowValuesAndCategoriesReadNaturally() {
    assertThat(SegmentNamer.name(profile(f("age", -1.5), f("employment=student", 1.1), f("tenure_months", -0.8))))
        .isEqualTo("Younger · Student · New customers");
    assertThat(SegmentNamer.name(profile(f("balance", 0.1)))).isEqualTo("Typical customers");
    assertThat(SegmentNamer.name(profile(f("channel_branch", 1.2), f("channel_card", -0.9))))
        .isEqualTo("Frequent branch use · Rare card use");
  }

  @Test
  void duplicateNamesAreNumbered() {
    SegmentProfile a = profile(f("balance", 1.0));
    SegmentProfile b = new SegmentProfile(1, "", 1, 0.5, a.features(), List.of(), OptionalDouble.empty(), Map.of());

    assertThat(SegmentNamer.names(List.of(a, b))).containsExactly("High balance", "High balance #2");
  }

  private static KCandidate cand(int k, double inertia, double sil, double db, double ch) {
    return new KCandidate(k, inertia, sil, db, ch, OptionalDouble.empty());
  }

  private static FeatureProfile f(String name, double z) {
    return new FeatureProfile(name, z, z, 0, z);
  }

  private static SegmentProfile profile(FeatureProfile... features) {
    return new SegmentProfile(0, "", 1, 0.5, List.of(features), List.of(), OptionalDouble.empty(), Map.of());
  }
}
