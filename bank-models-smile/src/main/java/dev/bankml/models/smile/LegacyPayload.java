package dev.bankml.models.smile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import smile.base.cart.Node;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.clustering.DBSCAN;
import smile.clustering.KMeans;
import smile.data.type.StructType;
import smile.stat.distribution.MultivariateGaussianMixture;

/**
 * Reads format 1: the Java-serialised payloads bankml wrote before issue 15 ({@code BANKML-SMILE-1\n}
 * and an {@code ObjectOutputStream} of the model object holding Smile's model), so that files users
 * already have keep loading. The objects read are converted at once to the format-2 models (plain
 * arrays); nothing read here outlives the call.
 *
 * <p>Java deserialisation of input is dangerous, so it is fenced in on every side:
 * <ul>
 *   <li>Exactly the classes such payloads contain ({@link #CLASSES}, measured on payloads of every
 *       algorithm) may be named; any other name is refused before its class is even loaded. There is
 *       no {@code HashSet}; {@code HashMap} (Smile's {@code IntSet} and {@code StructType} hold one)
 *       may only map {@code String}/{@code Integer} keys to {@code String}/{@code Integer} values,
 *       checked as each map is completed, so nested maps cannot make hashing explode.
 *   <li>bankml's own model classes are never loaded: their descriptors are bound to private
 *       field-for-field copies ({@link Logistic} etc.), after checking the fields match.
 *   <li>Limits: object nesting at most {@link #MAX_DEPTH} levels (what a Smile tree of some 55
 *       levels needs; the payloads measured need 4 to 16), at most one object reference per payload
 *       byte and {@link #MAX_REFERENCES} in all, and every array's declared length must fit in the
 *       bytes that remain (8 bytes per double or long, 4 per int, 1 per reference), checked before
 *       the array is allocated.
 * </ul>
 */
final class LegacyPayload {
  static final long MAX_DEPTH = 64;
  static final long MAX_REFERENCES = 20_000_000;

  /** Every class a format-1 payload written by bankml contains (and no other). */
  static final Set<String> CLASSES = Set.of(
      "[D", "[I", "[Z", "[[D",
      "java.lang.Enum", "java.lang.Integer", "java.lang.Number", "java.util.HashMap", "[Ljava.util.Map$Entry;",
      "smile.base.cart.CART", "smile.base.cart.DecisionNode", "smile.base.cart.InternalNode",
      "smile.base.cart.LeafNode", "smile.base.cart.OrdinalNode", "smile.base.cart.RegressionNode",
      "smile.base.cart.SplitRule", "[Lsmile.base.cart.Node;",
      "smile.classification.AbstractClassifier", "smile.classification.DecisionTree",
      "smile.classification.GradientTreeBoost", "smile.classification.LogisticRegression",
      "smile.classification.LogisticRegression$Binomial", "smile.classification.RandomForest",
      "smile.classification.RandomForest$Model", "[Lsmile.classification.RandomForest$Model;",
      "smile.regression.RegressionTree", "[Lsmile.regression.RegressionTree;",
      "smile.data.formula.Formula", "smile.data.formula.Variable", "[Lsmile.data.formula.Term;",
      "smile.data.type.DoubleType", "smile.data.type.IntegerType", "smile.data.type.StructField",
      "[Lsmile.data.type.StructField;", "smile.data.type.StructType",
      "smile.util.IntSet", "smile.validation.ClassificationMetrics",
      "smile.clustering.CentroidClustering", "smile.clustering.KMeans", "smile.clustering.PartitionClustering",
      "smile.clustering.DBSCAN", "smile.neighbor.KDTree", "smile.neighbor.KDTree$Node",
      "smile.math.blas.UPLO", "smile.math.matrix.IMatrix", "smile.math.matrix.Matrix",
      "smile.stat.distribution.MultivariateExponentialFamilyMixture",
      "smile.stat.distribution.MultivariateGaussianDistribution",
      "smile.stat.distribution.MultivariateGaussianMixture", "smile.stat.distribution.MultivariateMixture",
      "smile.stat.distribution.MultivariateMixture$Component",
      "[Lsmile.stat.distribution.MultivariateMixture$Component;");

  /** bankml's format-1 model classes and the private copies their data is read into. */
  private static final Map<String, Class<?>> COPIES = Map.of(
      "dev.bankml.models.smile.LogisticModel", Logistic.class,
      "dev.bankml.models.smile.ForestModel", Forest.class,
      "dev.bankml.models.smile.BoostingModel", Boosting.class,
      "dev.bankml.models.smile.KMeansModel", Centroids.class,
      "dev.bankml.models.smile.GaussianMixtureModel", Mixture.class,
      "dev.bankml.models.smile.DbscanModel", Density.class);

