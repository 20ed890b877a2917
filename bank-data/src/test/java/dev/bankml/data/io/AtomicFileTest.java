package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private long filesIn(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }

  @Test
  void aReplacedFileGetsTheNewContentAndKeepsItsPermissions() throws IOException {
    Path file = dir.resolve("out.csv");
    for (String mode : new String[] {"rw-r--r--", "rw-rw-r--", "rw-r-----"}) {
      Files.writeString(file, "old");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      AtomicFile.writeString(file, "new");
      assertThat(file).hasContent("new");
      assertThat(mode(file)).isEqualTo(mode);
    }
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void aNewFileGetsTheUmaskPermissionsOfAnyNewFileNotOwnerOnly() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain"));
    Path file = dir.resolve("sub/new.csv");
    AtomicFile.write(file, new byte[] {1, 2});
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2);
    assertThat(mode(file)).isEqualTo(mode(plain));
  }

  @Test
  void aSecretIsOwnerOnlyEvenWhenItReplacesAReadableFile() throws IOException {
    Path file = dir.resolve("key");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    AtomicFile.writeSecret(file, out -> out.write(1));
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  @Test
  void aDirectoryIsNeverReplacedNorDeleted() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> AtomicFile.writeString(empty, "x"))
        .isInstanceOf(OutputFileException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("is a directory");
    assertThat(empty).isEmptyDirectory();
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void aBodyThatClosesItsStreamStillWritesADurableFile() throws IOException {
    Path file = dir.resolve("closed.json");
    AtomicFile.write(file, out -> {
      out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.close();
    });
    assertThat(file).hasContent("{}");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("out.csv");
    Files.writeString(file, "old");
    assertThatThrownBy(() -> AtomicFile.write(file, out -> {
      out.write(new byte[100_000]);
      throw new IOException("disk full");
    })).isInstanceOf(OutputFileException.class).hasMessageContaining("out.csv").hasMessageContaining("disk full");
    assertThat(file).hasContent("old");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void aBodyThatThrowsABankmlErrorPassesItOnAndLeavesNothingBehind() throws IOException {
    Path file = dir.resolve("out.csv");
    assertThatThrownBy(() -> AtomicFile.write(file, out -> {
      throw new dev.bankml.data.BankmlException("row 3 is bad");
    })).hasMessage("row 3 is bad");
    assertThat(filesIn(dir)).isZero();
  }

  @Test
  void aMissingFolderThatCannotBeCreatedIsReportedNamingTheFile() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
    Path file = blocker.resolve("out.csv");
    assertThatThrownBy(() -> AtomicFile.writeString(file, "x"))
        .isInstanceOf(OutputFileException.class)
        .hasMessageContaining("out.csv");
  }
}
