package dev.bankml.data.io;

import dev.bankml.data.BankmlException;
import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.BankTruth;
import dev.bankml.data.domain.CustomerPersona;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.domain.Transaction;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import dev.bankml.data.domain.InvalidRecordException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the CSV files of a bank directory into typed records. Strict mode throws a
 * {@link CsvFormatException} naming file, line, column and value at the first bad row; lenient mode
 * skips bad rows and reports them. An empty file or a missing column always throws. {@link #read}
 * gives domain records, which cannot hold a missing value, so a blank cell is a bad row;
 * {@link #readPartial} keeps rows whose blank cells are in columns that may be missing (a messy
 * extract, {@code bankml generate --missing-rate}) and marks those cells. Immutable and thread-safe.
 *
 * <pre>{@code
 * Bank bank = BankCsvReader.strict().readBank(Path.of("/tmp/bank"));
 * try (Stream<Transaction> ts = BankCsvReader.strict().transactions(dir.resolve("transactions.csv"))) {
 *   ts.forEach(...);
 * }
 * for (PartialRecord<Customer> c : BankCsvReader.strict().readPartial(BankTable.CUSTOMERS, file).records()) {
 *   double income = c.isBlank("annual_income") ? Double.NaN : c.record().annualIncome();
 * }
 * }</pre>
 */
public final class BankCsvReader {
  private static final Logger LOG = LoggerFactory.getLogger(BankCsvReader.class);
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT;
  private static final BankCsvReader STRICT = new BankCsvReader(ReadMode.STRICT);
  private static final BankCsvReader LENIENT = new BankCsvReader(ReadMode.LENIENT);

  private final ReadMode mode;

  private BankCsvReader(ReadMode mode) {
    this.mode = mode;
  }

  /** A reader that throws at the first bad row. */
  public static BankCsvReader strict() {
    return STRICT;
  }

  /** A reader that skips bad rows and reports them. */
  public static BankCsvReader lenient() {
    return LENIENT;
  }

  /** A reader in {@code mode}. */
  public static BankCsvReader of(ReadMode mode) {
    return mode == ReadMode.STRICT ? STRICT : LENIENT;
  }

  /** This reader's mode. */
  public ReadMode mode() {
    return mode;
  }

  /**
   * Reads a whole bank directory as written by {@code bankml generate}: the five tables and, when
   * a {@code truth/} directory is present, the truth. Checks references across tables.
   */
  public Bank readBank(Path dir) {
    return readBankWithReport(dir).bank();
  }

  /** Like {@link #readBank} and also returns the rows skipped in lenient mode. */
  public BankRead readBankWithReport(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BankmlException(dir + ": not a directory; expected a bank directory written by 'bankml generate'");
    }
    List<SkippedRow> skipped = new ArrayList<>();
    var customers = collect(read(BankTable.CUSTOMERS, dir.resolve(BankFiles.CUSTOMERS)), skipped);
    var products = collect(read(BankTable.PRODUCTS, dir.resolve(BankFiles.PRODUCTS)), skipped);
    // in lenient mode a row that refers to a skipped customer or product is skipped too, so the bank holds together
    Set<String> customerIds = new HashSet<>();
    customers.forEach(c -> customerIds.add(c.customerId()));
    Set<String> productIds = new HashSet<>();
    products.forEach(p -> productIds.add(p.productId()));
    var loans = collect(read(BankTable.LOANS, dir.resolve(BankFiles.LOANS),
        l -> known("customer_id", l.customerId(), customerIds)), skipped);
    Set<String> loanIds = new HashSet<>();
    loans.forEach(l -> loanIds.add(l.loanId()));
    var transactions = collect(read(BankTable.TRANSACTIONS, dir.resolve(BankFiles.TRANSACTIONS),
        t -> known("customer_id", t.customerId(), customerIds)), skipped);
    var holdings = collect(read(BankTable.HOLDINGS, dir.resolve(BankFiles.HOLDINGS),
        h -> known("customer_id", h.customerId(), customerIds).or(() -> known("product_id", h.productId(), productIds))),
        skipped);
    Optional<BankTruth> truth = Optional.empty();
    if (Files.isDirectory(dir.resolve(BankFiles.TRUTH_DIR))) {
      truth = Optional.of(readTruth(dir, skipped, customerIds, loanIds));
    }
    return new BankRead(new Bank(customers, loans, transactions, products, holdings, truth), skipped);
  }

  /** In lenient mode, the problem of a reference to a record that was not read; always empty in strict mode. */
  private Optional<String> known(String column, String id, Set<String> ids) {
    if (mode == ReadMode.STRICT || ids.contains(id)) {
      return Optional.empty();
    }
    return Optional.of(column + " " + id + " refers to a row that was skipped or is absent");
  }

  private BankTruth readTruth(Path dir, List<SkippedRow> skipped, Set<String> customerIds, Set<String> loanIds) {
    List<LoanDefaultTruth> pd = collect(read(BankTable.LOAN_DEFAULT_PROBABILITY,
        dir.resolve(BankFiles.LOAN_DEFAULT_PROBABILITY), t -> known("loan_id", t.loanId(), loanIds)), skipped);
    List<CustomerPersona> personas = collect(read(BankTable.CUSTOMER_PERSONA,
        dir.resolve(BankFiles.CUSTOMER_PERSONA), p -> known("customer_id", p.customerId(), customerIds)), skipped);
    List<ProductPropensity> propensities = collect(read(BankTable.PRODUCT_PROPENSITY,
        dir.resolve(BankFiles.PRODUCT_PROPENSITY), p -> known("customer_id", p.customerId(), customerIds)), skipped);
    return new BankTruth(pd, personas, propensities);
  }

  private static <T> List<T> collect(CsvRead<T> read, List<SkippedRow> skipped) {
    skipped.addAll(read.skipped());
    return read.records();
  }

  /** Reads every row of {@code file} as a {@code table} record. */
  public <T> CsvRead<T> read(BankTable<T> table, Path file) {
    return read(table, file, r -> Optional.empty());
  }

  private <T> CsvRead<T> read(BankTable<T> table, Path file, Function<T, Optional<String>> check) {
    return collectAll(file, skipped -> stream(table, file, skipped::add, check));
  }

  /**
   * Reads every row of {@code file} keeping the rows with blank cells in the columns of
   * {@link BankTable#mayBeBlank()}: each such cell is marked in the {@link PartialRecord}. Any other
   * problem (a wrong value, a blank key) is handled as by {@link #read}: strict throws, lenient skips.
   */
  public <T> CsvRead<PartialRecord<T>> readPartial(BankTable<T> table, Path file) {
    return collectAll(file, skipped -> streamPartial(table, file, skipped::add));
  }

  /** Like {@link #stream} but keeping rows with blank cells, as {@link #readPartial} does; close the stream. */
  public <T> Stream<PartialRecord<T>> streamPartial(BankTable<T> table, Path file, Consumer<SkippedRow> onSkip) {
    return iterate(new RowIterator<>(table, file, mode, onSkip, true,
        row -> new PartialRecord<>(table.parse(row), table, row.blankMask())));
  }

  private static <R> CsvRead<R> collectAll(Path file, Function<List<SkippedRow>, Stream<R>> open) {
    List<R> records = new ArrayList<>();
    List<SkippedRow> skipped = new ArrayList<>();
    try (Stream<R> rows = open.apply(skipped)) {
      rows.forEachOrdered(records::add);
    }
    if (!skipped.isEmpty()) {
      LOG.warn("{}: skipped {} bad rows, first: {}", file, skipped.size(), skipped.get(0));
    }
    return new CsvRead<>(records, skipped);
  }

  /**
   * Streams the transactions of {@code file} without holding them in memory; close the stream.
   * In lenient mode bad rows are skipped and logged.
   */
  public Stream<Transaction> transactions(Path file) {
    return stream(BankTable.TRANSACTIONS, file, s -> LOG.warn("skipped {}", s));
  }

  /**
   * Streams the rows of {@code file} as {@code table} records, in file order, reading lazily; close
   * the stream. The header is checked at once. Skipped rows (lenient mode) go to {@code onSkip}.
   */
  public <T> Stream<T> stream(BankTable<T> table, Path file, Consumer<SkippedRow> onSkip) {
    return stream(table, file, onSkip, r -> Optional.empty());
  }

  private <T> Stream<T> stream(BankTable<T> table, Path file, Consumer<SkippedRow> onSkip,
      Function<T, Optional<String>> check) {
    return iterate(new RowIterator<>(table, file, mode, onSkip, false, row -> {
      T parsed = table.parse(row);
      Optional<String> problem = check.apply(parsed);
      if (problem.isPresent()) {
        throw row.error("", "", problem.get());
      }
      return parsed;
    }));
  }

  private static <R> Stream<R> iterate(RowIterator<R> it) {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(it::close);
  }

  /** Iterates the parsed rows of one file, each turned into an {@code R} by {@code parse}. */
  private static final class RowIterator<R> implements Iterator<R> {
    private final BankTable<?> table;
    private final Path file;
    private final ReadMode mode;
    private final Consumer<SkippedRow> onSkip;
    private final boolean blanksAllowed;
    private final Function<Row, R> parse;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Header header;
    private R next;

    RowIterator(BankTable<?> table, Path file, ReadMode mode, Consumer<SkippedRow> onSkip, boolean blanksAllowed,
        Function<Row, R> parse) {
      this.table = table;
      this.file = file;
      this.mode = mode;
      this.onSkip = onSkip;
      this.blanksAllowed = blanksAllowed;
      this.parse = parse;
      try {
        Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
      } catch (NoSuchFileException e) {
        throw new BankmlException(file + ": file not found; expected " + table.fileName() + " with columns "
            + String.join(",", table.columns()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      this.records = parser.iterator();
      CSVRecord first = nextRecord();
      if (first == null) {
        close();
        throw new CsvFormatException(file, 1, "", "",
            "empty file; expected a header line " + String.join(",", table.columns()));
      }
      try {
        this.header = new Header(file, first.toList(), table.columns());
      } catch (CsvFormatException e) {
        close();
        throw e;
      }
    }

    private CSVRecord nextRecord() {
      try {
        return records.hasNext() ? records.next() : null;
      } catch (UncheckedIOException e) {
        close();
        if (e.getCause() instanceof CharacterCodingException) {
          java.util.Optional<InvalidUtf8> bad = InvalidUtf8.find(file);
          throw new CsvFormatException(file, bad.map(InvalidUtf8::line).orElse(parser.getCurrentLineNumber() + 1), "", "",
              bad.map(InvalidUtf8::problem).orElse("not valid UTF-8 text"));
        }
        throw new CsvFormatException(file, parser.getCurrentLineNumber() + 1, "", "", "malformed CSV: " + e.getCause().getMessage());
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        CSVRecord record = nextRecord();
        if (record == null) {
          return false;
        }
        try {
          next = parse(record);
        } catch (CsvFormatException e) {
          if (mode == ReadMode.STRICT) {
            close();
            throw e;
          }
          onSkip.accept(SkippedRow.of(e));
        }
      }
      return true;
    }

    private R parse(CSVRecord record) {
      long line = record.getRecordNumber();
      if (record.size() != header.size()) {
        throw new CsvFormatException(file, line, "", "",
            "wrong number of columns: found " + record.size() + ", expected " + header.size() + " as in the header");
      }
      Row row = new Row(file, line, header, record, blanksAllowed ? table : null);
      try {
        return parse.apply(row);
      } catch (InvalidRecordException e) {
        throw new CsvFormatException(file, line, "", "", e.getMessage());
      }
    }

    @Override
    public R next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      R r = next;
      next = null;
      return r;
    }

    void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
