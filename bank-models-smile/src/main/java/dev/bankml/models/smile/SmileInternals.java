package dev.bankml.models.smile;

import java.lang.reflect.Field;
import smile.base.cart.OrdinalNode;
import smile.clustering.DBSCAN;
import smile.neighbor.KDTree;

/**
 * The few values Smile 3.1.1 keeps but does not publish, read by reflection so that a model can be
 * stored as plain data: a split node's threshold ({@code OrdinalNode.value}, package-private), and
 * DBSCAN's core-point flags and the training points of its KD-tree (private). Only this class knows
 * these names; a Smile upgrade that renames them fails the agreement tests, not silently.
 */
final class SmileInternals {
  private SmileInternals() {}

  private static final class Fields {
    static final Field THRESHOLD = open(OrdinalNode.class, "value");
    static final Field CORE = open(DBSCAN.class, "core");
    static final Field NEIGHBOURS = open(DBSCAN.class, "nns");
    static final Field KEYS = open(KDTree.class, "keys");

    private static Field open(Class<?> owner, String name) {
      try {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "this version of Smile has no readable field " + owner.getName() + "." + name + " (bankml reads it to"
                + " store models as plain data; it was written for Smile 3.1.1)", e);
      }
    }
  }

  /** The split value of an ordinal node: rows with {@code x[feature] <= threshold} take its true child. */
  static double threshold(OrdinalNode node) {
    try {
      return Fields.THRESHOLD.getDouble(node);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Which training rows DBSCAN found to be core points. */
  static boolean[] core(DBSCAN<?> dbscan) {
    return (boolean[]) get(Fields.CORE, dbscan);
  }

  /**
   * The training points of a DBSCAN fitted over a KD-tree (as {@code DBSCAN.fit(double[][], ...)}
   * does), in training order.
   */
  static double[][] points(DBSCAN<?> dbscan) {
    Object search = get(Fields.NEIGHBOURS, dbscan);
    if (!(search instanceof KDTree<?> tree)) {
      throw new IllegalStateException("DBSCAN searches with a " + (search == null ? "null" : search.getClass().getName())
          + ", not a KD-tree");
    }
    return (double[][]) get(Fields.KEYS, tree);
  }

  private static Object get(Field f, Object owner) {
    try {
      return f.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
