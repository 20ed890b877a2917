package dev.bankml.data.synth;

import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.Persona;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.domain.Transaction;
import java.util.List;

/** Everything the generator made for one customer, truth included; the transactions kept as primitives. */
record SimulatedCustomer(
    Customer customer,
    Persona persona,
    TransactionLog transactionLog,
    List<Loan> loans,
    List<LoanDefaultTruth> loanTruth,
    List<Holding> holdings,
    List<ProductPropensity> propensities) {

  /** The transactions as records, in time order. */
  List<Transaction> transactions() {
    return transactionLog.records(customer.customerId());
  }
}
