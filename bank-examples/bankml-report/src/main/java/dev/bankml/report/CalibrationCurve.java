package dev.bankml.report;

import dev.bankml.models.metrics.CalibrationTable;
import java.util.List;

/** The calibration (reliability) curve of one calibration table as a chart. */
public final class CalibrationCurve {
  private CalibrationCurve() {}

  /**
   * Observed default rate against mean predicted probability per bin, with the y = x diagonal and
   * the ECE in the title; {@code label} names the curve in the legend (e.g. the model).
   */
  public static ChartImage chart(CalibrationTable table, String label) {
    double[] predicted = table.bins().stream().mapToDouble(CalibrationTable.Bin::meanPredicted).toArray();
    double[] observed = table.bins().stream().mapToDouble(CalibrationTable.Bin::observedRate).toArray();
    String title = "Calibration curve (ECE " + Fmt.num(table.expectedCalibrationError(), 4) + ")";
    return Charts.lines("calibration", title, "mean predicted probability of default", "observed default rate",
        List.of(new Charts.Series(label, predicted, observed)), true);
  }
}
