package dev.bankml.spark;

import dev.bankml.models.loan.LoanDefaultModel;
import dev.bankml.models.segment.FittedSegmentation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Model bundles on executors: the bundle's bytes arrive once per executor as a broadcast and are
 * loaded once per executor JVM (kept by broadcast id), through the same loader and checks as on
 * one machine. Loaded models are immutable and thread-safe, so an executor's tasks share them.
 */
final class Bundles {
  private static final Map<Long, Object> LOADED = new ConcurrentHashMap<>();

  private Bundles() {}

  static LoanDefaultModel loanModel(Broadcast<byte[]> bytes) {
    return (LoanDefaultModel) LOADED.computeIfAbsent(bytes.id(),
        id -> viaFile(bytes.value(), f -> LoanDefaultModel.load(f, onExecutor())));
  }

  static FittedSegmentation segmentation(Broadcast<byte[]> bytes) {
    return (FittedSegmentation) LOADED.computeIfAbsent(bytes.id(),
        id -> viaFile(bytes.value(), f -> FittedSegmentation.load(f, onExecutor())));
  }

  /**
   * The driver verified these exact bytes (signature by a trusted key) before Spark started; an
   * executor on another machine need not hold the trusted keys, so it checks everything else (size
   * limits, digests, a signature that does not verify, value ranges) and accepts an unknown signer.
   */
  private static dev.bankml.data.bundle.LoadOptions onExecutor() {
    return dev.bankml.data.bundle.LoadOptions.defaults().trustingUnsigned();
  }

  /** Keeps whatever {@code make} builds from a broadcast, once per executor. */
  @SuppressWarnings("unchecked")
  static <T> T once(Broadcast<?> b, Function<Object, T> make) {
    return (T) LOADED.computeIfAbsent(b.id(), id -> make.apply(b.value()));
  }

  // the loaders read files (size limits, checksums, signature); a private temporary copy feeds them
  private static <T> T viaFile(byte[] bytes, Function<Path, T> load) {
    try {
      Path tmp = Files.createTempFile("bankml-bundle", ".bankml");
      try {
        Files.write(tmp, bytes);
        return load.apply(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage a model bundle on this executor: " + e.getMessage(), e);
    }
  }
}
