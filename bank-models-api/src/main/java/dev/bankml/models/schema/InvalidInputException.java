package dev.bankml.models.schema;

import dev.bankml.data.BankmlException;
import java.util.List;

/**
 * Input that a model's {@link InputSchema} refuses: absent or unknown columns, blank values where
 * training never had one, non-numbers, non-finite or implausible numbers, unknown levels. Carries
 * every problem found (up to the checker's limit); the message names the first few.
 */
public final class InvalidInputException extends BankmlException {
  private static final long serialVersionUID = 1L;
  /** Problems spelt out in the message; the rest are counted. */
  static final int SHOWN = 5;

  private final transient List<InputProblem> problems;

  private final long total;

  /** The input was refused for {@code problems} (at least one); {@code source} prefixes the message when not empty. */
  public InvalidInputException(String source, List<InputProblem> problems) {
    this(source, problems, problems.size());
  }

  /**
   * The input was refused for {@code total} problems, of which {@code problems} (at least one) were
   * kept; {@code source} prefixes the message when not empty.
   */
  public InvalidInputException(String source, List<InputProblem> problems, long total) {
    super(message(source, problems, Math.max(total, problems.size())));
    this.problems = List.copyOf(problems);
    this.total = Math.max(total, problems.size());
  }

  /** How many problems were found, including any not kept in {@link #problems()}. */
  public long total() {
    return total;
  }

  /** The problems found, in input order. */
  public List<InputProblem> problems() {
    return problems;
  }

  /**
   * One line for a single problem; else a count and one line per problem (the first {@value
   * #SHOWN}), with the absent columns of one record gathered on one line naming up to 20 of them.
   */
  private static String message(String source, List<InputProblem> problems, long total) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid input has at least one problem");
    }
    String prefix = source.isEmpty() ? "" : source + ": ";
    if (total == 1) {
      return prefix + problems.get(0).message();
    }
    List<InputProblem> absent = problems.stream()
        .filter(p -> p.kind() == InputProblem.Kind.ABSENT && p.where().isEmpty()).toList();
    List<String> lines = new java.util.ArrayList<>();
    for (InputProblem p : problems) {
      if (!absent.contains(p)) {
        lines.add(p.message());
      }
    }
    if (!absent.isEmpty()) {
      String names = String.join(", ", absent.stream().limit(20).map(p -> "'" + InputProblem.clip(p.field()) + "'").toList())
          + (absent.size() > 20 ? ", …" : "");
      String line = (absent.size() == 1 ? "the model's input column " + names + " is" : "the model's input columns "
          + names + " (" + absent.size() + ") are") + " absent";
      if (lines.isEmpty()) {
        return prefix + line;
      }
      lines.add(Math.min(lines.size(), SHOWN - 1), line);
    }
    StringBuilder m = new StringBuilder(prefix).append(String.format(java.util.Locale.ROOT, "%,d", total))
        .append(" problems in the input:");
    int shown = Math.min(SHOWN, lines.size());
    for (String line : lines.subList(0, shown)) {
      m.append(System.lineSeparator()).append("  ").append(line);
    }
    long rest = total - problems.size() + lines.size() - shown;
    if (rest > 0) {
      m.append(System.lineSeparator()).append("  … and ").append(String.format(java.util.Locale.ROOT, "%,d", rest)).append(" more");
    }
    return m.toString();
  }
}
