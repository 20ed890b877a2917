package dev.bankml.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart kinds bankml draws (lines, scatter, bars, heat maps), rendered with XChart to PNG in
 * one consistent style. Used by the HTML report, the segmentation output and the web UI.
 */
public final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final int WIDTH = 640;
  private static final int HEIGHT = 420;

  private Charts() {}

  /** One named line or point series. */
  public record Series(String name, double[] x, double[] y) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values, y " + y.length);
      }
    }
  }

  /** A line chart; {@code diagonal} adds the dashed y = x reference (ROC, calibration). */
  public static ChartImage lines(
      String id, String title, String xLabel, String yLabel, List<Series> series, boolean diagonal) {
    XYChart chart = xy(title, xLabel, yLabel);
    for (Series s : series) {
      XYSeries line = chart.addSeries(s.name(), s.x(), s.y());
      line.setMarker(SeriesMarkers.NONE);
    }
    if (diagonal) {
      XYSeries ref = chart.addSeries("reference", new double[] {0, 1}, new double[] {0, 1});
      ref.setMarker(SeriesMarkers.NONE);
      ref.setLineColor(Color.GRAY);
      ref.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
          java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return render(id, title, chart);
  }

  /** A line chart with point markers (elbow and silhouette curves). */
  public static ChartImage linesWithMarkers(String id, String title, String xLabel, String yLabel, List<Series> series) {
    XYChart chart = xy(title, xLabel, yLabel);
    for (Series s : series) {
      chart.addSeries(s.name(), s.x(), s.y()).setMarker(SeriesMarkers.CIRCLE);
    }
    return render(id, title, chart);
  }

  /** A scatter plot, one colour per series (e.g. per segment). */
  public static ChartImage scatter(String id, String title, String xLabel, String yLabel, List<Series> series) {
    XYChart chart = xy(title, xLabel, yLabel);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(4);
    for (Series s : series) {
      chart.addSeries(s.name(), s.x(), s.y());
    }
    return render(id, title, chart);
  }

  /** A bar chart of one or more series over the same categories. */
  public static ChartImage bars(
      String id, String title, String xLabel, String yLabel, List<String> categories, List<String> seriesNames,
      List<double[]> values) {
    CategoryChart chart =
        new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(seriesNames.size() > 1);
    chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 45 : 0);
    chart.getStyler().setOverlapped(seriesNames.size() > 1 && title.toLowerCase().contains("distribution"));
    for (int s = 0; s < seriesNames.size(); s++) {
      List<Number> ys = new ArrayList<>();
      for (double v : values.get(s)) {
        ys.add(v);
      }
      chart.addSeries(seriesNames.get(s), categories, ys);
    }
    return render(id, title, chart);
  }

  /** A horizontal-looking ranking as a bar chart of one series (feature importance, contributions). */
  public static ChartImage ranking(String id, String title, String valueLabel, List<String> names, double[] values) {
    return bars(id, title, "", valueLabel, names, List.of(valueLabel), List.of(values));
  }

  /**
   * A heat map: {@code values[row][col]} coloured on a diverging scale, rows and columns labelled
   * (correlations, segment profiles, missing-value maps); row 0 is drawn on top, column 0 on the left.
   */
  public static ChartImage heatMap(
      String id, String title, List<String> columns, List<String> rows, double[][] values, double min, double max) {
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH + 120).height(HEIGHT + 80).title(title).build();
    style(chart.getStyler());
    chart.getStyler().setShowValue(columns.size() <= 10 && columns.size() * rows.size() <= 120); // wider maps: colour only, values would overlap
    chart.getStyler().setMin(min);
    chart.getStyler().setMax(max);
    chart.getStyler().setRangeColors(new Color[] {
      new Color(0x2166ac), new Color(0xf7f7f7), new Color(0xb2182b)
    });
    chart.getStyler().setXAxisLabelRotation(columns.size() > 5 ? 45 : 0);
    // XChart puts y index 0 at the bottom; list the rows reversed so row 0 is drawn on top
    List<String> yLabels = new ArrayList<>(rows);
    java.util.Collections.reverse(yLabels);
    int last = rows.size() - 1;
    List<Number[]> heat = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        heat.add(new Number[] {c, last - r, round(values[r][c])});
      }
    }
    chart.addSeries(title, columns, yLabels, heat);
    return render(id, title, chart);
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 100.0) / 100.0 : 0.0;
  }

  private static XYChart xy(String title, String xLabel, String yLabel) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    return chart;
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setChartTitleBoxVisible(false);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
  }

  private static ChartImage render(String id, String title, Chart<?, ?> chart) {
    try {
      return new ChartImage(id, title, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("could not render chart '" + title + "'", e);
    }
  }
}
