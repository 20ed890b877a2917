package dev.bankml.features.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bankml.data.BankmlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader under hostile input (issue 15): random bytes and damaged copies of a valid file
 * are either read or refused with a typed {@link BankmlException} naming where, each within a time
 * bound, in a test JVM with a 256 MB heap (see this module's pom: {@code Hostile*Test} runs there).
 */
class HostileCsvTest {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final String VALID = "loan_id,amount,rate,purpose,applied,note,ok\n"
      + "L1,1200.50,0.05,car,2024-01-31,\"said \"\"hi\"\", left\",true\n"
      + "L2,,0.07,home,2024-02-29,plain,false\n"
      + "L3,99000,NA,cash,2023-12-01,\"two\nlines\",yes\n"
      + "L4,-5,0.1,b\u00f6at,2022-06-15,,no\n";

  /** Reads {@code bytes} as a file: a table, or a typed error; anything else fails the property. */
  private static void readOrRefuse(byte[] bytes) {
    Path file;
    try {
      file = Files.createTempFile("hostile", ".csv");
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      assertTimeoutPreemptively(BOUND, () -> {
        try {
          Table t = CsvTableReader.defaults().read(file);
          assertThat(t.rows()).isLessThanOrEqualTo(bytes.length);
        } catch (BankmlException e) {
          assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(5_000);
        }
      });
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the JVM's temp directory is cleaned by the build
      }
    }
  }

  @Property(tries = 300)
  void randomBytesAreReadOrRefusedWithATypedError(@ForAll("bytes") byte[] bytes) {
    readOrRefuse(bytes);
  }

  @Property(tries = 500)
  void damagedCopiesOfAValidFileAreReadOrRefusedWithATypedError(@ForAll("damage") List<Tuple.Tuple3<Integer, Integer, Byte>> edits) {
    byte[] b = VALID.getBytes(StandardCharsets.UTF_8);
    for (Tuple.Tuple3<Integer, Integer, Byte> e : edits) {
      b = apply(b, e.get1(), e.get2(), e.get3());
    }
    readOrRefuse(b);
  }

  @Property(tries = 200)
  void anyTextIsReadOrRefusedWithATypedError(@ForAll("text") String text) {
    assertTimeoutPreemptively(BOUND, () -> {
      try {
        CsvTableReader.defaults().readText(text, "text.csv");
      } catch (BankmlException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    });
  }

  /** One edit at {@code where}: overwrite, insert, delete, or insert something a CSV reader finds hard. */
  private static byte[] apply(byte[] b, int kind, int where, byte value) {
    int at = b.length == 0 ? 0 : Math.floorMod(where, b.length);
    byte[][] hard = {
      {'"'}, {'\n'}, {'\r'}, {','}, {(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
      "Infinity".getBytes(StandardCharsets.US_ASCII), "1e400".getBytes(StandardCharsets.US_ASCII),
      "1e308".getBytes(StandardCharsets.US_ASCII), "2024-02-30".getBytes(StandardCharsets.US_ASCII), {0}
    };
    switch (Math.floorMod(kind, 4)) {
      case 0 -> {
        if (b.length > 0) {
          b = b.clone();
          b[at] = value;
        }
        return b;
      }
      case 1 -> {
        return splice(b, at, 0, new byte[] {value});
      }
      case 2 -> {
        return b.length == 0 ? b : splice(b, at, 1, new byte[0]);
      }
      default -> {
        return splice(b, at, 0, hard[Math.floorMod(value, hard.length)]);
      }
    }
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<Integer, Integer, Byte>>> damage() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.bytes())
        .as(Tuple::of).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(2000),
        Arbitraries.strings().withChars("ab,\"\n\r 1.e-2024NAInfty").ofMaxLength(500));
  }

  @Test
  void aTwentyMegabyteFieldAndAFiftyThousandColumnHeaderFitInTheSmallHeap() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      String big = "n\n\"" + "x".repeat(20_000_000) + "\"\n";
      Table t = CsvTableReader.defaults().readText(big, "big.csv");
      assertThat(t.rows()).isEqualTo(1);
      StringBuilder wide = new StringBuilder();
      for (int i = 0; i < 50_000; i++) {
        wide.append(i == 0 ? "" : ",").append('c').append(i);
      }
      wide.append('\n');
      Table w = CsvTableReader.defaults().readText(wide.toString(), "wide.csv");
      assertThat(w.columnNames()).hasSize(50_000);
    });
  }
}
