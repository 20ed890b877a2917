package dev.bankml.report;

import dev.bankml.data.BankmlException;
import dev.bankml.data.SettingException;
import dev.bankml.data.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the risk report covers: the data (a CSV file or a bank directory), the target, which
 * backends and algorithms to compare (all of them when none are named), cross-validation folds,
 * the seed, protected columns for the fairness table, and how many explained decisions to show.
 */
public final class ReportOptions {
  private final Path data;
  private final String target;
  private final Optional<String> positiveLabel;
  private final List<String> backends;
  private final List<String> algorithms;
  private final List<String> protectedColumns;
  private final List<String> idColumns;
  private final List<String> excludedColumns;
  private final int folds;
  private final long seed;
  private final int examples;
  private final ProgressListener progress;

  private ReportOptions(Builder b) {
    this.data = b.data;
    this.target = b.target;
    this.positiveLabel = b.positiveLabel;
    this.backends = List.copyOf(b.backends);
    this.algorithms = List.copyOf(b.algorithms);
    this.protectedColumns = List.copyOf(b.protectedColumns);
    this.idColumns = List.copyOf(b.idColumns);
    this.excludedColumns = List.copyOf(b.excludedColumns);
    this.folds = b.folds;
    this.seed = b.seed;
    this.examples = b.examples;
    this.progress = b.progress;
  }

  /** A builder for a report on {@code data} (a CSV file or a bank directory). */
  public static Builder builder(Path data) {
    return new Builder(data);
  }

  /** The CSV file or bank directory. */
  public Path data() {
    return data;
  }

  /** The target column ({@code defaulted} by default). */
  public String target() {
    return target;
  }

  /** The target value meaning default, when not boolean or 0/1. */
  public Optional<String> positiveLabel() {
    return positiveLabel;
  }

  /** Backends to compare; empty means every backend found. */
  public List<String> backends() {
    return backends;
  }

  /** Algorithms to compare; empty means every classifier of each backend. */
  public List<String> algorithms() {
    return algorithms;
  }

  /** Columns to treat as protected (never features; rows of the fairness table), besides those the data marks. */
  public List<String> protectedColumns() {
    return protectedColumns;
  }

  /** Identifier columns, never features. */
  public List<String> idColumns() {
    return idColumns;
  }

  /** Further columns kept out of the features. */
  public List<String> excludedColumns() {
    return excludedColumns;
  }

  /** Cross-validation folds for the comparison. */
  public int folds() {
    return folds;
  }

  /** Seed for splits and training. */
  public long seed() {
    return seed;
  }

  /** How many explained example decisions to show. */
  public int examples() {
    return examples;
  }

  /** Where progress is reported. */
  public ProgressListener progress() {
    return progress;
  }

  /** Collects report options; every setter checks its value. */
  public static final class Builder {
    private final Path data;
    private String target = "defaulted";
    private Optional<String> positiveLabel = Optional.empty();
    private final List<String> backends = new ArrayList<>();
    private final List<String> algorithms = new ArrayList<>();
    private final List<String> protectedColumns = new ArrayList<>();
    private final List<String> idColumns = new ArrayList<>();
    private final List<String> excludedColumns = new ArrayList<>();
    private int folds = 3;
    private long seed = 42;
    private int examples = 3;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder(Path data) {
      this.data = Objects.requireNonNull(data, "data");
    }

    /** The target column. */
    public Builder target(String column) {
      this.target = text(column, "target");
      return this;
    }

    /** The target value meaning default. */
    public Builder positiveLabel(String value) {
      this.positiveLabel = Optional.of(text(value, "positive value"));
      return this;
    }

    /** Adds a backend to compare. */
    public Builder backend(String name) {
      backends.add(text(name, "backend"));
      return this;
    }

    /** Adds an algorithm to compare (in every chosen backend that offers it). */
    public Builder algorithm(String name) {
      String a = text(name, "algorithm");
      if (!a.equalsIgnoreCase("all")) {
        algorithms.add(a);
      }
      return this;
    }

    /** Adds a protected column. */
    public Builder protectedColumn(String column) {
      protectedColumns.add(text(column, "protected column"));
      return this;
    }

    /** Adds an identifier column. */
    public Builder idColumn(String column) {
      idColumns.add(text(column, "id column"));
      return this;
    }

    /** Adds a column kept out of the features. */
    public Builder exclude(String column) {
      excludedColumns.add(text(column, "excluded column"));
      return this;
    }

    /** Cross-validation folds, 2 to 10. */
    public Builder folds(int k) {
      if (k < 2 || k > 10) {
        throw new SettingException("cv", "a report's cross-validation needs 2 to 10 folds, got " + k);
      }
      this.folds = k;
      return this;
    }

    /** The seed. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Explained example decisions, 0 to 10. */
    public Builder examples(int n) {
      if (n < 0 || n > 10) {
        throw new SettingException("examples", "a report explains 0 to 10 example decisions, got " + n);
      }
      this.examples = n;
      return this;
    }

    /** Where progress is reported. */
    public Builder progress(ProgressListener p) {
      this.progress = Objects.requireNonNull(p, "progress");
      return this;
    }

    /** The options. */
    public ReportOptions build() {
      return new ReportOptions(this);
    }

    private static String text(String s, String what) {
      if (s == null || s.isBlank()) {
        throw new BankmlException(what + " must not be empty");
      }
      return s.trim();
    }
  }
}
