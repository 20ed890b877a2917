package dev.bankml.data.synth;

import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.Persona;
import dev.bankml.data.domain.ProductPropensity;
import dev.bankml.data.domain.Transaction;
import java.util.List;

/** Everything the generator made for one customer, truth included. */
record SimulatedCustomer(
    Customer customer,
    Persona persona,
    List<Transaction> transactions,
    List<Loan> loans,
    List<LoanDefaultTruth> loanTruth,
    double[] loanScores,
    List<Holding> holdings,
    List<ProductPropensity> propensities) {}
