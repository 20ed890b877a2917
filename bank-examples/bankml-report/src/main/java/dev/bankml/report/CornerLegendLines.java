package dev.bankml.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart whose legend sits in the upper-right corner, for curves that run into the lower
 * right (precision-recall) where {@link Charts#lines}'s legend would hide them.
 */
final class CornerLegendLines {
  private CornerLegendLines() {}

  static ChartImage render(String id, String title, String xLabel, String yLabel, List<Charts.Series> series) {
    XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setLegendBorderColor(java.awt.Color.WHITE);
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    for (Charts.Series s : series) {
      chart.addSeries(s.name(), s.x(), s.y()).setMarker(SeriesMarkers.NONE);
    }
    try {
      return new ChartImage(id, title, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("could not render chart '" + title + "'", e);
    }
  }
}
