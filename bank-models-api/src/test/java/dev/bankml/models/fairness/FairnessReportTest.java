package dev.bankml.models.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.BankmlException;
import dev.bankml.features.table.CategoricalColumn;
import dev.bankml.features.table.NumericColumn;
import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairnessReportTest {
  /**
   * married: 10 rows, 8 approved, 2 defaults (1 among the approved); single: 10 rows, 5 approved,
   * 4 defaults (1 among the approved). Ratio 0.5 / 0.8 = 0.625 < 0.8: single is flagged.
   */
  @Test
  void computesRatesRatiosAndTheFourFifthsFlagByHand() {
    List<String> g = new ArrayList<>();
    int[] y = new int[20];
    boolean[] ok = new boolean[20];
    for (int i = 0; i < 10; i++) {
      g.add("married");
      ok[i] = i < 8;
      y[i] = i == 0 || i == 9 ? 1 : 0;
    }
    for (int i = 10; i < 20; i++) {
      g.add("single");
      ok[i] = i < 15;
      y[i] = i == 10 || i >= 17 ? 1 : 0;
    }
    FairnessReport r = FairnessReport.of("marital_status", g, y, ok);

    assertThat(r.referenceGroup()).isEqualTo("married");
    GroupFairness married = r.groups().get(0);
    GroupFairness single = r.groups().get(1);
    assertThat(married).isEqualTo(new GroupFairness("married", 10, 8, 0.8, 0.2, 1 / 8.0, 1.0, false));
    assertThat(single.approvalRate()).isEqualTo(0.5);
    assertThat(single.defaultRate()).isEqualTo(0.4);
    assertThat(single.approvedDefaultRate()).isEqualTo(0.2);
    assertThat(single.approvalRatio()).isCloseTo(0.625, within(1e-12));
    assertThat(r.flagged()).extracting(GroupFairness::group).containsExactly("single");
  }

  @Test
  void ratioOfExactlyFourFifthsIsNotFlagged() {
    List<String> g = List.of("a", "a", "a", "a", "a", "b", "b", "b", "b", "b");
    boolean[] ok = {true, true, true, true, true, true, true, true, true, false};
    FairnessReport r = FairnessReport.of("x", g, new int[10], ok);
    assertThat(r.flagged()).isEmpty();
    assertThat(r.groups()).filteredOn(x -> x.group().equals("b")).first()
        .satisfies(b -> assertThat(b.approvalRatio()).isEqualTo(0.8));
  }

  @Test
  void approvalComesFromTheThresholdAndMissingValuesFormTheirOwnGroup() {
    Table t = Table.of(CategoricalColumn.wrap("gender", new int[] {0, 1, CategoricalColumn.MISSING, 0}, List.of("f", "m")));
    List<FairnessReport> r = FairnessReport.of(t, List.of("gender"), new int[] {0, 1, 0, 0}, new double[] {0.1, 0.2, 0.9, 0.6}, 0.5);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).groups()).extracting(GroupFairness::group).containsExactly("f", "(missing)", "m");
    assertThat(r.get(0).groups().get(0).approvalRate()).isEqualTo(0.5);
    assertThat(r.get(0).groups().get(1).approved()).isZero();
    assertThat(r.get(0).groups().get(1).approvedDefaultRate()).isNaN();
  }

  @Test
  void manyValuedNumericColumnsAreGroupedInQuintileBands() {
    double[] age = new double[100];
    for (int i = 0; i < age.length; i++) {
      age[i] = 20 + i * 0.5;
    }
    List<String> groups = ProtectedGroups.of(NumericColumn.of("age", age));
    assertThat(groups.stream().distinct()).hasSize(5).contains("< 30", ">= 60");
    assertThat(groups.stream().filter("< 30"::equals)).hasSize(20);
  }

  @Test
  void unequalLengthsAreRefused() {
    assertThatThrownBy(() -> FairnessReport.of("x", List.of("a"), new int[2], new boolean[1]))
        .isInstanceOf(BankmlException.class).hasMessageContaining("'x'").hasMessageContaining("equal in number");
  }
}
