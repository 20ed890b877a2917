package dev.bankml.data.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles crafted as an attacker would make them. Each must end in a typed {@link BundleException}
 * naming the file (and the entry), quickly and without filling memory: this class runs in its own
 * test JVM with {@code -Xmx256m} (see the module's pom), so inflating a bomb would fail with an
 * OutOfMemoryError instead of the expected refusal. The timeouts are hang guards, not speed claims.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileBundleTest {
  @TempDir Path dir;

  private static final BundleKeys KEYS = BundleTest.KEYS;
  private static final LoadOptions OPTIONS = BundleTest.trusting(KEYS);

  private Path signed() {
    Path file = dir.resolve("good.bankml");
    BundleTest.sample().write(file, KEYS);
    return file;
  }

  private static Bundle load(Path file) {
    return Bundle.read(file, BundleKind.LOAN_MODEL, OPTIONS);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  /** A valid signed bundle's entries plus {@code extra}, re-zipped (the signature no longer covers {@code extra}). */
  private Map<String, byte[]> entriesWith(String name, byte[] extra) {
    Map<String, byte[]> entries = new LinkedHashMap<>(CraftedBundles.entries(signed()));
    entries.put(name, extra);
    return entries;
  }

  @Test
  void aOneMegabyteBundleWithAOneGibibyteEntryIsRefusedWithoutInflatingIt() throws IOException {
    Path file = dir.resolve("bomb.bankml");
    CraftedBundles.writeZeroBomb(file, Bundle.MANIFEST, 1024);
    assertThat(Files.size(file)).isLessThan(2L << 20);
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(BundleLimitException.class)
        .hasMessageContaining("bomb.bankml")
        .hasMessageContaining("entry 'manifest.json'")
        .hasMessageContaining("declares 1073741824 bytes uncompressed");
    // with a limit above a gibibyte, the compression ratio alone refuses it
    BundleLimits roomy = new BundleLimits(1L << 31, 64, Integer.MAX_VALUE - 16, 1L << 32, 200);
    assertThatThrownBy(() -> Bundle.read(file, BundleKind.LOAN_MODEL, OPTIONS.withLimits(roomy)))
        .isInstanceOf(BundleLimitException.class)
        .hasMessageContaining("like a zip bomb");
  }

  @Test
  void theCraftedBombReallyInflatesToAGibibyte() throws IOException {
    Path file = dir.resolve("bomb.zip");
    CraftedBundles.writeZeroBomb(file, "zeros", 1024);
    long total = 0;
    try (var zip = new java.util.zip.ZipFile(file.toFile()); var in = zip.getInputStream(zip.getEntry("zeros"))) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
      }
    }
    assertThat(total).isEqualTo(1L << 30);
  }

  @Test
  void anEntryCompressedBeyondTheRatioLimitIsRefusedAsAZipBomb() throws IOException {
    Path file = write("ratio.bankml", CraftedBundles.zip(entriesWith("model.bin", new byte[20 << 20])));
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(BundleLimitException.class)
        .hasMessageContaining("entry 'model.bin'")
        .hasMessageContaining("like a zip bomb");
  }

  @Test
  void anEntryThatInflatesToMoreThanItDeclaresIsRefusedAtTheFirstExtraByte() throws IOException {
    byte[] zip = CraftedBundles.zip(entriesWith("model.bin", new byte[20 << 20]));
    Path file = write("lying.bankml", CraftedBundles.withDeclaredSize(zip, "model.bin", 1000));
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(BundleLimitException.class)
        .hasMessageContaining("entry 'model.bin'")
        .hasMessageContaining("inflates to more than the 1000 bytes it declares");
  }

  @Test
  void aHugeDeclaredSizeIsRefusedBeforeAnyAllocation() throws IOException {
    byte[] zip = CraftedBundles.zip(CraftedBundles.entries(signed()));
    Path file = write("huge.bankml", CraftedBundles.withDeclaredSize(zip, "model.bin", 0xFFFF_FFF0L));
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(BundleLimitException.class)
        .hasMessageContaining("entry 'model.bin'")
        .hasMessageContaining("declares 4294967280 bytes");
  }

  @Test
  void manyEntriesAreRefused() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 1000; i++) {
      entries.put("e" + i, new byte[0]);
    }
    Path file = write("many.bankml", CraftedBundles.zip(entries));
    assertThatThrownBy(() -> load(file)).isInstanceOf(BundleLimitException.class).hasMessageContaining("1000 entries");
  }

  @Test
  void traversalAbsoluteAndFolderNamesAreRefusedNamingTheEntry() throws IOException {
    Map<String, String> names = Map.of(
        "../../etc/cron.d/x", "contains '..'",
        "/etc/passwd", "absolute path",
        "C:\\\\x", "absolute path",
        "parts/model.bin", "folder separator",
        "a\u0000b", "not 1 to 100 letters");
    for (var n : names.entrySet()) {
      Path file = write("names.bankml", CraftedBundles.zip(entriesWith(n.getKey(), new byte[] {1})));
      assertThatThrownBy(() -> load(file)).as(n.getKey())
          .isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("names.bankml")
          .hasMessageContaining(n.getValue());
    }
  }

  @Test
  void aDuplicatedEntryIsRefused() throws IOException {
    byte[] zip = CraftedBundles.zip(entriesWith("model.bix", new byte[] {9}));
    Path file = write("dup.bankml", CraftedBundles.withRenamedEntry(zip, "model.bix", "model.bin"));
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'model.bin'")
        .hasMessageContaining("appears more than once");
  }

  @Test
  void anEntryChangedWithItsDigestRecomputedIsRefusedBecauseTheSignatureFails() {
    Path file = dir.resolve("tampered.bankml");
    CraftedBundles.rewrite(signed(), file, e -> e.put("model.bin", new byte[] {1, 2, 4}), true);
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(TamperedBundleException.class)
        .hasMessageContaining("tampered.bankml")
        .hasMessageContaining("does not verify");
    // and with the opt-in for unsigned bundles too: a broken signature is never an unsigned bundle
    assertThatThrownBy(() -> Bundle.read(file, BundleKind.LOAN_MODEL, OPTIONS.trustingUnsigned()))
        .isInstanceOf(TamperedBundleException.class);
  }

  @Test
  void anEntryChangedWithoutItsDigestIsRefusedNamingTheEntry() throws IOException {
    Map<String, byte[]> entries = CraftedBundles.entries(signed());
    entries.put("model.bin", new byte[] {1, 2, 4});
    Path file = write("edited.bankml", CraftedBundles.zip(entries));
    assertThatThrownBy(() -> Bundle.read(file, BundleKind.LOAN_MODEL, OPTIONS.trustingUnsigned()))
        .isInstanceOf(TamperedBundleException.class)
        .hasMessageContaining("entry 'model.bin'")
        .hasMessageContaining("does not match its SHA-256 digest");
  }

  @Test
  void anAddedEntryIsRefused() throws IOException {
    Path file = write("added.bankml", CraftedBundles.zip(entriesWith("extra.bin", new byte[] {1})));
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(TamperedBundleException.class)
        .hasMessageContaining("entry 'extra.bin'")
        .hasMessageContaining("not covered by the signature");
  }

  @Test
  void aStrippedSignatureMakesAnUnsignedBundleThatNeedsTheOptIn() {
    Path file = dir.resolve("stripped.bankml");
    CraftedBundles.rewrite(signed(), file, e -> e.put("model.bin", new byte[] {1, 2, 4}), false);
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(UntrustedBundleException.class)
        .hasMessageContaining("stripped.bankml")
        .hasMessageContaining("not signed");
  }

  @Test
  void aBundleSignedWithAnotherKeyIsRefused() {
    Path file = dir.resolve("other.bankml");
    BundleTest.sample().write(file, BundleKeys.generate());
    assertThatThrownBy(() -> load(file)).isInstanceOf(UntrustedBundleException.class).hasMessageContaining("not trusted");
  }

  @Test
  void truncatedEmptyAndForeignFilesAreRefused() throws IOException {
    byte[] good = Files.readAllBytes(signed());
    for (int len : new int[] {0, 3, 10, good.length / 2, good.length - 1}) {
      Path file = write("cut.bankml", java.util.Arrays.copyOf(good, len));
      assertThatThrownBy(() -> load(file)).as("length %d", len).isInstanceOf(BundleFormatException.class)
          .hasMessageContaining("cut.bankml");
    }
    Path text = write("notes.txt", CraftedBundles.utf8("hello, not a model"));
    assertThatThrownBy(() -> load(text)).isInstanceOf(BundleFormatException.class).hasMessageContaining("not a zip");
    Path empty = write("empty.zip", CraftedBundles.zip(Map.of()));
    assertThatThrownBy(() -> load(empty)).isInstanceOf(BundleFormatException.class);
    assertThatThrownBy(() -> load(dir)).isInstanceOf(BundleFormatException.class).hasMessageContaining("is a directory");
    assertThatThrownBy(() -> load(dir.resolve("none.bankml"))).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void aManifestWithDuplicatedKeysOrDeepNestingIsRefused() {
    Path dup = dir.resolve("dupkey.bankml");
    CraftedBundles.rewrite(signed(), dup, e -> e.put(Bundle.MANIFEST,
        CraftedBundles.utf8("{\"format_version\": 2, \"kind\": \"loan-model\", \"kind\": \"segmentation\"}")), false);
    assertThatThrownBy(() -> Bundle.read(dup, BundleKind.LOAN_MODEL, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'manifest.json'")
        .hasMessageContaining("kind");
    Path deep = dir.resolve("deep.bankml");
    CraftedBundles.rewrite(signed(), deep, e -> e.put(Bundle.MANIFEST,
        CraftedBundles.utf8("[".repeat(10_000) + "]".repeat(10_000))), false);
    assertThatThrownBy(() -> Bundle.read(deep, BundleKind.LOAN_MODEL, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("entry 'manifest.json'");
  }

  /** A format-1 loan bundle as older bankml wrote it: entries and a checksums.json of their SHA-256. */
  private Path legacy(String name, Map<String, byte[]> parts, boolean recomputeSums) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>(parts);
    StringBuilder sums = new StringBuilder("{\"format_version\": 1, \"algorithm\": \"SHA-256\", \"entries\": {");
    String sep = "";
    for (var e : parts.entrySet()) {
      byte[] digested = recomputeSums ? e.getValue() : new byte[] {42};
      sums.append(sep).append('"').append(e.getKey()).append("\": \"").append(Bundle.sha256Hex(digested)).append('"');
      sep = ", ";
    }
    entries.put("checksums.json", CraftedBundles.utf8(sums.append("}}").toString()));
    return write(name, CraftedBundles.zip(entries));
  }

  @Test
  void anUnsignedLegacyBundleNeedsTheOptInAndAChangedOneIsRefusedEvenThen() throws IOException {
    Map<String, byte[]> parts = Map.of("manifest.json", CraftedBundles.utf8("{}"), "model.bin", new byte[] {1});
    Path old = legacy("old.bankml", parts, true);
    assertThatThrownBy(() -> load(old))
        .isInstanceOf(UntrustedBundleException.class)
        .hasMessageContaining("old.bankml")
        .hasMessageContaining("older bankml (format 1) and is not signed");
    Bundle read = Bundle.read(old, BundleKind.LOAN_MODEL, OPTIONS.trustingUnsigned());
    assertThat(read.isLegacy()).isTrue();
    assertThat(read.part("model.bin")).containsExactly(1);

    Path changed = legacy("changed.bankml", parts, false);
    assertThatThrownBy(() -> Bundle.read(changed, BundleKind.LOAN_MODEL, OPTIONS.trustingUnsigned()))
        .isInstanceOf(TamperedBundleException.class)
        .hasMessageContaining("does not match its SHA-256 checksum");
    assertThatThrownBy(() -> Bundle.read(old, BundleKind.SEGMENTATION, OPTIONS.trustingUnsigned()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("loan-model bundle of an older bankml, not a segmentation bundle");
  }
}
