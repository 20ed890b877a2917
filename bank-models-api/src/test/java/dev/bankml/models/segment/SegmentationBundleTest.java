package dev.bankml.models.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.models.fake.FakeBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationBundleTest {
  private static final Customers DATA = Customers.make(400, 11);
  private static final FakeBackend BACKEND = new FakeBackend();
  private static FittedSegmentation fitted;

  @TempDir Path dir;

  @BeforeAll
  static void fit() {
    fitted = CustomerSegmentation.builder().backend(BACKEND).k(4).seed(5).build().fit(DATA.table);
  }

  private FittedSegmentation load(Path file) {
    return SegmentationBundle.read(file, name -> BACKEND);
  }

  @Test
  void aSavedSegmentationLoadsAndAssignsIdentically() {
    Path file = dir.resolve("seg.bankml");
    fitted.save(file);

    FittedSegmentation back = load(file);

    assertThat(back.assign(DATA.table)).containsExactly(fitted.assign(DATA.table));
    assertThat(back.profiles()).isEqualTo(fitted.profiles());
    assertThat(back.quality()).isEqualTo(fitted.quality());
    assertThat(back.kSelection()).isEqualTo(fitted.kSelection());
    assertThat(back.features()).isEqualTo(fitted.features());
    assertThat(back.pipeline().transform(DATA.table).rowMajorValues())
        .containsExactly(fitted.pipeline().transform(DATA.table).rowMajorValues());
    assertThat(back.provenance()).isEqualTo(fitted.provenance());
    assertThat(back.trainingLabels()).isEmpty();
  }

  @Test
  void savingLeavesNoTemporaryFileBehind() throws IOException {
    fitted.save(dir.resolve("seg.bankml"));
    fitted.save(dir.resolve("seg.bankml"));

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("seg.bankml");
    }
  }

  @Test
  void aFlippedByteIsRefused() throws IOException {
    Path file = dir.resolve("seg.bankml");
    fitted.save(file);
    byte[] manifest = entry(file, "manifest.json");
    byte[] changed = new String(manifest, StandardCharsets.UTF_8)
        .replaceFirst("\"seed\" : 5", "\"seed\" : 6").getBytes(StandardCharsets.UTF_8);
    assertThat(changed).isNotEqualTo(manifest);
    rewrite(file, "manifest.json", changed);

    assertThatThrownBy(() -> load(file)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("manifest.json").hasMessageContaining("SHA-256");
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    Path file = dir.resolve("seg.bankml");
    fitted.save(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> load(file)).isInstanceOf(BankmlException.class).hasMessageContaining("refused");
  }

  @Test
  void anotherFormatVersionIsRefused() throws IOException {
    Path file = dir.resolve("seg.bankml");
    fitted.save(file);
    byte[] manifest = new String(entry(file, "manifest.json"), StandardCharsets.UTF_8)
        .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99").getBytes(StandardCharsets.UTF_8);
    rewriteWithSums(file, manifest);

    assertThatThrownBy(() -> load(file)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("format version 99");
  }

  @Test
  void aFileThatIsNotABundleIsRefused() throws IOException {
    Path file = dir.resolve("notes.bankml");
    Files.writeString(file, "hello");

    assertThatThrownBy(() -> load(file)).isInstanceOf(BankmlException.class).hasMessageContaining("refused");
    assertThatThrownBy(() -> load(dir.resolve("absent.bankml"))).isInstanceOf(BankmlException.class)
        .hasMessageContaining("does not exist");
  }

  private static byte[] entry(Path file, String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return zip.readAllBytes();
        }
      }
    }
    throw new IllegalStateException("no entry " + name);
  }

  private static void rewrite(Path file, String name, byte[] data) throws IOException {
    byte[] manifest = entry(file, "manifest.json");
    byte[] payload = entry(file, "clustering.bin");
    byte[] sums = entry(file, "SHA256SUMS");
    write(file, name.equals("manifest.json") ? data : manifest, payload, sums);
  }

  private static void rewriteWithSums(Path file, byte[] manifest) throws IOException {
    byte[] payload = entry(file, "clustering.bin");
    String sums = sha(manifest) + "  manifest.json\n" + sha(payload) + "  clustering.bin\n";
    write(file, manifest, payload, sums.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path file, byte[] manifest, byte[] payload, byte[] sums) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = bytes; ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "manifest.json", manifest);
      put(zip, "clustering.bin", payload);
      put(zip, "SHA256SUMS", sums);
    }
    Files.write(file, bytes.toByteArray());
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  private static String sha(byte[] data) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
