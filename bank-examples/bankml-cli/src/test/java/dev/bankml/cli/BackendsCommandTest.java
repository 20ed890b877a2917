package dev.bankml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsCommandTest {
  @Test
  void listsEveryBackendWithLicencesAndTheirAlgorithms() {
    CliRun r = CliRun.of("backends");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("tribuo").contains("Apache-2.0").contains("smile").contains("GPL-3.0").contains("xgboost")
        .contains("logistic").contains("random-forest").contains("kmeans");
  }

  @Test
  void jsonListsTheSharedAlgorithmNamesPerBackend() throws Exception {
    CliRun r = CliRun.of("backends", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode backends = new ObjectMapper().readTree(r.out()).get("backends");
    assertThat(backends).hasSize(3);
    for (JsonNode b : backends) {
      List<String> names = new ArrayList<>();
      b.get("algorithms").forEach(a -> names.add(a.get("name").asText()));
      if (b.get("name").asText().equals("xgboost")) {
        // the XGBoost backend offers classifiers only, under the names the other backends use, cheapest first
        assertThat(names).containsExactly("logistic", "gradient-boosting", "random-forest");
      } else {
        assertThat(names).as(b.get("name").asText()).contains("logistic", "random-forest", "kmeans");
      }
    }
  }
}