  private LegacyPayload() {}

  /** The model in the format-1 payload starting at {@code offset}; {@code what} names it in messages. */
  static StoredModel read(byte[] payload, int offset, String what) {
    int length = payload.length - offset;
    Input in;
    Object object;
    try {
      in = new Input(new ByteArrayInputStream(payload, offset, length), length);
    } catch (IOException e) {
      throw corrupt(what, e);
    }
    try (in) {
      object = in.readObject();
    } catch (InvalidClassException e) {
      if (in.refusal != null) {
        throw new PayloadException("the " + what + " (format 1, Java serialisation) was refused: it " + in.refusal
            + "; a Smile model written by bankml contains only Smile's model classes, primitive arrays and a few"
            + " java.lang and java.util value types", e);
      }
      throw corrupt(what, e);
    } catch (IOException | ClassNotFoundException | RuntimeException | StackOverflowError e) {
      if (in.refusal != null) {
        throw new PayloadException("the " + what + " (format 1, Java serialisation) was refused: it " + in.refusal, e);
      }
      throw corrupt(what, e);
    }
    return convert(object, what, length);
  }

  private static PayloadException corrupt(String what, Throwable e) {
    return new PayloadException("the " + what + " (format 1, Java serialisation) is corrupt and cannot be read ("
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
  }

  /** The format-2 model holding the same numbers as the format-1 object. */
  private static StoredModel convert(Object object, String what, int payloadBytes) {
    Function<String, PayloadException> refuse =
        detail -> new PayloadException("the " + what + " (format 1) is corrupt: " + detail);
    try {
      if (object instanceof Logistic m) {
        return LogisticModel.of(m.w, refuse);
      } else if (object instanceof Forest m) {
        return ForestModel.of(m.smile, m.p, payloadBytes, refuse);
      } else if (object instanceof Boosting m) {
        return BoostingModel.of(m.smile, m.p, m.b, m.shrinkage, payloadBytes, refuse);
      } else if (object instanceof Centroids m) {
        return KMeansModel.of(m.smile, refuse);
      } else if (object instanceof Mixture m) {
        return GaussianMixtureModel.of(m.smile, m.labels, m.bic, refuse);
      } else if (object instanceof Density m) {
        DbscanModel model = DbscanModel.of(m.smile, SmileInternals.points(m.smile), refuse);
        if (model.featureCount() != m.p) {
          throw refuse.apply("its points have " + model.featureCount() + " features but it declares " + m.p);
        }
        return model;
      }
    } catch (PayloadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PayloadException("the " + what + " (format 1) holds an inconsistent Smile model ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
    throw new PayloadException("the " + what + " (format 1) holds a " + object.getClass().getSimpleName()
        + ", not a Smile model written by bankml");
  }

  /** The object stream with the class checks, limits and copies described on {@link LegacyPayload}. */
  private static final class Input extends ObjectInputStream {
    private final long bytes;
    private String refusal;

    Input(InputStream in, long bytes) throws IOException {
      super(in);
      this.bytes = bytes;
      setObjectInputFilter(this::check);
      enableResolveObject(true);
    }

    private void refuse(String why) {
      if (refusal == null) {
        refusal = why;
      }
    }

    @Override
    protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
      ObjectStreamClass written = super.readClassDescriptor();
      Class<?> copy = COPIES.get(written.getName());
      if (copy == null) {
        return written;
      }
      ObjectStreamClass local = ObjectStreamClass.lookup(copy);
      if (written.getSerialVersionUID() != local.getSerialVersionUID() || !sameFields(written, local)) {
        refuse("holds a " + written.getName() + " whose fields are not those bankml wrote");
        throw new InvalidClassException(written.getName(), "fields differ from bankml's format 1");
      }
      return local;
    }

    private static boolean sameFields(ObjectStreamClass a, ObjectStreamClass b) {
      ObjectStreamField[] fa = a.getFields();
      ObjectStreamField[] fb = b.getFields();
      if (fa.length != fb.length) {
        return false;
      }
      for (int i = 0; i < fa.length; i++) {
        if (!fa[i].getName().equals(fb[i].getName()) || fa[i].getTypeCode() != fb[i].getTypeCode()
            || !String.valueOf(fa[i].getTypeString()).equals(String.valueOf(fb[i].getTypeString()))) {
          return false;
        }
      }
      return true;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      String name = desc.getName();
      for (Class<?> copy : COPIES.values()) {
        if (copy.getName().equals(name)) {
          return copy;
        }
      }
      if (!CLASSES.contains(name)) {
        refuse("names the class " + name + ", which is not on the list of classes a format-1 payload may hold");
        throw new InvalidClassException(name, "not allowed in a Smile payload");
      }
      return super.resolveClass(desc);
    }

    /** Each HashMap, once read, may only map String/Integer keys to String/Integer values. */
    @Override
    protected Object resolveObject(Object obj) throws IOException {
      if (obj instanceof HashMap<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!isValue(e.getKey()) || !isValue(e.getValue())) {
            refuse("holds a HashMap with a " + typeOf(e.getKey()) + " key and a " + typeOf(e.getValue())
                + " value; Smile's maps hold only strings and integers");
            throw new InvalidClassException("java.util.HashMap", "holds other than strings and integers");
          }
        }
      }
      return obj;
    }

    private static boolean isValue(Object o) {
      return o instanceof String || o instanceof Integer;
    }

    private static String typeOf(Object o) {
      return o == null ? "null" : o.getClass().getName();
    }

    private ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
      if (info.depth() > MAX_DEPTH) {
        refuse("nests objects " + info.depth() + " levels deep; at most " + MAX_DEPTH + " are accepted");
        return ObjectInputFilter.Status.REJECTED;
      }
      long maxReferences = Math.min(MAX_REFERENCES, bytes);
      if (info.references() > maxReferences) {
        refuse("holds more than " + maxReferences + " objects");
        return ObjectInputFilter.Status.REJECTED;
      }
      if (info.streamBytes() > bytes) {
        refuse("reads past its own length");
        return ObjectInputFilter.Status.REJECTED;
      }
      Class<?> c = info.serialClass();
      if (c == null) {
        return ObjectInputFilter.Status.UNDECIDED;
      }
      boolean copy = COPIES.containsValue(c);
      if (!copy && !CLASSES.contains(c.getName())) {
        refuse("names the class " + c.getName() + ", which is not on the list of classes a format-1 payload may"
            + " hold");
        return ObjectInputFilter.Status.REJECTED;
      }
      if (c.isArray() && info.arrayLength() >= 0) {
        long remaining = bytes - info.streamBytes();
        long length = info.arrayLength();
        // HashMap sizes its table (up to ~2.7 slots per entry, at least 16) before reading the entries.
        long needed = c == Map.Entry[].class ? (length - 16) / 3 : length * elementBytes(c.getComponentType());
        if (needed > remaining) {
          refuse("declares an array of " + length + " " + c.getComponentType().getSimpleName() + " values, which"
              + " needs more than the " + remaining + " bytes that remain");
          return ObjectInputFilter.Status.REJECTED;
        }
      }
      return ObjectInputFilter.Status.ALLOWED;
    }

