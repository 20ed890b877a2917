package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
  @TempDir Path dir;

  private CliRun last;

  private int run(String... args) {
    last = CliRun.of(args);
    return last.exit();
  }

  private String out() {
    return last.out();
  }

  private String err() {
    return last.err();
  }

  @Test
  void jsonListsRowsAndEveryColumnWithExactCounts() throws Exception {
    Path f = dir.resolve("loans.csv");
    Files.writeString(f, "\uFEFFloan_id;amount;purpose;defaulted\n"
        + "L1;1000;\"car; new\";0\nL2;-;home;1\nL3;3000;;0\nL4;4000;car; new;1\n".replace("car; new;1", "\"car; new\";1"));
    int code = run("profile", "--data", f.toString(), "--delimiter", ";", "--missing", "-,", "--target", "defaulted", "--json", "-q");
    assertThat(code).as(err()).isZero();
    JsonNode j = new ObjectMapper().readTree(out());
    assertThat(j.get("rows").asInt()).isEqualTo(4);
    assertThat(j.get("columns")).hasSize(4);
    JsonNode amount = j.get("columns").get(1);
    assertThat(amount.get("name").asText()).isEqualTo("amount");
    assertThat(amount.get("type").asText()).isEqualTo("numeric");
    assertThat(amount.get("missing").asInt()).isEqualTo(1);
    assertThat(amount.get("distinct").asInt()).isEqualTo(3);
    JsonNode purpose = j.get("columns").get(2);
    assertThat(purpose.get("missing").asInt()).isEqualTo(1);
    assertThat(purpose.get("distinct").asInt()).isEqualTo(2);
    assertThat(purpose.get("topLevels").get(0).get("level").asText()).isEqualTo("car; new");
  }

  @Test
  void textOutputNamesEveryColumn() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "a,b\n1,x\n2,y\n");
    assertThat(run("profile", "--data", f.toString(), "-q")).isZero();
    assertThat(out()).contains("2 rows, 2 columns").contains("a ").contains("b ");
  }

  @Test
  void missingFileExitsTwoWithAMessage() {
    assertThat(run("profile", "--data", dir.resolve("nope.csv").toString(), "-q")).isEqualTo(2);
    assertThat(err()).contains("error: ").contains("nope.csv").contains("no such file");
  }

  @Test
  void unknownTargetExitsTwoNamingTheColumns() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "a,b\n1,x\n2,y\n");
    assertThat(run("profile", "--data", f.toString(), "--target", "zz", "-q")).isEqualTo(2);
    assertThat(err()).contains("target column 'zz' is not in the data").contains("[a, b]").contains("(--target COL)");
  }

  @Test
  void aGoodBadTextTargetGetsTheSameRuleAsEvaluate() throws Exception {
    Path f = dir.resolve("status.csv");
    Files.writeString(f, "grade,Status\nA,good\nB,bad\nA,good\nB,good\n");
    assertThat(run("profile", "--data", f.toString(), "--target", "Status", "--json", "-q")).as(err()).isZero();
    JsonNode grade = new ObjectMapper().readTree(out()).get("columns").get(0);
    assertThat(grade.get("targetRates").toString()).contains("0.5");

    Path odd = dir.resolve("odd.csv");
    Files.writeString(odd, "grade,Status\nA,fine\nB,poor\n");
    assertThat(run("profile", "--data", odd.toString(), "--target", "Status", "-q")).isEqualTo(2);
    assertThat(err()).contains("[fine, poor]").contains("(--positive VALUE)");
  }
}
