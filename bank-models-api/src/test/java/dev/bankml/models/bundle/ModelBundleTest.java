package dev.bankml.models.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import dev.bankml.features.pipeline.InputField;
import dev.bankml.features.pipeline.InputType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
  @TempDir Path dir;

  static ModelBundle sample() {
    BundleManifest m = new BundleManifest(ModelBundle.FORMAT_VERSION, "0.1.0", "fake", "1.0", "logistic",
        Map.of("l2", 0.01, "iterations", 20), 42L, "defaulted", "true", 0.35,
        List.of(new InputField("income", InputType.NUMBER, 1000, 250000, 1, List.of(), "52000", 0.02),
            new InputField("purpose", InputType.CATEGORY, Double.NaN, Double.NaN, Double.NaN, List.of("car", "home"), "car", 0)),
        new DataFingerprint(1000, 120, "ab".repeat(32)), Map.of("auc", 0.81), "2026-01-01T00:00:00Z",
        Map.of("score_scaling", Map.of("pdo", 50)));
    byte[] payload = new byte[5000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31);
    }
    return new ModelBundle(m, Map.of(ModelBundle.MODEL_PART, payload, ModelBundle.PIPELINE_PART,
        "{\"steps\":[]}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void bundleRoundTripsManifestAndParts() {
    Path file = dir.resolve("m.bankml");
    ModelBundle b = sample();
    b.write(file);
    ModelBundle back = ModelBundle.read(file);
    assertThat(back.manifest()).isEqualTo(b.manifest());
    assertThat(back.part(ModelBundle.MODEL_PART)).isEqualTo(b.part(ModelBundle.MODEL_PART));
    assertThat(back.part(ModelBundle.PIPELINE_PART)).isEqualTo(b.part(ModelBundle.PIPELINE_PART));
    assertThat(back.manifest().inputSchema().get(1).min()).isNaN();
  }

  @Test
  void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("m.bankml");
    Files.writeString(file, "old");
    sample().write(file);
    assertThat(ModelBundle.read(file).manifest().algorithm()).isEqualTo("logistic");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void everyFlippedByteIsRefused() throws IOException {
    Path file = dir.resolve("m.bankml");
    sample().write(file);
    byte[] good = Files.readAllBytes(file);
    Path bad = dir.resolve("bad.bankml");
    for (int i = 0; i < good.length; i += 7) {
      byte[] b = good.clone();
      b[i] ^= 0x10;
      Files.write(bad, b);
      int at = i;
      try {
        ModelBundle read = ModelBundle.read(bad);
        // a flip in zip metadata that the zip reader ignores (e.g. a timestamp or the central
        // directory, which a streaming reader skips) is harmless: the content must still be intact
        assertThat(read.manifest()).as("byte %d", at).isEqualTo(sample().manifest());
        assertThat(read.part(ModelBundle.MODEL_PART)).as("byte %d", at).isEqualTo(sample().part(ModelBundle.MODEL_PART));
      } catch (BankmlException expected) {
        assertThat(expected.getMessage()).contains("bad.bankml");
      }
    }
  }

  @Test
  void aFlippedByteInThePayloadIsRefusedWithAChecksumMessage() throws IOException {
    Path file = dir.resolve("m.bankml");
    ModelBundle b = sample();
    byte[] zip = b.toBytes(ModelBundle.FORMAT_VERSION);
    // rewrite the zip with an altered payload but the original checksums
    Map<String, byte[]> entries = unzip(zip);
    entries.get(ModelBundle.MODEL_PART)[100] ^= 1;
    Files.write(file, rezip(entries));
    assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("checksum of 'model.bin' does not match");
  }

  @Test
  void truncatedFileIsRefused() throws IOException {
    Path file = dir.resolve("m.bankml");
    sample().write(file);
    byte[] good = Files.readAllBytes(file);
    for (int len : new int[] {0, 10, good.length / 3, good.length / 2, good.length - 30}) {
      Files.write(file, java.util.Arrays.copyOf(good, len));
      assertThatThrownBy(() -> ModelBundle.read(file)).as("length %d", len).isInstanceOf(BankmlException.class);
    }
  }

  @Test
  void otherFormatVersionIsRefusedNamingBothVersions() throws IOException {
    Path file = dir.resolve("m.bankml");
    Files.write(file, sample().toBytes(2));
    assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("format version 2").hasMessageContaining("only format version 1");
  }

  @Test
  void entryWithoutChecksumIsRefused() throws IOException {
    Path file = dir.resolve("m.bankml");
    Map<String, byte[]> entries = unzip(sample().toBytes(1));
    entries.put("extra.class", new byte[] {1, 2, 3});
    Files.write(file, rezip(entries));
    assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("extra.class");
  }

  @Test
  void missingOrForeignFilesAreRefused() throws IOException {
    assertThatThrownBy(() -> ModelBundle.read(dir.resolve("none.bankml"))).isInstanceOf(BankmlException.class)
        .hasMessageContaining("does not exist");
    Path text = dir.resolve("t.bankml");
    Files.writeString(text, "hello, I am not a zip");
    assertThatThrownBy(() -> ModelBundle.read(text)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("not a bankml model bundle");
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  static byte[] rezip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
