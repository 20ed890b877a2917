package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written past the page cache holds exactly the bytes written, whatever the sizes of the writes. */
class UncachedFileOutputTest {
  @TempDir Path dir;

  @Test
  void theFileHoldsEveryByteInOrderAcrossBlocksFlushesAndTheTail() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    byte[] data = new byte[(1 << 23) + 12_345]; // two buffers and a partial block
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) random.nextInt(256);
    }
    Path file = dir.resolve("bank.csv");
    Files.writeString(file, "an older, longer file that must be replaced".repeat(1000));
    try (OutputStream out = UncachedFileOutput.open(file)) {
      int at = 0;
      while (at < data.length) {
        int n = Math.min(data.length - at, random.nextInt(3) == 0 ? 1 : random.nextInt(700_000));
        if (n == 1) {
          out.write(data[at]);
        } else {
          out.write(data, at, n);
        }
        at += n;
        out.flush();
      }
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(data);
  }

  @Test
  void anEmptyOrTinyFileIsWrittenToo() throws IOException {
    Path empty = dir.resolve("empty.csv");
    try (OutputStream out = UncachedFileOutput.open(empty)) {
      out.flush();
    }
    assertThat(Files.size(empty)).isZero();
    Path tiny = dir.resolve("tiny.csv");
    try (OutputStream out = UncachedFileOutput.open(tiny)) {
      out.write("a,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(Files.readString(tiny)).isEqualTo("a,b\n");
  }
}
