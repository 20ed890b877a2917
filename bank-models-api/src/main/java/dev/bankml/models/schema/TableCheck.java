package dev.bankml.models.schema;

import dev.bankml.features.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A table checked against an {@link InputSchema}: problems with its columns (absent, unknown) and
 * problems of single rows. A column problem of kind {@code ABSENT} makes every row unscorable; an
 * unknown column does not (its values are never read).
 */
public final class TableCheck {
  private final int rows;
  private final List<InputProblem> columnProblems;
  private final Map<Integer, List<InputProblem>> rowProblems;
  private final long count;

  TableCheck(int rows, List<InputProblem> columnProblems, Map<Integer, List<InputProblem>> rowProblems, long count) {
    this.rows = rows;
    this.columnProblems = List.copyOf(columnProblems);
    Map<Integer, List<InputProblem>> copy = new TreeMap<>();
    rowProblems.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.rowProblems = Collections.unmodifiableMap(copy);
    this.count = count;
  }

  /** Whether every row can be scored and no column is absent or unknown. */
  public boolean valid() {
    return columnProblems.isEmpty() && rowProblems.isEmpty();
  }

  /** Problems with the table's columns: absent required columns, unknown columns. */
  public List<InputProblem> columnProblems() {
    return columnProblems;
  }

  /** Whether a column the model needs is absent, so no row can be scored. */
  public boolean columnsAbsent() {
    return columnProblems.stream().anyMatch(p -> p.kind() == InputProblem.Kind.ABSENT);
  }

  /** The problems of row {@code row} (0-based), empty when it has none. */
  public List<InputProblem> problems(int row) {
    return rowProblems.getOrDefault(row, List.of());
  }

  /** The rows (0-based, ascending) with at least one value problem. */
  public int[] rowsWithProblems() {
    return rowProblems.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** The rows (0-based, ascending) that can be scored: none when a needed column is absent. */
  public int[] scorableRows() {
    if (columnsAbsent()) {
      return new int[0];
    }
    int[] out = new int[rows - rowProblems.size()];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (!rowProblems.containsKey(i)) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** {@code table} (the table checked) without the rows that cannot be scored. */
  public Table scorable(Table table) {
    return table.selectRows(scorableRows());
  }

  /** The number of value problems over all rows. */
  public long valueProblemCount() {
    return count;
  }

  /**
   * Every problem, column problems first, then row problems located by {@code where} (e.g. row 0 →
   * {@code "line 2"}); at most {@code limit} of them.
   */
  public List<InputProblem> located(IntFunction<String> where, int limit) {
    List<InputProblem> out = new ArrayList<>();
    for (InputProblem p : columnProblems) {
      if (out.size() == limit) {
        return out;
      }
      out.add(p);
    }
    for (Map.Entry<Integer, List<InputProblem>> e : rowProblems.entrySet()) {
      for (InputProblem p : e.getValue()) {
        if (out.size() == limit) {
          return out;
        }
        out.add(p.at(where.apply(e.getKey())));
      }
    }
    return out;
  }

  /**
   * Throws an {@link InvalidInputException} (prefixed by {@code source}) naming the first problems,
   * located by {@code where}, when the table is not {@link #valid()}.
   */
  public void requireValid(String source, IntFunction<String> where) {
    if (!valid()) {
      throw new InvalidInputException(source, located(where, 100), columnProblems.size() + count);
    }
  }
}
