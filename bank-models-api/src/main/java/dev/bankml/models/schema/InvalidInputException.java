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

  private static String message(String source, List<InputProblem> problems, long total) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid input has at least one problem");
    }
    String prefix = source.isEmpty() ? "" : source + ": ";
    if (total == 1) {
      return prefix + problems.get(0).message();
    }
    StringBuilder m = new StringBuilder(prefix).append(String.format(java.util.Locale.ROOT, "%,d", total))
        .append(" problems in the input");
    if (total == problems.size() && problems.stream().allMatch(p -> p.kind() == InputProblem.Kind.ABSENT)) {
      m.append(": the model's input columns ");
      m.append(String.join(", ", problems.stream().limit(20).map(p -> "'" + InputProblem.clip(p.field()) + "'").toList()));
      if (problems.size() > 20) {
        m.append(", …");
      }
      return m.append(" are absent").toString();
    }
    m.append(':');
    for (InputProblem p : problems.subList(0, Math.min(SHOWN, problems.size()))) {
      m.append(System.lineSeparator()).append("  ").append(p.message());
    }
    if (total > SHOWN) {
      m.append(System.lineSeparator()).append("  … and ").append(String.format(java.util.Locale.ROOT, "%,d", total - Math.min(SHOWN, problems.size()))).append(" more");
    }
    return m.toString();
  }
}
