package dev.bankml.data.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.domain.Bank;
import dev.bankml.data.domain.Customer;
import dev.bankml.data.domain.CustomerPersona;
import dev.bankml.data.domain.Direction;
import dev.bankml.data.domain.Holding;
import dev.bankml.data.domain.Loan;
import dev.bankml.data.domain.LoanDefaultTruth;
import dev.bankml.data.domain.MerchantCategory;
import dev.bankml.data.domain.Persona;
import dev.bankml.data.domain.Product;
import dev.bankml.data.domain.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The designed signal is in the generated bank (issue 2, "Done when"). */
class SyntheticBankSignalTest {
  private static Bank bank;

  @BeforeAll
  static void generate() {
    bank = SyntheticBank.builder().customers(4_000).seed(11).build().generate();
  }

  @Test
  void defaultRateIsWithinOnePointOfTheTarget() {
    assertThat(defaultRate(bank.loans())).isCloseTo(0.10, within(0.01));
    assertThat(bank.loans().size()).isGreaterThan(1_500);
  }

  @Test
  void anotherTargetDefaultRateIsHonoured() {
    Bank b = SyntheticBank.builder().customers(2_500).seed(5).defaultRate(0.2).build().generate();
    assertThat(defaultRate(b.loans())).isCloseTo(0.20, within(0.02));
    double meanPd = b.truth().orElseThrow().loanDefaultProbabilities().stream()
        .mapToDouble(LoanDefaultTruth::truePd).average().orElseThrow();
    assertThat(meanPd).isCloseTo(0.20, within(0.005));
  }

  @Test
  void trueProbabilityOfDefaultIsLearnableButNotTrivial() {
    List<LoanDefaultTruth> pd = bank.truth().orElseThrow().loanDefaultProbabilities();
    double[] score = pd.stream().mapToDouble(LoanDefaultTruth::truePd).toArray();
    boolean[] label = new boolean[score.length];
    for (int i = 0; i < label.length; i++) {
      assertThat(bank.loans().get(i).loanId()).isEqualTo(pd.get(i).loanId());
      label[i] = bank.loans().get(i).defaulted();
    }
    assertThat(auc(score, label)).isBetween(0.80, 0.92);
  }

  @Test
  void transactionsBeforeApplicationCarrySignal() {
    Map<String, List<Transaction>> byCustomer = new HashMap<>();
    bank.transactions().forEach(t -> byCustomer.computeIfAbsent(t.customerId(), k -> new ArrayList<>()).add(t));
    List<Loan> gamblers = new ArrayList<>();
    List<Loan> others = new ArrayList<>();
    for (Loan l : bank.loans()) {
      double debits = 0;
      double gambling = 0;
      for (Transaction t : byCustomer.get(l.customerId())) {
        if (t.timestamp().toLocalDate().isBefore(l.applicationDate()) && t.direction() == Direction.DEBIT) {
          debits += t.amount();
          gambling += t.category() == MerchantCategory.GAMBLING ? t.amount() : 0;
        }
      }
      (debits > 0 && gambling / debits > 0.05 ? gamblers : others).add(l);
    }
    assertThat(gamblers).hasSizeGreaterThan(50);
    assertThat(defaultRate(gamblers)).isGreaterThan(1.5 * defaultRate(others));
  }

  @Test
  void applicationsHaveHalfAYearOrMoreOfHistory() {
    LocalDate start = LocalDate.of(2024, 1, 1);
    assertThat(bank.loans()).allSatisfy(l -> assertThat(l.applicationDate()).isAfterOrEqualTo(start.plusDays(180)));
  }

  @Test
  void customersMakeFifteenToTwentyFiveTransactionsAMonth() {
    double perMonth = bank.transactions().size() / (12.0 * bank.customers().size());
    assertThat(perMonth).isBetween(15.0, 25.0);
  }

