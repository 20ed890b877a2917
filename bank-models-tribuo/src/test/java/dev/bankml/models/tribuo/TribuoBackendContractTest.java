package dev.bankml.models.tribuo;

import dev.bankml.models.spi.BackendContractTest;
import dev.bankml.models.spi.ModelBackend;

class TribuoBackendContractTest extends BackendContractTest {
  @Override
  protected ModelBackend backend() {
    return new TribuoBackend();
  }
}
