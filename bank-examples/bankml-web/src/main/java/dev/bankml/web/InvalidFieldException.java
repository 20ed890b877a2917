package dev.bankml.web;

import dev.bankml.data.BankmlException;
import dev.bankml.models.schema.InputProblem;
import dev.bankml.models.schema.InvalidInputException;
import java.util.List;

/** Values sent to the web API that the model's input schema refuses; answered with HTTP 400. */
public final class InvalidFieldException extends BankmlException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final transient List<InputProblem> problems;

  /** {@code field} rejected its value for the reason in {@code message}. */
  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
    this.problems = List.of();
  }

  /** The schema refused the input for {@code problems} (at least one); the first names the field. */
  public InvalidFieldException(List<InputProblem> problems) {
    super(new InvalidInputException("", problems).getMessage());
    this.field = problems.get(0).field();
    this.problems = List.copyOf(problems);
  }

  /** The name of the (first) field whose value was refused. */
  public String field() {
    return field;
  }

  /** Every problem the schema found (empty for a refusal that is not about one record). */
  public List<InputProblem> problems() {
    return problems;
  }
}
