package dev.bankml.models.xgboost;

import dev.bankml.models.spi.BackendContractTest;
import dev.bankml.models.spi.ModelBackend;

/** The shared backend contract suite, run against the XGBoost backend. */
class XgboostBackendContractTest extends BackendContractTest {
  @Override
  protected ModelBackend backend() {
    return new XgboostBackend();
  }
}
