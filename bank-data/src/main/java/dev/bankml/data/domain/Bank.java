package dev.bankml.data.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A whole bank in memory: its five tables and, for a synthetic bank, the hidden truth. Checked on
 * construction: identifiers unique, every reference resolves, no loan applied for before its
 * customer was born.
 */
public record Bank(
    List<Customer> customers,
    List<Loan> loans,
    List<Transaction> transactions,
    List<Product> products,
    List<Holding> holdings,
    Optional<BankTruth> truth) {
  private static final Supplier<String> BANK = Rules.named("bank");

  /** Copies the lists and checks that the tables agree with each other. */
  public Bank {
    customers = Rules.list(BANK, "customers", customers);
    loans = Rules.list(BANK, "loans", loans);
    transactions = Rules.list(BANK, "transactions", transactions);
    products = Rules.list(BANK, "products", products);
    holdings = Rules.list(BANK, "holdings", holdings);
    Rules.present(BANK, "truth", truth);
    checkReferences(customers, loans, transactions, products, holdings);
  }

  /** The customers by id, in a new map. */
  public Map<String, Customer> customersById() {
    Map<String, Customer> byId = new HashMap<>();
    customers.forEach(c -> byId.put(c.customerId(), c));
    return byId;
  }

  /** The products by id, in a new map. */
  public Map<String, Product> productsById() {
    Map<String, Product> byId = new HashMap<>();
    products.forEach(p -> byId.put(p.productId(), p));
    return byId;
  }

  private static void checkReferences(
      List<Customer> customers,
      List<Loan> loans,
      List<Transaction> transactions,
      List<Product> products,
      List<Holding> holdings) {
    Map<String, Customer> byId = new HashMap<>();
    for (Customer c : customers) {
      if (byId.put(c.customerId(), c) != null) {
        throw new InvalidRecordException("customer " + c.customerId() + " appears twice; customer ids must be unique");
      }
    }
    Set<String> productIds = new HashSet<>();
    for (Product p : products) {
      if (!productIds.add(p.productId())) {
        throw new InvalidRecordException("product " + p.productId() + " appears twice; product ids must be unique");
      }
    }
    for (Product p : products) {
      for (String ref : concat(p.eligibility().requiresAny(), p.eligibility().excludes())) {
        if (!productIds.contains(ref)) {
          throw new InvalidRecordException(
              "product " + p.productId() + ": eligibility refers to unknown product " + ref + "; known products are " + productIds);
        }
      }
    }
    Set<String> loanIds = new HashSet<>();
    for (Loan l : loans) {
      if (!loanIds.add(l.loanId())) {
        throw new InvalidRecordException("loan " + l.loanId() + " appears twice; loan ids must be unique");
      }
      Customer c = byId.get(l.customerId());
      if (c == null) {
        throw new InvalidRecordException("loan " + l.loanId() + ": unknown customer_id " + l.customerId());
      }
      if (!productIds.isEmpty() && !productIds.contains(l.productId())) {
        throw new InvalidRecordException("loan " + l.loanId() + ": unknown product_id " + l.productId() + "; not in the catalogue");
      }
      if (l.applicationDate().isBefore(c.birthDate())) {
        throw new InvalidRecordException(
            "loan " + l.loanId() + ": application_date " + l.applicationDate() + " is before customer "
                + c.customerId() + "'s birth_date " + c.birthDate());
      }
    }
    for (Transaction t : transactions) {
      if (!byId.containsKey(t.customerId())) {
        throw new InvalidRecordException("transaction at " + t.timestamp() + ": unknown customer_id " + t.customerId());
      }
    }
    for (Holding h : holdings) {
      if (!byId.containsKey(h.customerId())) {
        throw new InvalidRecordException("holding of product " + h.productId() + ": unknown customer_id " + h.customerId());
      }
      if (!productIds.contains(h.productId())) {
        throw new InvalidRecordException(
            "holding of customer " + h.customerId() + ": unknown product_id " + h.productId() + "; not in the catalogue");
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
