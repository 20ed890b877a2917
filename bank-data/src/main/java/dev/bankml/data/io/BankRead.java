package dev.bankml.data.io;

import dev.bankml.data.domain.Bank;
import java.util.List;

/** A bank read from a directory and the rows a lenient reader skipped on the way. */
public record BankRead(Bank bank, List<SkippedRow> skipped) {

  /** Copies the list. */
  public BankRead {
    skipped = List.copyOf(skipped);
  }
}
