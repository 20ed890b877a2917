package dev.bankml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bankml.data.BankmlException;
import dev.bankml.data.synth.GenerationSummary;
import dev.bankml.data.synth.SyntheticBank;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bankml generate}: writes a seeded synthetic bank and its hidden truth as CSV files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic bank with its hidden truth into a directory: customers.csv, loans.csv,",
      "transactions.csv, products.csv, holdings.csv and truth/ (loan_default_probability.csv,",
      "customer_persona.csv, product_propensity.csv). The same seed gives byte-identical files.",
      "Example: bankml generate --customers 10000 --seed 1 --out /tmp/bank"
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--customers", paramLabel = "N", defaultValue = "1000",
      description = "Number of customers (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write (created if needed).")
  Path out;

  @Option(names = "--start", paramLabel = "DATE",
      description = "First day of transactions, yyyy-MM-dd (default: 2024-01-01, or a year before --end).")
  LocalDate start;

  @Option(names = "--end", paramLabel = "DATE",
      description = "Last day of transactions, yyyy-MM-dd (default: 2024-12-31, or a year after --start).")
  LocalDate end;

  @Option(names = "--default-rate", paramLabel = "R", defaultValue = "0.10",
      description = "Target mean default rate of loans (default: ${DEFAULT-VALUE}).")
  double defaultRate;

  @Option(names = "--missing-rate", paramLabel = "R", defaultValue = "0",
      description = "Share of eligible cells left blank, 0 to 0.5 (default: ${DEFAULT-VALUE}); truth files stay clean.")
  double missingRate;

  @Option(names = "--outlier-rate", paramLabel = "R", defaultValue = "0",
      description = "Share of eligible amounts multiplied by 10 to 100, 0 to 0.5 (default: ${DEFAULT-VALUE}).")
  double outlierRate;

  @Option(names = "--typo-rate", paramLabel = "R", defaultValue = "0",
      description = "Share of category values spelt inconsistently, 0 to 0.5 (default: ${DEFAULT-VALUE}).")
  double typoRate;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new BankmlException("--out " + out + " is a file; give a directory to write the bank into");
    }
    LocalDate from = start != null ? start : end != null ? end.minusYears(1).plusDays(1) : LocalDate.of(2024, 1, 1);
    LocalDate to = end != null ? end : from.plusYears(1).minusDays(1);
    SyntheticBank bank = SyntheticBank.builder()
        .customers(customers)
        .seed(seed)
        .dateRange(from, to)
        .defaultRate(defaultRate)
        .missingRate(missingRate)
        .outlierRate(outlierRate)
        .typoRate(typoRate)
        .build();
    GenerationSummary s = bank.generate(out, Progress.create(output.silent()));
    PrintWriter w = spec.commandLine().getOut();
    if (output.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("out", out.toAbsolutePath().toString());
      m.put("seed", seed);
      m.put("start", from.toString());
      m.put("end", to.toString());
      m.put("customers", s.customers());
      m.put("loans", s.loans());
      m.put("transactions", s.transactions());
      m.put("holdings", s.holdings());
      m.put("default_rate", s.defaultRate());
      m.put("mean_true_pd", s.meanTruePd());
      m.put("seconds", s.seconds());
      m.put("customers_per_second", s.customersPerSecond());
      m.put("transactions_per_second", s.transactionsPerSecond());
      w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    } else {
      w.printf(Locale.ROOT, "wrote a synthetic bank to %s (seed %d, %s to %s)%n", out, seed, from, to);
      w.printf(Locale.ROOT, "  customers     %,12d%n", s.customers());
      w.printf(Locale.ROOT, "  transactions  %,12d%n", s.transactions());
      w.printf(Locale.ROOT, "  loans         %,12d  (default rate %.1f %%, mean true PD %.1f %%)%n",
          s.loans(), 100 * s.defaultRate(), 100 * s.meanTruePd());
      w.printf(Locale.ROOT, "  holdings      %,12d%n", s.holdings());
      w.printf(Locale.ROOT, "  took %.1f s: %,.0f customers/s, %,.0f transactions/s%n",
          s.seconds(), s.customersPerSecond(), s.transactionsPerSecond());
    }
    w.flush();
    return 0;
  }
}
