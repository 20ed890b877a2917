package dev.bankml.models.calibrate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Sends a manifest map through JSON text and back, as a model bundle does. */
final class CalibrationManifestJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CalibrationManifestJson() {}

  static Map<String, Object> roundTrip(Map<String, Object> manifest) {
    try {
      return JSON.readValue(JSON.writeValueAsString(manifest), new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
