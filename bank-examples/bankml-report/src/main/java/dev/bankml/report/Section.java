package dev.bankml.report;

import java.util.List;

/**
 * One part of the report page: an anchor id, a heading, its HTML body (everything from the data
 * already escaped) and the ids of the charts it embeds.
 */
record Section(String id, String title, String html, List<String> chartIds) {
  Section {
    chartIds = List.copyOf(chartIds);
  }
}
