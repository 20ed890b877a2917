package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.synth.SyntheticBank;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = BankMl.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void servesABankDirectoryAndPrintsTheUrl() {
    Path bank = dir.resolve("bank");
    SyntheticBank.builder().customers(400).seed(3).build().generate(bank, ProgressListener.NONE);
    int code = run("serve", "--data", bank.toString(), "--cache", dir.resolve("cache").toString(), "--port", "0", "-q",
        "--exit-when-ready");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("serving the bankml UI at http://127.0.0.1:");
  }

  @Test
  void aPortOutOfRangeIsABadOption() {
    assertThat(run("serve", "--port", "70000", "-q")).isEqualTo(2);
    assertThat(err.toString()).contains("error: --port 70000 is out of range; valid: 0 to 65535");
  }

  @Test
  void aDataDirectoryWithoutLoansIsABadOption() {
    int code = run("serve", "--data", dir.resolve("missing").toString(), "--cache", dir.toString(), "--port", "0", "-q");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(
        "has no loans.csv and customers.csv; the data must be a bank directory written by 'bankml generate' (--data BANKDIR)");
  }

  @Test
  void aTakenPortIsReportedBeforeAnyWork() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path cache = dir.resolve("cache");
      int code = run("demo", "--port", Integer.toString(taken.getLocalPort()), "--cache", cache.toString());
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "choose another --port");
      assertThat(java.nio.file.Files.exists(cache)).as("nothing generated").isFalse();
    }
  }

  @Test
  void serveTakesSeveralModelsAndADictionary() {
    assertThat(run("serve", "--help")).isZero();
    assertThat(out.toString()).contains("--model", "repeat", "--dictionary");
    int code = run("serve", "--model", dir.resolve("a.bankml").toString(), "--model", dir.resolve("b.bankml").toString(),
        "--port", "0", "-q");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--model " + dir.resolve("a.bankml") + " does not exist");
  }

  @Test
  void demoHelpNamesItsOptions() {
    assertThat(run("demo", "--help")).isZero();
    assertThat(out.toString()).contains("--port", "--cache", "--quiet").doesNotContain("--exit-when-ready");
  }
}