  @Test
  void personasAreSeparableBySpendingMix() {
    Map<String, Persona> persona = new HashMap<>();
    bank.truth().orElseThrow().personas().forEach(p -> persona.put(p.customerId(), p.persona()));
    Map<String, double[]> mix = spendingMix();
    // nearest centroid fitted on even customers, scored on odd ones
    List<String> ids = bank.customers().stream().map(Customer::customerId).toList();
    int dims = MerchantCategory.values().length;
    double[][] centroid = new double[Persona.values().length][dims];
    int[] count = new int[Persona.values().length];
    for (int i = 0; i < ids.size(); i += 2) {
      int p = persona.get(ids.get(i)).ordinal();
      count[p]++;
      for (int k = 0; k < dims; k++) {
        centroid[p][k] += mix.get(ids.get(i))[k];
      }
    }
    for (int p = 0; p < centroid.length; p++) {
      for (int k = 0; k < dims; k++) {
        centroid[p][k] /= Math.max(1, count[p]);
      }
    }
    int right = 0;
    int total = 0;
    for (int i = 1; i < ids.size(); i += 2) {
      double[] x = mix.get(ids.get(i));
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int p = 0; p < centroid.length; p++) {
        double d = 0;
        for (int k = 0; k < dims; k++) {
          d += (x[k] - centroid[p][k]) * (x[k] - centroid[p][k]);
        }
        if (d < bestD) {
          bestD = d;
          best = p;
        }
      }
      right += best == persona.get(ids.get(i)).ordinal() ? 1 : 0;
      total++;
    }
    assertThat((double) right / total).isGreaterThan(0.9);
  }

  private Map<String, double[]> spendingMix() {
    Map<String, double[]> mix = new HashMap<>();
    for (Transaction t : bank.transactions()) {
      boolean fixedCost = t.category() == MerchantCategory.RENT || t.category() == MerchantCategory.MORTGAGE_PAYMENT
          || t.category() == MerchantCategory.UTILITIES;
      if (t.direction() == Direction.DEBIT && !fixedCost) {
        mix.computeIfAbsent(t.customerId(), k -> new double[MerchantCategory.values().length])[t.category().ordinal()] +=
            t.amount();
      }
    }
    for (double[] m : mix.values()) {
      double s = 0;
      for (double v : m) {
        s += v;
      }
      for (int k = 0; k < m.length; k++) {
        m[k] /= s;
      }
    }
    return mix;
  }

  @Test
  void designedProductPairsAreCoAdoptedWithLiftAboveOne() {
    Map<String, Set<String>> held = holdingsByCustomer();
    int n = bank.customers().size();
    String[][] pairs = {
      {ProductCatalogue.MORTGAGE, ProductCatalogue.HOME_INSURANCE},
      {ProductCatalogue.SALARY_ACCOUNT, ProductCatalogue.CLASSIC_CARD},
      {ProductCatalogue.SAVINGS, ProductCatalogue.TERM_DEPOSIT},
      {ProductCatalogue.INVESTMENT_FUND, ProductCatalogue.BROKERAGE},
      {ProductCatalogue.BUSINESS_ACCOUNT, ProductCatalogue.BUSINESS_LOAN},
    };
    for (String[] pair : pairs) {
      long a = held.values().stream().filter(s -> s.contains(pair[0])).count();
      long b = held.values().stream().filter(s -> s.contains(pair[1])).count();
      long ab = held.values().stream().filter(s -> s.contains(pair[0]) && s.contains(pair[1])).count();
      double lift = (double) ab * n / ((double) a * b);
      assertThat(lift).as(pair[0] + " -> " + pair[1]).isGreaterThan(1.2);
    }
  }

  @Test
  void noHoldingViolatesEligibility() {
    Map<String, Customer> customers = bank.customersById();
    Map<String, Product> products = bank.productsById();
    Map<String, Set<String>> heldSoFar = new HashMap<>();
    LocalDate previous = LocalDate.MIN;
    String previousCustomer = "";
    for (Holding h : bank.holdings()) {
      if (h.customerId().equals(previousCustomer)) {
        assertThat(h.openedDate()).as("holdings of a customer are in opening order").isAfterOrEqualTo(previous);
      }
      Set<String> held = heldSoFar.computeIfAbsent(h.customerId(), k -> new LinkedHashSet<>());
      assertThat(held).as("held twice").doesNotContain(h.productId());
      Customer c = customers.get(h.customerId());
      assertThat(products.get(h.productId()).eligible(c, held, h.openedDate()))
          .as("%s opening %s on %s holding %s", c.customerId(), h.productId(), h.openedDate(), held).isTrue();
      held.add(h.productId());
      previous = h.openedDate();
      previousCustomer = h.customerId();
    }
  }

  @Test
  void holdingsAreSpreadOverTimeWithThreeToFivePerCustomer() {
    double perCustomer = (double) bank.holdings().size() / bank.customers().size();
    assertThat(perCustomer).isBetween(3.0, 5.0);
    long lastFifth = bank.holdings().stream().filter(h -> h.openedDate().isAfter(LocalDate.of(2024, 10, 19))).count();
    long inRange = bank.holdings().stream().filter(h -> h.openedDate().getYear() == 2024).count();
    assertThat((double) inRange / bank.holdings().size()).isGreaterThan(0.25);
    assertThat((double) lastFifth / bank.customers().size()).isGreaterThan(0.15);
  }

  @Test
  void propensitiesCoverEveryProductAndAreZeroWhenIneligible() {
    var props = bank.truth().orElseThrow().propensities();
    assertThat(props).hasSize(bank.customers().size() * bank.products().size());
    Map<String, Customer> customers = bank.customersById();
    Map<String, Set<String>> held = holdingsByCustomer();
    Map<String, Product> products = bank.productsById();
    LocalDate end = LocalDate.of(2024, 12, 31);
    props.stream().limit(2_000).forEach(p -> {
      Set<String> others = new HashSet<>(held.get(p.customerId()));
      others.remove(p.productId());
      if (!products.get(p.productId()).eligible(customers.get(p.customerId()), others, end)) {
        assertThat(p.propensity()).isZero();
      }
    });
    // co-adoption shows in the truth: mortgage holders are likelier to want home insurance
    double withMortgage = meanPropensity(ProductCatalogue.HOME_INSURANCE, held, true);
    double without = meanPropensity(ProductCatalogue.HOME_INSURANCE, held, false);
    assertThat(withMortgage).isGreaterThan(2 * without);
  }

  private double meanPropensity(String product, Map<String, Set<String>> held, boolean withMortgage) {
    return bank.truth().orElseThrow().propensities().stream()
        .filter(p -> p.productId().equals(product))
        .filter(p -> held.get(p.customerId()).contains(ProductCatalogue.MORTGAGE) == withMortgage)
        .mapToDouble(dev.bankml.data.domain.ProductPropensity::propensity).average().orElseThrow();
  }

  @Test
  void everyCustomerHasAPersonaAndTheMixFollowsTheDefault() {
    Map<Persona, Long> counts = new HashMap<>();
    bank.truth().orElseThrow().personas().forEach(p -> counts.merge(p.persona(), 1L, Long::sum));
    assertThat(bank.truth().orElseThrow().personas()).extracting(CustomerPersona::customerId)
        .containsExactlyElementsOf(bank.customers().stream().map(Customer::customerId).toList());
    SyntheticBank.defaultPersonaMix().forEach((p, w) ->
        assertThat((double) counts.get(p) / bank.customers().size()).as(p.name()).isCloseTo(w, within(0.03)));
  }

  private Map<String, Set<String>> holdingsByCustomer() {
    Map<String, Set<String>> held = new HashMap<>();
    bank.customers().forEach(c -> held.put(c.customerId(), new HashSet<>()));
    bank.holdings().forEach(h -> held.get(h.customerId()).add(h.productId()));
    return held;
  }

  private static double defaultRate(List<Loan> loans) {
    return loans.stream().filter(Loan::defaulted).count() / (double) loans.size();
  }

  static double auc(double[] score, boolean[] label) {
    Integer[] idx = new Integer[score.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j < idx.length && score[idx[j]] == score[idx[i]]) {
        j++;
      }
      double rank = (i + j + 1) / 2.0;
      for (int k = i; k < j; k++) {
        if (label[idx[k]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j;
    }
    long neg = score.length - pos;
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
