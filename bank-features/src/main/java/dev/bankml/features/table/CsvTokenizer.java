package dev.bankml.features.table;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Splits CSV text into records of fields (RFC 4180 quoting: a quoted field may hold the delimiter,
 * newlines and doubled quotes). Skips a leading byte-order mark. Not thread-safe; one per read.
 */
final class CsvTokenizer {
  private final Reader in;
  private final char delimiter;
  private final char quote;
  private final String source;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private long recordLine;
  private String[] fields = new String[16];
  private boolean[] quoted = new boolean[16];
  private int count;
  private final StringBuilder sb = new StringBuilder(64);
  private boolean first = true;

  CsvTokenizer(Reader in, char delimiter, char quote, String source) {
    this.in = in;
    this.delimiter = delimiter;
    this.quote = quote;
    this.source = source;
  }

  /** The fields of the last record read. */
  String field(int i) {
    return fields[i];
  }

  /** Whether field {@code i} of the last record was quoted (quoted text is never trimmed). */
  boolean quoted(int i) {
    return quoted[i];
  }

  /** The number of fields of the last record read. */
  int count() {
    return count;
  }

  /** The physical line on which the last record starts. */
  long line() {
    return recordLine;
  }

  private int read() {
    if (pos == len) {
      try {
        len = in.read(buf, 0, buf.length);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
      }
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() {
    int c = read();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  /** Reads the next record; false at end of input. Blank lines are skipped. */
  boolean next() {
    while (true) {
      int c = read();
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          c = read();
        }
      }
      if (c < 0) {
        return false;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c);
        continue;
      }
      pos--;
      readRecord();
      return true;
    }
  }

  private void endOfLine(int c) {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private void readRecord() {
    recordLine = line;
    count = 0;
    while (true) {
      sb.setLength(0);
      int c = read();
      boolean q = false;
      if (c == quote) {
        q = true;
        long startLine = line;
        while (true) {
          c = read();
          if (c < 0) {
            throw new CsvParseException(source, startLine, "", "", "a quoted field is never closed; add the closing " + quote);
          }
          if (c == quote) {
            if (peek() == quote) {
              read();
              sb.append(quote);
            } else {
              break;
            }
          } else {
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
              line++;
            }
            sb.append((char) c);
          }
        }
        c = read();
        while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
          sb.append((char) c); // lenient: text after a closing quote is kept
          c = read();
        }
      } else if (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
        // fast path: an unquoted field that ends inside the buffer becomes a String in one copy
        int start = pos - 1;
        int i = pos;
        while (i < len && buf[i] != delimiter && buf[i] != '\n' && buf[i] != '\r') {
          i++;
        }
        if (i < len) {
          add(new String(buf, start, i - start), false);
          pos = i + 1;
          c = buf[i];
          if (c == delimiter) {
            continue;
          }
          endOfLine(c);
          return;
        }
        while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
          sb.append((char) c);
          c = read();
        }
      }
      add(sb.toString(), q);
      if (c == delimiter) {
        continue;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c);
      }
      return;
    }
  }

  private void add(String f, boolean q) {
    if (count == fields.length) {
      fields = Arrays.copyOf(fields, count * 2);
      quoted = Arrays.copyOf(quoted, count * 2);
    }
    fields[count] = f;
    quoted[count++] = q;
  }
}
