package dev.bankml.models.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bankml.data.BankmlException;
import dev.bankml.models.spi.Hyperparameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;

/**
 * Crafted payloads (issue 15): each is refused with a {@link PayloadException} within 2 s, and
 * without allocating more than a small heap holds. This class runs in its own surefire execution
 * with {@code -Xmx256m} (see the module's pom), so an allocation of hundreds of megabytes fails it.
 */
class HostilePayloadTest {
  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final byte[] LEGACY_HEADER = "BANKML-SMILE-1\n".getBytes(StandardCharsets.US_ASCII);
  private final SmileBackend backend = new SmileBackend();

  @BeforeAll
  static void loadTheReadersClassesFirst() {
    // Class loading and JIT warm-up are not what the time bound is about.
    SmileBackend b = new SmileBackend();
    b.loadClassifier(LegacyPayloadTest.resource("random-forest.payload"));
    b.loadClustering(LegacyPayloadTest.resource("dbscan.payload"));
    b.loadClassifier(b.saveClassifier(b.loadClassifier(LegacyPayloadTest.resource("gradient-boosting.payload"))));
  }

  /** The payload refused within the bound, as the exception that refused it. */
  private static PayloadException refusedInTime(Executable load) {
    return assertTimeoutPreemptively(BOUND, () -> {
      try {
        load.execute();
      } catch (PayloadException e) {
        return e;
      }
      throw new AssertionError("the payload was accepted");
    });
  }

