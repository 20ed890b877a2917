package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output files of the commands go through the one atomic write: an existing file is replaced in
 * one step keeping its permissions, a directory named as output is refused (exit 2) and left as
 * it was, and no temporary file is left behind.
 */
class OutputFilesTest {
  @TempDir static Path dir;
  static Path model;
  static Path input;
  static Path bank;

  @BeforeAll
  static void prepare() {
    model = Fixtures.logisticModel(Fixtures.applicationsCsv(dir, "train.csv", 400, 3), dir.resolve("m.bankml"));
    input = Fixtures.applicationsCsv(dir, "new.csv", 50, 4);
    bank = Fixtures.bank(dir, "bank", 150, 3);
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static long temporaryFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  @Test
  void predictReplacesItsOutputKeepingThePermissions() throws IOException {
    Path out = dir.resolve("shared-predictions.csv");
    Files.writeString(out, "old predictions\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--out", out.toString(), "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(51).first().asString().startsWith("application,probability");
    assertThat(mode(out)).isEqualTo("rw-r--r--");
    assertThat(temporaryFiles(dir)).isZero();
  }

  @Test
  void predictRefusesAnEmptyDirectoryAsOutputAndLeavesIt() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("results"));
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--out", folder.toString(),
        "-q");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("results").contains("is a directory").doesNotContain("\tat ");
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void recommendAllReplacesItsOutputInOneStepKeepingThePermissions() throws IOException {
    Path out = dir.resolve("recs.csv");
    Files.writeString(out, "old\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-r--"));
    CliRun r = CliRun.of("recommend", "--data", bank.toString(), "--all", "--k", "3", "--out", out.toString(), "-q");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out).get(0)).isEqualTo("customer_id,rank,product_id,score,reason");
    assertThat(mode(out)).isEqualTo("rw-rw-r--");
    assertThat(temporaryFiles(dir)).isZero();
    Path folder = Files.createDirectory(dir.resolve("recs-folder"));
    CliRun refused = CliRun.of("recommend", "--data", bank.toString(), "--all", "--out", folder.toString(), "-q");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("is a directory");
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void keysShowsTheSigningKeyAndExportsItsPublicHalf() throws IOException {
    CliRun shown = CliRun.of("keys");
    assertThat(shown.exit()).as(shown.err()).isZero();
    assertThat(shown.out()).containsPattern("signing key: [0-9a-f]{16} \\(").contains("trusted keys: ");
    Path pub = dir.resolve("me.pub");
    assertThat(CliRun.of("keys", "--export-public", pub.toString()).exit()).isZero();
    assertThat(Files.readString(pub)).contains("public-key=").doesNotContain("private-key");
    Path fresh = dir.resolve("new.key");
    CliRun made = CliRun.of("keys", "--new", fresh.toString());
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(mode(fresh)).isEqualTo("rw-------");
    CliRun again = CliRun.of("keys", "--new", fresh.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
  }
}
