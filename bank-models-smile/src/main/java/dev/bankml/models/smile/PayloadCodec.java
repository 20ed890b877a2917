package dev.bankml.models.smile;

import dev.bankml.data.BankmlException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Smile's persistent format is Java serialization. Payloads are written with an
 * {@link ObjectOutputStream} after a short magic header, and read back only through an
 * {@link ObjectInputFilter} allow-list: Smile's classes, this backend's classes, a few value types
 * of {@code java.lang} and collections of {@code java.util}, and arrays of those or of primitives.
 * Anything else (for example {@code java.net.URL}, or a {@code HashSet} of one) is refused before
 * it is instantiated, as are object graphs deeper, larger or longer than the limits.
 */
final class PayloadCodec {
  static final byte[] MAGIC = "BANKML-SMILE-1\n".getBytes(StandardCharsets.US_ASCII);

  static final long MAX_DEPTH = 10_000;
  static final long MAX_REFERENCES = 200_000_000;
  static final long MAX_ARRAY_LENGTH = 500_000_000;

  private static final Set<String> JAVA_ALLOWED =
      Set.of(
          "java.lang.Object",
          "java.lang.String",
          "java.lang.Number",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.Enum",
          "java.lang.Record",
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.BitSet",
          "java.util.Map$Entry",
          "java.util.AbstractMap$SimpleEntry",
          "java.util.AbstractMap$SimpleImmutableEntry",
          "java.util.KeyValueHolder",
          "java.util.Arrays$ArrayList",
          "java.util.CollSer",
          "java.util.ImmutableCollections$ListN",
          "java.util.ImmutableCollections$List12",
          "java.util.ImmutableCollections$SetN",
          "java.util.ImmutableCollections$Set12",
          "java.util.ImmutableCollections$MapN",
          "java.util.ImmutableCollections$Map1",
          "java.util.Collections$UnmodifiableList",
          "java.util.Collections$UnmodifiableRandomAccessList",
          "java.util.Collections$UnmodifiableCollection",
          "java.util.Collections$UnmodifiableMap",
          "java.util.Collections$UnmodifiableSet",
          "java.util.Collections$EmptyList",
          "java.util.Collections$EmptyMap",
          "java.util.Collections$EmptySet",
          "java.util.Collections$SingletonList");

  private PayloadCodec() {}

  /** The class names a payload may contain, as a readable summary for error messages. */
  static final String ALLOWED_SUMMARY =
      "smile.*, dev.bankml.models.smile.*, basic java.lang value types, java.util collections,"
          + " and arrays of these or of primitives";

  static byte[] write(Serializable model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      bytes.write(MAGIC);
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(model);
      }
    } catch (IOException e) {
      throw new BankmlException("could not serialise the Smile model: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /** Reads one object of type {@code type} from {@code payload}, refusing any class off the allow-list. */
  static <T> T read(byte[] payload, Class<T> type, String what) {
    if (payload.length < MAGIC.length
        || !Arrays.equals(Arrays.copyOf(payload, MAGIC.length), MAGIC)) {
      throw new BankmlException(
          "the " + what + " payload is not a Smile model written by bankml (its header is missing or"
              + " wrong); the file is corrupt or was written by another backend");
    }
    AtomicReference<String> refused = new AtomicReference<>();
    ObjectInputFilter filter = info -> check(info, payload.length, refused);
    Object obj;
    try (ObjectInputStream in =
        new ObjectInputStream(
            new ByteArrayInputStream(payload, MAGIC.length, payload.length - MAGIC.length))) {
      in.setObjectInputFilter(filter);
      obj = in.readObject();
    } catch (InvalidClassException e) {
      if (refused.get() != null) {
        throw new BankmlException(
            "the " + what + " payload was refused: it " + refused.get() + "; a Smile payload may only"
                + " contain " + ALLOWED_SUMMARY,
            e);
      }
      throw corrupt(what, e);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw corrupt(what, e);
    }
    if (!type.isInstance(obj)) {
      throw new BankmlException(
          "the " + what + " payload holds a " + obj.getClass().getSimpleName() + ", not a Smile "
              + what);
    }
    return type.cast(obj);
  }

  private static BankmlException corrupt(String what, Exception e) {
    return new BankmlException(
        "the " + what + " payload is corrupt and cannot be read (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
        e);
  }

  private static ObjectInputFilter.Status check(
      ObjectInputFilter.FilterInfo info, long payloadBytes, AtomicReference<String> refused) {
    if (info.depth() > MAX_DEPTH) {
      refused.compareAndSet(null, "nests objects deeper than " + MAX_DEPTH + " levels");
      return ObjectInputFilter.Status.REJECTED;
    }
    if (info.references() > MAX_REFERENCES) {
      refused.compareAndSet(null, "holds more than " + MAX_REFERENCES + " object references");
      return ObjectInputFilter.Status.REJECTED;
    }
    if (info.streamBytes() > payloadBytes) {
      refused.compareAndSet(null, "reads past its own length");
      return ObjectInputFilter.Status.REJECTED;
    }
    if (info.arrayLength() > MAX_ARRAY_LENGTH) {
      refused.compareAndSet(null, "declares an array of " + info.arrayLength() + " elements");
      return ObjectInputFilter.Status.REJECTED;
    }
    Class<?> c = info.serialClass();
    if (c == null) {
      return ObjectInputFilter.Status.ALLOWED;
    }
    if (allowed(c)) {
      return ObjectInputFilter.Status.ALLOWED;
    }
    refused.compareAndSet(null, "names the class " + c.getName() + ", which is not on the allow-list");
    return ObjectInputFilter.Status.REJECTED;
  }

  static boolean allowed(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (c.isPrimitive()) {
      return true;
    }
    String name = c.getName();
    return name.startsWith("smile.")
        || name.startsWith("dev.bankml.models.smile.")
        || JAVA_ALLOWED.contains(name);
  }
}
