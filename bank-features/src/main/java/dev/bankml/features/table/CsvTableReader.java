package dev.bankml.features.table;

import dev.bankml.data.ProgressListener;
import dev.bankml.data.SettingException;
import dev.bankml.data.io.InvalidUtf8;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads any CSV file into a {@link Table}: an immutable, reusable set of options (header,
 * delimiter, quote, missing tokens, type overrides, roles) built once. Input is UTF-8 with or
 * without a byte-order mark. Types are inferred per column over all rows (boolean, then numeric,
 * then date, else categorical) unless overridden. The file is read twice: once to infer types and
 * count rows, once to fill primitive arrays.
 *
 * <pre>{@code
 * Table t = CsvTableReader.builder().delimiter(';').missing("NA", "-").build().read(path);
 * }</pre>
 */
public final class CsvTableReader {
  /** The missing-value tokens used unless others are given. */
  public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");

  private static final int PROGRESS_EVERY = 100_000;

  private final boolean header;
  private final char delimiter;
  private final char quote;
  private final Set<String> missing;
  private final int longestMissing;
  private final Map<String, ColumnType> types;
  private final Map<String, ColumnRole> roles;

  private CsvTableReader(Builder b) {
    this.header = b.header;
    this.delimiter = b.delimiter;
    this.quote = b.quote;
    this.missing = Set.copyOf(b.missing);
    this.longestMissing = missing.stream().mapToInt(String::length).max().orElse(-1);
    this.types = Map.copyOf(b.types);
    this.roles = Map.copyOf(b.roles);
  }

