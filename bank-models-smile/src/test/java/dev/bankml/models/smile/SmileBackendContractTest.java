package dev.bankml.models.smile;

import dev.bankml.models.spi.BackendContractTest;
import dev.bankml.models.spi.ModelBackend;

/** Runs the shared backend contract suite against the Smile backend. */
class SmileBackendContractTest extends BackendContractTest {
  @Override
  protected ModelBackend backend() {
    return new SmileBackend();
  }
}
