package dev.bankml.data.bundle;

import java.util.regex.Pattern;

/** Which entry names a bundle may hold, and how a name from a hostile file is shown in a message. */
final class Names {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final int SHOWN = 100;

  private Names() {}

  /** Why {@code name} is not allowed, or empty: plain file names only, no folders, no {@code ..}. */
  static String problem(String name) {
    if (name.isEmpty()) {
      return "an entry has an empty name";
    }
    if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
      return "entry name is an absolute path";
    }
    if (name.contains("..")) {
      return "entry name contains '..'";
    }
    if (name.contains("/") || name.contains("\\")) {
      return "entry name contains a folder separator; entries are plain file names";
    }
    if (!ALLOWED.matcher(name).matches()) {
      return "entry name is not 1 to 100 letters, digits, '.', '_' or '-'";
    }
    return "";
  }

  /** {@code name} cut to 100 characters with control characters escaped, safe to print. */
  static String shown(String name) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < name.length() && i < SHOWN; i++) {
      char c = name.charAt(i);
      s.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    if (name.length() > SHOWN) {
      s.append("… (").append(name.length()).append(" characters)");
    }
    return s.toString();
  }
}
