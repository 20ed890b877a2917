package dev.bankml.data.synth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bankml.data.BankmlException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyntheticBankBuilderTest {
  @Test
  void badSettingsAreTypedErrorsSayingWhatIsValid() {
    assertThatThrownBy(() -> SyntheticBank.builder().customers(0)).isInstanceOf(BankmlException.class)
        .hasMessageContaining("between 1 and");
    assertThatThrownBy(() -> SyntheticBank.builder().defaultRate(1.5)).isInstanceOf(BankmlException.class);
    assertThatThrownBy(() -> SyntheticBank.builder().missingRate(-0.1)).hasMessageContaining("missing rate");
    assertThatThrownBy(() -> SyntheticBank.builder().dateRange(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 1, 1)))
        .hasMessageContaining("start before end");
  }
}