  private static byte[] legacy(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(LEGACY_HEADER);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  // Format 1: Java serialisation.

  /** Issue 15's hang: 100 levels of HashSets, each holding two sets that both hold the next two. */
  @Test
  void nestedHashSetsAreRefusedAtOnce() throws IOException {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("a");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    byte[] payload = legacy(root);
    assertThat(payload.length).isBetween(4_000, 8_000);
    assertThat(refusedInTime(() -> backend.loadClassifier(payload)))
        .hasMessageContaining("java.util.HashSet")
        .hasMessageContaining("not on the list of classes");
  }

  /**
   * The same attack with HashMaps (which Smile's models do hold) whose keys are maps: refused by the
   * depth limit at 100 levels, and at 30 levels (2^30 hash computations) as soon as the innermost
   * map holding a map is complete.
   */
  @Test
  void nestedHashMapsKeyedByMapsAreRefused() throws IOException {
    assertThat(refusedInTime(() -> backend.loadClassifier(nestedMaps(100)))).hasMessageContaining("levels deep");
    byte[] payload = nestedMaps(30);
    assertThat(refusedInTime(() -> backend.loadClassifier(payload)))
        .hasMessageContaining("HashMap with a java.util.HashMap key");
  }

  private static byte[] nestedMaps(int levels) throws IOException {
    Map<Object, Object> root = new HashMap<>();
    Map<Object, Object> s1 = root;
    Map<Object, Object> s2 = new HashMap<>();
    for (int i = 0; i < levels; i++) {
      Map<Object, Object> t1 = new HashMap<>();
      Map<Object, Object> t2 = new HashMap<>();
      t1.put("a", 1);
      s1.put(t1, 1);
      s1.put(t2, 2);
      s2.put(t1, 1);
      s2.put(t2, 2);
      s1 = t1;
      s2 = t2;
    }
    return legacy(root);
  }

  /** Issue 15's memory bomb: a 180-byte payload declaring long[200000000] (1.6 GB). */
  @Test
  void aHugeLongArrayDeclarationIsRefusedBeforeAllocation() throws IOException {
    byte[] payload = declaredLength(legacy(new long[1]), 8, 200_000_000);
    assertThat(payload.length).isLessThan(200);
    assertThat(refusedInTime(() -> backend.loadClassifier(payload))).hasMessageContaining("[J");
  }

  @Test
  void aHugeArrayOfAnAllowedTypeIsRefusedByThePayloadsLength() throws IOException {
    byte[] doubles = declaredLength(legacy(new double[1]), 8, 200_000_000);
    assertThat(refusedInTime(() -> backend.loadClassifier(doubles)))
        .hasMessageContaining("declares an array of 200000000 double values");
    byte[] rows = declaredLength(legacy(new double[][] {null}), 1, 500_000_000);
    assertThat(refusedInTime(() -> backend.loadClustering(rows)))
        .hasMessageContaining("declares an array of 500000000 double[] values");
  }

  /** A serialised array of one element with its declared length replaced (the last int before the element). */
  private static byte[] declaredLength(byte[] oneElementArray, int elementBytes, int length) {
    int at = oneElementArray.length - elementBytes - 4;
    byte[] out = Arrays.copyOf(oneElementArray, at + 4);
    ByteBuffer.wrap(out, at, 4).putInt(length);
    return out;
  }

  @Test
  void aHashMapDeclaringAHundredMillionEntriesIsRefusedBeforeSizingItsTable() throws IOException {
    Map<String, Integer> map = new HashMap<>();
    map.put("a", 1);
    byte[] payload = legacy(map);
    // HashMap writes its bucket count (16) then its size (1) as block data.
    byte[] marker = {0, 0, 0, 16, 0, 0, 0, 1};
    int at = indexOf(payload, marker);
    assertThat(at).isPositive();
    ByteBuffer.wrap(payload, at + 4, 4).putInt(100_000_000);
    assertThat(refusedInTime(() -> backend.loadClassifier(payload))).hasMessageContaining("Entry");
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    for (int i = 0; i + pattern.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void objectsNestedDeeperThanAnyModelNeedsAreRefused() throws IOException {
    Node node = new RegressionNode(1, 0.5, 0.5, 0);
    for (int i = 0; i < 300; i++) {
      node = new OrdinalNode(0, i, 0, 0, node, new RegressionNode(1, 0.1, 0.1, 0));
    }
    byte[] payload = legacy(node);
    assertThat(refusedInTime(() -> backend.loadClassifier(payload)))
        .hasMessageContaining("levels deep; at most " + LegacyPayload.MAX_DEPTH);
  }

  @Test
  void aSerialisedUrlIsRefusedByName() throws IOException {
    byte[] payload = legacy(new URL("http://example.org/"));
    assertThat(refusedInTime(() -> backend.loadClassifier(payload))).hasMessageContaining("java.net.URL");
  }

  @Test
  void aClassOfThisPackageThatIsNotAModelIsRefused() throws IOException {
    byte[] payload = legacy(new Stray());
    assertThat(refusedInTime(() -> backend.loadClassifier(payload)))
        .hasMessageContaining(Stray.class.getName());
  }

  private static final class Stray implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void anAllowedObjectThatIsNotAModelIsRefused() throws IOException {
    byte[] payload = legacy(new HashMap<>(Map.of("a", 1)));
    assertThat(refusedInTime(() -> backend.loadClassifier(payload))).hasMessageContaining("not a Smile model");
  }

  /** Tree nodes shared between branches: 60 levels of one node standing for 2^60 paths. */
  @Test
  void aTreeWhoseNodesAreSharedIsRefusedNotWalkedForever() {
    Node node = new RegressionNode(1, 0.5, 0.5, 0);
    for (int i = 0; i < 60; i++) {
      node = new OrdinalNode(0, i, 0, 0, node, node);
    }
    Node root = node;
    PayloadException e = assertTimeoutPreemptively(BOUND, () -> {
      try {
        SmileTrees.regression(new Node[] {root}, 1, 10_000, PayloadException::new);
      } catch (PayloadException refused) {
        return refused;
      }
      throw new AssertionError("the shared tree was accepted");
    });
    assertThat(e).hasMessageContaining("nodes are shared");
  }

  @Test
  void everyTruncationOfALegacyPayloadIsRefused() {
    for (String name : new String[] {"random-forest", "gmm", "dbscan"}) {
      byte[] payload = LegacyPayloadTest.resource(name + ".payload");
      boolean classifier = name.equals("random-forest");
      for (int n = 0; n < payload.length; n += 1 + payload.length / 150) {
        byte[] cut = Arrays.copyOf(payload, n);
        refusedInTime(() -> load(cut, classifier));
      }
    }
  }

  // Format 2: bankml's data format.

  @Test
  void everyTruncationOfAFormatTwoPayloadIsRefused() {
    var d = Synthetic.credit(300, 4, 5);
    for (String algorithm : new String[] {"logistic", "random-forest", "gradient-boosting"}) {
      Hyperparameters hp = algorithm.equals("logistic") ? Hyperparameters.DEFAULTS : Hyperparameters.DEFAULTS.with("trees", 20);
      byte[] payload = backend.saveClassifier(backend.classifierTrainer(algorithm, hp, 1).fit(d.x(), d.y()));
      for (int n = 0; n < payload.length; n += 1 + payload.length / 300) {
        byte[] cut = Arrays.copyOf(payload, n);
        refusedInTime(() -> backend.loadClassifier(cut));
      }
    }
  }

  @Test
  void garbageIsRefusedWhateverHeaderItCarries() {
    Random r = new Random(15);
    byte[][] headers = {new byte[0], PayloadFormat.HEADER, LEGACY_HEADER,
        PayloadRoundTripTest.concat(LEGACY_HEADER, new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5})};
    for (byte[] header : headers) {
      for (int size : new int[] {0, 1, 7, 64, 1000, 100_000}) {
        for (int i = 0; i < 5; i++) {
          byte[] noise = new byte[size];
          r.nextBytes(noise);
          byte[] payload = PayloadRoundTripTest.concat(header, noise);
          refusedInTime(() -> backend.loadClassifier(payload));
          refusedInTime(() -> backend.loadClustering(payload));
        }
      }
    }
  }

  private static PayloadWriter body(String algorithm) {
    return new PayloadWriter().header(PayloadFormat.HEADER).text(algorithm);
  }

  @Test
  void hugeDeclaredLengthsInFormatTwoAreRefusedBeforeAllocation() {
    byte[] nodes = body("gradient-boosting").integer(4).real(0).real(0.1).reals(new double[4])
        .integer(1).integer(2_000_000_000).integer(0).toByteArray();
    assertThat(refusedInTime(() -> backend.loadClassifier(nodes)))
        .hasMessageContaining("declares 2000000000 tree nodes");
    byte[] trees = body("random-forest").integer(4).reals(new double[4]).integer(100_001).toByteArray();
    assertThat(refusedInTime(() -> backend.loadClassifier(trees)))
        .hasMessageContaining("number of tree weights is 100001; valid values are 1 to 100000");
    byte[] coefficients = body("logistic").integer(1_000_000).toByteArray();
    assertThat(refusedInTime(() -> backend.loadClassifier(coefficients)))
        .hasMessageContaining("declares 1000001 coefficients (8000008 bytes)");
    byte[] centroids = body("kmeans").integer(100_000).integer(1_000_000).toByteArray();
    assertThat(refusedInTime(() -> backend.loadClustering(centroids)))
        .hasMessageContaining("declares 100000000000 centroid values");
    byte[] covariances = body("gmm").integer(10).integer(2048).flag(false).reals(new double[10])
        .reals(new double[10 * 2048]).toByteArray();
    assertThat(refusedInTime(() -> backend.loadClustering(covariances)))
        .hasMessageContaining("declares 41943040 component covariances");
    byte[] labels = body("dbscan").integer(2).integer(4).real(0.5).integer(2_000_000_000).integer(3).toByteArray();
    assertThat(refusedInTime(() -> backend.loadClustering(labels)))
        .hasMessageContaining("declares 2000000000 training labels");
    byte[] depth = deepTree(PayloadFormat.MAX_TREE_DEPTH + 1);
    assertThat(refusedInTime(() -> backend.loadClassifier(depth)))
        .hasMessageContaining("deeper than " + PayloadFormat.MAX_TREE_DEPTH + " levels");
  }

  /** A boosting payload of one tree that is a chain of {@code levels} splits, each on its own feature. */
  private static byte[] deepTree(int levels) {
    int n = 2 * levels + 1;
    int[] feature = new int[n];
    int[] right = new int[n];
    int[] cover = new int[n];
    for (int i = 0; i < levels; i++) {
      // node 2i splits; its first child 2i+1 is a leaf, its second child 2i+2 goes on.
      feature[2 * i] = i;
      right[2 * i] = 2 * i + 2;
      feature[2 * i + 1] = TreeEnsemble.LEAF;
    }
    feature[n - 1] = TreeEnsemble.LEAF;
    for (int i = n - 1; i >= 0; i--) {
      cover[i] = feature[i] == TreeEnsemble.LEAF ? 1 : cover[i + 1] + cover[right[i]];
    }
    return body("gradient-boosting").integer(levels).real(0).real(0.1).reals(new double[levels])
        .integer(1).integer(n).integer(0).ints(feature).reals(new double[n]).ints(right).ints(cover)
        .reals(new double[n]).toByteArray();
  }

  @Test
  void theDeepestAcceptedTreeLoadsAndExplainsWithinTheBound() {
    byte[] payload = deepTree(PayloadFormat.MAX_TREE_DEPTH);
    var c = assertTimeoutPreemptively(BOUND, () -> backend.loadClassifier(payload));
    double[] row = new double[PayloadFormat.MAX_TREE_DEPTH];
    Arrays.fill(row, 1e9);
    var k = assertTimeoutPreemptively(BOUND, () -> c.contributions(row).orElseThrow());
    double p = c.probability(row);
    assertThat(k.base() + Arrays.stream(k.perFeature()).sum()).isCloseTo(Math.log(p / (1 - p)),
        org.assertj.core.api.Assertions.within(1e-9));
  }

  private Object load(byte[] payload, boolean classifier) {
    return classifier ? backend.loadClassifier(payload) : backend.loadClustering(payload);
  }

  @Test
  void refusalsAreBankmlExceptions() {
    assertThatThrownBy(() -> backend.loadClassifier(new byte[] {1, 2, 3})).isInstanceOf(BankmlException.class);
  }
}
