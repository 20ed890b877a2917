package dev.bankml.web;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON string escapes that also write {@code <}, {@code >} and {@code &} as {@code \u003C} and the
 * like, so a value such as {@code </script>} never reads as markup wherever the JSON lands.
 */
final class HtmlSafeJson extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  private final int[] escapes;

  HtmlSafeJson() {
    int[] e = standardAsciiEscapesForJSON();
    e['<'] = ESCAPE_STANDARD;
    e['>'] = ESCAPE_STANDARD;
    e['&'] = ESCAPE_STANDARD;
    this.escapes = e;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return escapes.clone();
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return null;
  }
}
