package dev.bankml.models.fake;

import dev.bankml.models.spi.BackendContractTest;
import dev.bankml.models.spi.ModelBackend;

/** The contract suite run against the test-only backend, so the suite itself is known to pass a correct backend. */
class FakeBackendContractTest extends BackendContractTest {
  @Override
  protected ModelBackend backend() {
    return new FakeBackend();
  }
}
