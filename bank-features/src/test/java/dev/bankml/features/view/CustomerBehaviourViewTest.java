package dev.bankml.features.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bankml.data.domain.Bank;
import dev.bankml.data.synth.SyntheticBank;
import dev.bankml.features.table.ColumnRole;
import dev.bankml.features.table.Table;
import org.junit.jupiter.api.Test;

class CustomerBehaviourViewTest {
  @Test
  void oneRowPerCustomerWithSharesThatSumToOneAndPersonaIgnored() {
    Bank bank = SyntheticBank.builder().customers(200).seed(3).build().generate();
    Table v = CustomerBehaviourView.of(bank);
    assertThat(v.rows()).isEqualTo(200);
    assertThat(v.role("customer_id")).isEqualTo(ColumnRole.ID);
    assertThat(v.role("persona")).isEqualTo(ColumnRole.IGNORED);
    for (int i = 0; i < v.rows(); i++) {
      if (v.numeric("frequency_365d").get(i) > 0) {
        double channels = 0;
        for (String c : v.columnNames()) {
          if (c.startsWith("channel_")) {
            channels += v.numeric(c).get(i);
          }
        }
        assertThat(channels).isCloseTo(1.0, within(1e-9));
      }
    }
    assertThat(v.numeric("age").sortedPresent()[0]).isGreaterThanOrEqualTo(16);
  }
}
