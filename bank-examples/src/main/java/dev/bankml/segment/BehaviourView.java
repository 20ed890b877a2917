package dev.bankml.segment;

import dev.bankml.data.BankmlException;
import dev.bankml.data.ProgressListener;
import dev.bankml.features.table.Table;
import java.nio.file.Path;

/** The customer-behaviour view of a bank directory (one row per customer), from bank-features. */
final class BehaviourView {
  private BehaviourView() {}

  static Table of(Path dir, ProgressListener progress) {
    throw new BankmlException("segmenting a bank directory needs the customer-behaviour view, which is not yet "
        + "in this build; give a customer CSV instead");
  }
}
