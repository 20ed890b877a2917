package dev.bankml.data.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON conventions of every bundle entry: snake_case names, sorted map keys and indentation
 * (identical models give identical bytes), {@code NaN} allowed, and on reading: a missing field, a
 * duplicated key, trailing content or deep nesting is an error, never a silent default.
 */
final class BundleJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private BundleJson() {}

  /** A message for a parse failure: where in the document and what, without Jackson's class names. */
  static String describe(JsonProcessingException e) {
    String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? "field " + path(m) + ": " : "";
    String what = e.getOriginalMessage();
    if (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null
        && e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException) {
      what = e.getCause().getMessage();
    }
    what = what == null ? e.getClass().getSimpleName() : what.replaceAll("`[a-z][\\w.$]*\\.(\\w+)`", "$1");
    return cut(where + what, 300);
  }

  private static String path(JsonMappingException m) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.toString();
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