    /** The fewest bytes one element of an array of {@code component} takes in the stream. */
    private static long elementBytes(Class<?> component) {
      if (component == double.class || component == long.class) {
        return 8;
      } else if (component == int.class || component == float.class) {
        return 4;
      } else if (component == short.class || component == char.class) {
        return 2;
      }
      return 1;
    }
  }

  // Field-for-field copies of bankml's format-1 classes (same names, types and serialVersionUID).

  /** Was {@code LogisticModel}. */
  private static final class Logistic implements Serializable {
    private static final long serialVersionUID = 1L;
    private LogisticRegression.Binomial smile;
    private double[] w;
    private double[] importance;
  }

  /** Was {@code ForestModel}. */
  private static final class Forest implements Serializable {
    private static final long serialVersionUID = 1L;
    private RandomForest smile;
    private int p;
    private StructType schema;
    private Node[] roots;
    private double[] treeWeights;
  }

  /** Was {@code BoostingModel}. */
  private static final class Boosting implements Serializable {
    private static final long serialVersionUID = 1L;
    private GradientTreeBoost smile;
    private int p;
    private double b;
    private double shrinkage;
    private StructType schema;
    private Node[] roots;
  }

  /** Was {@code KMeansModel}. */
  private static final class Centroids implements Serializable {
    private static final long serialVersionUID = 1L;
    private KMeans smile;
    private double[][] centroids;
  }

  /** Was {@code GaussianMixtureModel}. */
  private static final class Mixture implements Serializable {
    private static final long serialVersionUID = 1L;
    private MultivariateGaussianMixture smile;
    private int[] labels;
    private double bic;
  }

  /** Was {@code DbscanModel}. */
  private static final class Density implements Serializable {
    private static final long serialVersionUID = 1L;
    private DBSCAN<double[]> smile;
    private int p;
  }
}
