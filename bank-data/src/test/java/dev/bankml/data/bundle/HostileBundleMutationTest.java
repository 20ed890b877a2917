package dev.bankml.data.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Damaged and mutated bundles (bytes flipped, overwritten or cut anywhere): loading ends either in
 * the original content — a change in bytes that carry no content, such as a zip timestamp — or in a
 * typed {@link BundleException}; never another exception, never different content, and never a
 * verified signer unless it is the original one. Runs in the
 * module's {@code -Xmx256m} test JVM.
 */
class HostileBundleMutationTest {
  private static Path dir;
  private static byte[] good;
  private static Bundle original;

  @BeforeContainer
  static void write() throws IOException {
    dir = Files.createTempDirectory("bundle-mutations");
    Path file = dir.resolve("good.bankml");
    BundleTest.sample().write(file, BundleTest.KEYS);
    good = Files.readAllBytes(file);
    original = Bundle.read(file, BundleKind.LOAN_MODEL, BundleTest.trusting(BundleTest.KEYS));
  }

  @AfterContainer
  static void clean() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Property(tries = 300)
  void aFlippedOrOverwrittenByteGivesTheOriginalOrATypedRefusal(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll @IntRange(min = 1, max = 255) int mask,
      @ForAll boolean overwrite) {
    byte[] bytes = good.clone();
    int at = where % bytes.length;
    bytes[at] = (byte) (overwrite ? mask : bytes[at] ^ mask);
    check(bytes);
  }

  @Property(tries = 100)
  void aCutFileIsRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int keep) {
    check(Arrays.copyOf(good, keep % good.length));
  }

  private static void check(byte[] bytes) {
    Path file = dir.resolve("mutated.bankml");
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // trusting only the signing key: the original, signed by that key, or a refusal
    readAndCompare(file, BundleTest.trusting(BundleTest.KEYS), true);
    // with the opt-in for unverifiable bundles, a flipped key id makes the signer unknown: the
    // original content without a signer, never other content
    readAndCompare(file, BundleTest.trusting(BundleTest.KEYS).trustingUnsigned(), false);
  }

  private static void readAndCompare(Path file, LoadOptions options, boolean signerRequired) {
    Bundle read;
    try {
      read = Bundle.read(file, BundleKind.LOAN_MODEL, options);
    } catch (BundleException e) {
      assertThat(e.getMessage()).contains("mutated.bankml");
      return;
    }
    assertThat(read.manifestBytes()).isEqualTo(original.manifestBytes());
    assertThat(read.partNames()).isEqualTo(original.partNames());
    for (String name : original.partNames()) {
      assertThat(read.part(name)).isEqualTo(original.part(name));
    }
    if (signerRequired || read.signedBy().isPresent()) {
      assertThat(read.signedBy()).isEqualTo(original.signedBy());
    }
  }
}
