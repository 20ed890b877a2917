package dev.bankml.features.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bankml.features.table.ColumnType;
import dev.bankml.features.table.BinaryTarget;
import dev.bankml.features.table.CsvTableReader;
import dev.bankml.features.table.Table;
import org.junit.jupiter.api.Test;

class ProfileTest {
  static final String MESSY = "\uFEFFid,name,income,city,active,joined,note\r\n"
      + "1,\"Smith, John\",52000,Oslo,true,2020-01-15,\"line one\nline two\"\r\n"
      + "2,Ann,NA,Bergen,false,2021-03-01,\r\n"
      + "3,\"Bob \"\"B\"\" Lee\",61000.5,,yes,,plain\r\n"
      + "4,Eve,?,Oslo,TRUE,2019-12-31,\"a,b\"\r\n"
      + "5,Kim,48000,oslo,null,2022-06-30,NaN\r\n";

  @Test
  void countsMatchTheHandCountedFile() {
    Profile p = Profile.of(CsvTableReader.defaults().readText(MESSY, "messy.csv"));
    assertThat(p.rows()).isEqualTo(5);
    check(p.column("id"), ColumnType.NUMERIC, 5, 0, 5);
    check(p.column("name"), ColumnType.CATEGORICAL, 5, 0, 5);
    check(p.column("income"), ColumnType.NUMERIC, 3, 2, 3);
    check(p.column("city"), ColumnType.CATEGORICAL, 4, 1, 3);
    check(p.column("active"), ColumnType.BOOLEAN, 4, 1, 2);
    check(p.column("joined"), ColumnType.DATE, 4, 1, 4);
    check(p.column("note"), ColumnType.CATEGORICAL, 3, 2, 3);
    NumericSummary s = p.column("income").numeric().orElseThrow();
    assertThat(s.min()).isEqualTo(48000);
    assertThat(s.max()).isEqualTo(61000.5);
    assertThat(s.p50()).isEqualTo(52000);
    assertThat(s.mean()).isCloseTo(161000.5 / 3, within(1e-9));
    assertThat(p.column("city").topLevels().get(0)).isEqualTo(new LevelCount("Oslo", 2));
    assertThat(p.column("active").topLevels()).containsExactly(new LevelCount("true", 3), new LevelCount("false", 1));
  }

  private static void check(ColumnProfile c, ColumnType type, long count, long missing, long distinct) {
    assertThat(c.type()).as(c.name()).isEqualTo(type);
    assertThat(c.count()).as(c.name() + " count").isEqualTo(count);
    assertThat(c.missing()).as(c.name() + " missing").isEqualTo(missing);
    assertThat(c.distinct()).as(c.name() + " distinct").isEqualTo(distinct);
  }

  @Test
  void jsonHasRowsAndColumnsWithNameTypeMissingDistinct() throws Exception {
    JsonNode j = new ObjectMapper().readTree(Profile.of(CsvTableReader.defaults().readText(MESSY, "m.csv")).toJson());
    assertThat(j.get("rows").asInt()).isEqualTo(5);
    JsonNode income = j.get("columns").get(2);
    assertThat(income.get("name").asText()).isEqualTo("income");
    assertThat(income.get("type").asText()).isEqualTo("numeric");
    assertThat(income.get("missing").asInt()).isEqualTo(2);
    assertThat(income.get("distinct").asInt()).isEqualTo(3);
  }

  @Test
  void targetRatesAndWarningsFlagIdsConstantsAndLeaks() {
    int n = 100;
    double[] id = new double[n];
    double[] y = new double[n];
    double[] leak = new double[n];
    double[] constant = new double[n];
    String[] grade = new String[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
      y[i] = i % 4 == 0 ? 1 : 0;
      leak[i] = y[i] * 10 + (i % 2) * 0.01;
      constant[i] = 7;
      grade[i] = i % 2 == 0 ? "A" : "B";
    }
    Table t = Table.builder().numeric("id", id).numeric("y", y).numeric("leak", leak).numeric("constant", constant)
        .categorical("grade", grade).build();
    Profile p = Profile.of(t, BinaryTarget.of("y"));
    assertThat(p.warnings()).extracting(w -> w.column() + ":" + w.kind())
        .contains("id:ID_LIKE", "leak:LEAKAGE_SUSPECT", "constant:CONSTANT")
        .doesNotContain("grade:LEAKAGE_SUSPECT", "y:ID_LIKE");
    // i % 4 == 0 are all even: grade A has rate 25/50, grade B 0/50
    assertThat(p.column("grade").targetRates()).containsExactly(new TargetRate("A", 50, 0.5), new TargetRate("B", 50, 0.0));
    assertThat(p.correlations()).anySatisfy(c -> {
      assertThat(c.a()).isEqualTo("id");
      assertThat(c.b()).isEqualTo("y");
    });
    assertThat(p.toText()).contains("warnings").contains("leak");
  }

  @Test
  void aGoodBadTextTargetGetsRatesOfItsBadValue() {
    String[] status = {"good", "bad", "good", "good", "bad", "good", "", "good"};
    String[] grade = {"A", "B", "A", "A", "B", "A", "B", "B"};
    Table t = Table.builder().categorical("Status", status).categorical("grade", grade).build();
    Profile p = Profile.of(t, BinaryTarget.of("Status", "bad"));
    // grade B: bad, bad, (missing), good -> 2 of 3 labelled rows; grade A: none of 4
    assertThat(p.column("grade").targetRates()).containsExactly(new TargetRate("A", 4, 0.0), new TargetRate("B", 3, 2 / 3.0));
    assertThat(Profile.of(t, BinaryTarget.of("Status")).column("grade").targetRates())
        .isEqualTo(p.column("grade").targetRates());
  }

  @Test
  void spearmanIsOneForAMonotonicButNonLinearRelation() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {1, 4, 9, 16, 25, 1000};
    Profile p = Profile.of(Table.builder().numeric("x", x).numeric("y", y).build());
    assertThat(p.correlations().get(0).spearman()).isCloseTo(1.0, within(1e-12));
    assertThat(p.correlations().get(0).pearson()).isLessThan(0.9);
  }
}
