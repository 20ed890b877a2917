package dev.bankml.features.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.SettingException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BinaryTargetTest {
  private static Table text(String... values) {
    StringBuilder csv = new StringBuilder("id,status\n");
    for (int i = 0; i < values.length; i++) {
      csv.append(i + 1).append(',').append(values[i]).append('\n');
    }
    return CsvTableReader.defaults().readText(csv.toString(), "t.csv");
  }

  @Test
  void zeroOneBooleanAndYesNoColumnsNeedNoPositiveValue() {
    Table t = Table.builder().numeric("y", new double[] {0, 1, 1}).build();
    assertThat(BinaryTarget.of("y").labels(t)).containsExactly(0, 1, 1);
    assertThat(BinaryTarget.of("status").labels(text("yes", "no", "no"))).containsExactly(1, 0, 0);
    assertThat(BinaryTarget.of("status").labels(text("good", "bad", "good"))).containsExactly(0, 1, 0);
  }

  @Test
  void aNamedPositiveValueMatchesExactlyElseIgnoringCase() {
    assertThat(BinaryTarget.of("status", "BAD").labels(text("good", "bad", "good"))).containsExactly(0, 1, 0);
    assertThat(BinaryTarget.of("status", "good").labels(text("good", "bad", "good"))).containsExactly(1, 0, 1);
    assertThat(BinaryTarget.of("status", "no").labels(text("yes", "no", "no"))).containsExactly(0, 1, 1);
    Table n = Table.builder().numeric("y", new double[] {2, 7, 2}).build();
    assertThat(BinaryTarget.of("y", "7").labels(n)).containsExactly(0, 1, 0);
    // a sample without defaults: the positive value is a second outcome that did not happen
    assertThat(BinaryTarget.of("status", "bad").labels(text("good", "good"))).containsExactly(0, 0);
  }

  @Test
  void errorsNameTheColumnTheValueAndTheSettingThatWouldFixThem() {
    assertThatThrownBy(() -> BinaryTarget.of("outcome").labels(text("good", "bad")))
        .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.setting()).contains("target"))
        .hasMessageContaining("'outcome' is not in the data").hasMessageContaining("[id, status]");
    assertThatThrownBy(() -> BinaryTarget.of("status").labels(text("good", "poor")))
        .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.setting()).contains("positive"))
        .hasMessageContaining("[good, poor]");
    assertThatThrownBy(() -> BinaryTarget.of("status", "ugly").labels(text("good", "bad")))
        .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.setting()).contains("positive"))
        .hasMessageContaining("'ugly' never occurs");
    assertThatThrownBy(() -> BinaryTarget.of("status").labels(text("good", "bad", "maybe", "bad")))
        .isInstanceOfSatisfying(TargetValueException.class, e -> {
          assertThat(e.row()).isEqualTo(2);
          assertThat(e.setting()).isEmpty();
          assertThat(e.at("line 4")).contains("third value 'maybe' in line 4");
        })
        .hasMessageContaining("third value 'maybe' in data row 3");
    Table n = Table.builder().numeric("y", new double[] {0, 1, 2}).build();
    assertThatThrownBy(() -> BinaryTarget.of("y").labels(n))
        .isInstanceOfSatisfying(SettingException.class, e -> assertThat(e.setting()).contains("positive"))
        .hasMessageContaining("has value 2 in data row 3").hasMessageNotContaining("--");
    assertThatThrownBy(() -> BinaryTarget.of("y", "one").labels(n)).hasMessageContaining("'one' is not a number");
    assertThatThrownBy(() -> BinaryTarget.of("status", "bad").labels(text("true", "false")))
        .hasMessageContaining("boolean").hasMessageContaining("'bad'");
  }

  @Test
  void aMissingValueIsAnErrorOrMinusOneWhenAllowed() {
    Table t = text("good", "", "bad");
    assertThatThrownBy(() -> BinaryTarget.of("status").labels(t)).hasMessageContaining("is missing in data row 2");
    assertThat(BinaryTarget.of("status").labelsOrMissing(t)).containsExactly(0, -1, 1);
  }

  /** The same outcomes written as 0/1, as true/false and as good/bad text give the same labels. */
  @Property(tries = 100)
  void everySpellingOfTheSameOutcomesGivesTheSameLabels(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 1) Integer> outcomes) {
    int[] expected = outcomes.stream().mapToInt(Integer::intValue).toArray();
    double[] numbers = outcomes.stream().mapToDouble(Integer::doubleValue).toArray();
    List<String> words = new ArrayList<>();
    List<String> booleans = new ArrayList<>();
    for (int v : expected) {
      words.add(v == 1 ? "bad" : "good");
      booleans.add(v == 1 ? "true" : "false");
    }
    assertThat(BinaryTarget.of("y").labels(Table.builder().numeric("y", numbers).build())).containsExactly(expected);
    assertThat(BinaryTarget.of("status", "bad").labels(text(words.toArray(String[]::new)))).containsExactly(expected);
    assertThat(BinaryTarget.of("status").labels(text(booleans.toArray(String[]::new)))).containsExactly(expected);
  }
}
