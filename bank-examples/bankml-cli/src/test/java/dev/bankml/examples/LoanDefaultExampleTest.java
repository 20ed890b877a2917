package dev.bankml.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoanDefaultExampleTest {
  @TempDir Path dir;

  @Test
  void trainsSavesLoadsAndAssessesOneApplicantFromACsv() throws Exception {
    Path csv = DemoApplications.write(dir.resolve("applications.csv"), 400, 1);
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      LoanDefaultExample.main(new String[] {csv.toString()});
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("saved to").contains("applicant:").contains("A000000");
    assertThat(out).containsPattern("probability: 0\\.\\d{4}").containsPattern("decision: +(approve|review|decline)")
        .containsPattern("score: +\\d{3}").contains("reasons:");
  }
}