  /** A reader with the defaults: header row, comma, double quote, {@link #DEFAULT_MISSING}. */
  public static CsvTableReader defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this reader's options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.header = header;
    b.delimiter = delimiter;
    b.quote = quote;
    b.missing = new LinkedHashSet<>(missing);
    b.types = new LinkedHashMap<>(types);
    b.roles = new LinkedHashMap<>(roles);
    return b;
  }

  /** Reads {@code file}; throws {@link CsvParseException} naming line, column and value on bad input. */
  public Table read(Path file) {
    return read(file, ProgressListener.NONE);
  }

  /**
   * Reads {@code file}, reporting rows done to {@code progress}. The file must be UTF-8 (a leading
   * byte-order mark is skipped); an invalid byte is an error naming its line and byte offset.
   */
  public Table read(Path file, ProgressListener progress) {
    if (Files.isDirectory(file)) {
      throw new CsvParseException(file.toString(), 0, "", "", "is a directory, not a CSV file");
    }
    if (!Files.exists(file)) {
      throw new CsvParseException(file.toString(), 0, "", "", "no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new CsvParseException(file.toString(), 0, "", "", "not a regular file (a device, pipe or socket); give a CSV file");
    }
    try {
      return read(() -> {
        try {
          return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
      }, file.toString(), progress);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        InvalidUtf8 bad = InvalidUtf8.find(file).orElseThrow(() -> e);
        throw new CsvParseException(file.toString(), bad.line(), "", "", bad.problem());
      }
      throw e;
    }
  }

  /** Reads CSV {@code text}; {@code sourceName} names it in error messages. */
  public Table readText(String text, String sourceName) {
    return read(() -> new StringReader(text), sourceName, ProgressListener.NONE);
  }

  private Table read(Supplier<Reader> open, String source, ProgressListener progress) {
    Inference inf;
    try (Reader r = open.get()) {
      inf = infer(new CsvTokenizer(r, delimiter, quote, source), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Reader r = open.get()) {
      return fill(new CsvTokenizer(r, delimiter, quote, source), source, inf, progress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Inference(List<String> names, ColumnType[] types, int rows) {}

  private Inference infer(CsvTokenizer tok, String source) {
    if (!tok.next()) {
      throw new CsvParseException(source, 1, "", "", "the file is empty; expected a header row");
    }
    List<String> names = new ArrayList<>();
    boolean dataInFirst = !header;
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < tok.count(); i++) {
      String n = header ? tok.field(i).trim() : "column_" + (i + 1);
      if (n.isEmpty()) {
        n = "column_" + (i + 1);
      }
      if (!seen.add(n)) {
        throw new CsvParseException(source, tok.line(), n, "", "the header names column '" + n + "' twice; names must be unique");
      }
      names.add(n);
    }
    for (String t : types.keySet()) {
      if (!seen.contains(t)) {
        throw new CsvParseException(source, 1, t, "", "a type is given for column '" + t + "' but the header has " + names);
      }
    }
    for (String t : roles.keySet()) {
      if (!seen.contains(t)) {
        throw new CsvParseException(source, 1, t, "", "a role is given for column '" + t + "' but the header has " + names);
      }
    }
    int cols = names.size();
    boolean[] canBool = new boolean[cols];
    boolean[] canNum = new boolean[cols];
    boolean[] canDate = new boolean[cols];
    boolean[] any = new boolean[cols];
    boolean[] open = new boolean[cols];
    // the first value shaped like a date that is no day (2024-02-30), per column, with its line
    String[] badDate = new String[cols];
    long[] badDateLine = new long[cols];
    for (int c = 0; c < cols; c++) {
      boolean fixed = types.containsKey(names.get(c));
      canBool[c] = canNum[c] = canDate[c] = open[c] = !fixed;
    }
    int rows = 0;
    boolean more = dataInFirst || tok.next();
    while (more) {
      checkWidth(tok, cols, source, names);
      rows++;
      for (int c = 0; c < cols; c++) {
        if (!open[c]) {
          continue;
        }
        String v = value(tok, c);
        if (isMissing(v)) {
          continue;
        }
        any[c] = true;
        if (canBool[c] && Values.parseBoolean(v) < 0) {
          canBool[c] = false;
        }
        if (canNum[c] && !Values.isNumber(v)) {
          canNum[c] = false;
        }
        if (canDate[c] && Values.parseDate(v) == DateColumn.MISSING) {
          if (Values.dateShaped(v)) {
            if (badDate[c] == null) {
              badDate[c] = v;
              badDateLine[c] = tok.line();
            }
          } else {
            canDate[c] = false;
          }
        }
        open[c] = canBool[c] || canNum[c] || canDate[c];
      }
      more = tok.next();
    }
    ColumnType[] ts = new ColumnType[cols];
    for (int c = 0; c < cols; c++) {
      ColumnType fixed = types.get(names.get(c));
      if (fixed != null) {
        ts[c] = fixed;
      } else if (!any[c]) {
        ts[c] = ColumnType.NUMERIC;
      } else if (canBool[c]) {
        ts[c] = ColumnType.BOOLEAN;
      } else if (canNum[c]) {
        ts[c] = ColumnType.NUMERIC;
      } else if (canDate[c]) {
        if (badDate[c] != null) {
          // never a silent change to categorical because of one impossible day
          throw new CsvParseException(source, badDateLine[c], names.get(c), badDate[c],
              "not a valid date (there is no such day); the column holds dates yyyy-MM-dd");
        }
        ts[c] = ColumnType.DATE;
      } else {
        ts[c] = ColumnType.CATEGORICAL;
      }
    }
    return new Inference(names, ts, rows);
  }

  private boolean isMissing(String v) {
    return v.length() <= longestMissing && missing.contains(v);
  }

  private String value(CsvTokenizer tok, int c) {
    String v = tok.field(c);
    return v.trim(); // quoted or not, so that CSV and live records read the same text
  }

  private static void checkWidth(CsvTokenizer tok, int cols, String source, List<String> names) {
    if (tok.count() != cols) {
      throw new CsvParseException(source, tok.line(), "", "",
          "the row has " + tok.count() + " fields but the header has " + cols + " " + names
              + "; quote fields that contain the delimiter");
    }
  }

  private Table fill(CsvTokenizer tok, String source, Inference inf, ProgressListener progress) {
    int cols = inf.names().size();
    int rows = inf.rows();
    Object[] store = new Object[cols];
    List<Map<String, Integer>> dicts = new ArrayList<>();
    List<List<String>> levels = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      store[c] = switch (inf.types()[c]) {
        case NUMERIC -> new double[rows];
        case CATEGORICAL -> new int[rows];
        case BOOLEAN -> new byte[rows];
        case DATE -> new long[rows];
      };
      dicts.add(new HashMap<>());
      levels.add(new ArrayList<>());
    }
    if (header) {
      tok.next();
    }
    for (int r = 0; r < rows; r++) {
      tok.next();
      for (int c = 0; c < cols; c++) {
        String v = value(tok, c);
        boolean miss = isMissing(v);
        switch (inf.types()[c]) {
          case NUMERIC -> ((double[]) store[c])[r] = miss ? Double.NaN : number(tok, source, inf, c, v);
          case CATEGORICAL -> ((int[]) store[c])[r] = miss ? CategoricalColumn.MISSING : code(dicts.get(c), levels.get(c), v);
          case BOOLEAN -> ((byte[]) store[c])[r] = miss ? BooleanColumn.MISSING : bool(tok, source, inf, c, v);
          case DATE -> ((long[]) store[c])[r] = miss ? DateColumn.MISSING : date(tok, source, inf, c, v);
        }
      }
      if ((r + 1) % PROGRESS_EVERY == 0) {
        progress.progress("loading " + source, r + 1, rows);
      }
    }
    progress.progress("loading " + source, rows, rows);
    List<Column> columns = new ArrayList<>(cols);
    for (int c = 0; c < cols; c++) {
      String n = inf.names().get(c);
      columns.add(switch (inf.types()[c]) {
        case NUMERIC -> NumericColumn.wrap(n, (double[]) store[c]);
        case CATEGORICAL -> CategoricalColumn.wrap(n, (int[]) store[c], levels.get(c));
        case BOOLEAN -> BooleanColumn.wrap(n, (byte[]) store[c]);
        case DATE -> DateColumn.wrap(n, (long[]) store[c]);
      });
    }
    return Table.of(columns).withRoles(roles);
  }

  private static int code(Map<String, Integer> dict, List<String> levels, String v) {
    Integer c = dict.get(v);
    if (c == null) {
      c = levels.size();
      levels.add(v);
      dict.put(v, c);
    }
    return c;
  }

  private static double number(CsvTokenizer tok, String source, Inference inf, int c, String v) {
    double d;
    try {
      d = Values.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new CsvParseException(source, tok.line(), inf.names().get(c), v,
          "not a number; the column is numeric, so expected a decimal like 1234.5 or a missing token");
    }
    if (Double.isNaN(d) && Values.isInfinite(v)) {
      // never silently missing: Infinity, or a number beyond the range of a double such as 1e400
      throw new CsvParseException(source, tok.line(), inf.names().get(c), v,
          "not a finite number (infinite, or too large for a double); write a missing token such as NA for no value");
    }
    return d;
  }

  private static byte bool(CsvTokenizer tok, String source, Inference inf, int c, String v) {
    int b = "1".equals(v) ? 1 : "0".equals(v) ? 0 : Values.parseBoolean(v);
    if (b < 0) {
      throw new CsvParseException(source, tok.line(), inf.names().get(c), v,
          "not a boolean; expected true/false, yes/no or 1/0");
    }
    return (byte) b;
  }

  private static long date(CsvTokenizer tok, String source, Inference inf, int c, String v) {
    long d = Values.parseDate(v);
    if (d == DateColumn.MISSING) {
      throw new CsvParseException(source, tok.line(), inf.names().get(c), v, "not a date; expected yyyy-MM-dd");
    }
    return d;
  }

  /** Options of a {@link CsvTableReader}. */
  public static final class Builder {
    private boolean header = true;
    private char delimiter = ',';
    private char quote = '"';
    private Set<String> missing = new LinkedHashSet<>(DEFAULT_MISSING);
    private Map<String, ColumnType> types = new LinkedHashMap<>();
    private Map<String, ColumnRole> roles = new LinkedHashMap<>();

    private Builder() {}

    /** Whether the first row names the columns (default true); without one, columns are column_1, column_2, … */
    public Builder header(boolean hasHeader) {
      this.header = hasHeader;
      return this;
    }

    /** The field delimiter (default ','); never a newline or the quote character. */
    public Builder delimiter(char d) {
      if (d == '\n' || d == '\r' || d == quote) {
        throw new SettingException("delimiter", "the delimiter cannot be " + describe(d)
            + (d == quote ? ", which is the quote character" : "") + "; use a comma, semicolon, tab or the like");
      }
      this.delimiter = d;
      return this;
    }

    /** The quote character (default '"'); never a newline or the delimiter. */
    public Builder quote(char q) {
      if (q == '\n' || q == '\r' || q == delimiter) {
        throw new SettingException("quote", "the quote character cannot be " + describe(q)
            + (q == delimiter ? ", which is the delimiter" : ""));
      }
      this.quote = q;
      return this;
    }

    private static String describe(char c) {
      return c == '\n' || c == '\r' ? "a line break" : "'" + c + "'";
    }

    /** Replaces the missing-value tokens (compared after trimming unquoted fields). */
    public Builder missing(String... tokens) {
      this.missing = new LinkedHashSet<>(List.of(tokens));
      return this;
    }

    /** Replaces the missing-value tokens. */
    public Builder missing(Set<String> tokens) {
      this.missing = new LinkedHashSet<>(tokens);
      return this;
    }

    /** Forces column {@code name} to {@code type} instead of inferring it. */
    public Builder type(String name, ColumnType type) {
      types.put(Objects.requireNonNull(name), Objects.requireNonNull(type));
      return this;
    }

    /** Gives column {@code name} a role (default {@link ColumnRole#FEATURE}). */
    public Builder role(String name, ColumnRole role) {
      roles.put(Objects.requireNonNull(name), Objects.requireNonNull(role));
      return this;
    }

    /** The immutable reader. */
    public CsvTableReader build() {
      return new CsvTableReader(this);
    }
  }
}
