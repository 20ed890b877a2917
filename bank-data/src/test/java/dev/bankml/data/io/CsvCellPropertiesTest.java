package dev.bankml.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bankml.data.domain.Channel;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.LoanPurpose;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class CsvCellPropertiesTest {

  @Property
  void moneyFormatsAndParsesBackExactly(@ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long cents) {
    double value = cents / 100.0;
    String text = Decimals.format(value, 2);
    assertThat(Decimals.isPlainNumber(text)).isTrue();
    assertThat(text).doesNotContain(",").doesNotContain("E");
    assertThat(Double.parseDouble(text)).isEqualTo(value);
  }

  @Property
  void formattingIgnoresTheDefaultLocale(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long micros) {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Decimals.format(micros / 1e6, 6)).doesNotContain(",");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Property
  void javaOnlyNumberSyntaxIsNotAPlainNumber(@ForAll("javaisms") String text) {
    assertThat(Decimals.isPlainNumber(text)).isFalse();
  }

  @Provide
  Arbitrary<String> javaisms() {
    return Arbitraries.of("NaN", "Infinity", "-Infinity", "1d", "2f", "0x1p3", "", "-", ".", "1e", "1.2.3", "1 000");
  }

  @Property
  void anySpellingOfACategoryWithCaseAndSeparatorsReadsBack(@ForAll LoanPurpose purpose, @ForAll("separators") String sep,
      @ForAll boolean upper) {
    String words = purpose.name().replace("_", sep);
    String text = " " + (upper ? words : words.toLowerCase(Locale.ROOT)) + " ";
    assertThat(Spelling.parse(LoanPurpose.class, text)).isEqualTo(purpose);
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of("_", " ", "-", " - ", "__");
  }

  @Property
  void timestampsRoundTrip(@ForAll("timestamps") LocalDateTime t) {
    assertThat(Timestamps.parse(Timestamps.format(t))).isEqualTo(t);
  }

  @Provide
  Arbitrary<LocalDateTime> timestamps() {
    return Arbitraries.longs().between(0, 200L * 365 * 86_400)
        .map(s -> LocalDateTime.of(1900, 1, 1, 0, 0).plusSeconds(s));
  }

  @Property(tries = 50)
  void anyTextInAnIdentifierRoundTripsThroughTheFile(@ForAll @StringLength(min = 1, max = 30) String id) throws IOException {
    if (id.isBlank()) {
      return;
    }
    Path dir = Files.createTempDirectory("bankml-prop");
    try {
      Holding h = new Holding(id, "P01", LocalDate.of(2024, 5, 6));
      BankCsvWriter.write(BankTable.HOLDINGS, List.of(h), dir);
      assertThat(BankCsvReader.strict().read(BankTable.HOLDINGS, dir.resolve(BankFiles.HOLDINGS)).records())
          .containsExactly(h);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }

  @Property
  void channelsAreReadWhateverTheCase(@ForAll Channel c) {
    assertThat(Spelling.parse(Channel.class, c.name().toLowerCase(Locale.ROOT))).isEqualTo(c);
  }
}
