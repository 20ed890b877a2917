package dev.bankml.models.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ModelBackend} must honour. Each backend module extends this class and
 * returns its backend from {@link #backend()}.
 */
public abstract class BackendContractTest {
  /** The backend under test. */
  protected abstract ModelBackend backend();

  @Test
  void backendDescribesItself() {
    ModelBackend b = backend();
    assertThat(b.name()).isNotBlank();
    assertThat(b.version()).isNotBlank();
    assertThat(b.licence()).isNotBlank();
    assertThat(b.algorithms()).isNotEmpty();
  }
}
