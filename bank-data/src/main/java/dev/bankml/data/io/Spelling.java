package dev.bankml.data.io;

import java.util.Locale;

/**
 * Tolerant reading of category values: case, surrounding blanks and the separators space, '-' and
 * '_' do not matter, so "Self-employed", " self employed" and "SELF_EMPLOYED" are the same value.
 */
final class Spelling {
  private Spelling() {}

  /** The constant {@code text} spells, or null when none. */
  static <E extends Enum<E>> E parse(Class<E> type, String text) {
    String key = normalise(text);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(key)) {
        return e;
      }
    }
    return null;
  }

  static String normalise(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean pendingSeparator = false;
    for (char c : text.trim().toCharArray()) {
      if (c == ' ' || c == '-' || c == '_' || c == '\t') {
        pendingSeparator = b.length() > 0;
      } else {
        if (pendingSeparator) {
          b.append('_');
          pendingSeparator = false;
        }
        b.append(c);
      }
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
