package io.forewarn.eval;

import io.forewarn.simulator.GroundTruth;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws an incident's timeline as a PNG: its key metric around the incident (an hour before the
 * onset to 40 minutes after the failure), the precursor onset and the failure as vertical lines,
 * and the predictions on its service as thinner lines coloured by how they scored.
 */
public final class TimelineChart {

    private static final long BEFORE = Duration.ofMinutes(60).toMillis();
    private static final long AFTER = Duration.ofMinutes(40).toMillis();
    private static final Map<ChartMarker.Kind, Color> COLORS =
            new EnumMap<>(ChartMarker.Kind.class);

    static {
        COLORS.put(ChartMarker.Kind.DETECTION, new Color(0, 140, 60));
        COLORS.put(ChartMarker.Kind.PRIMARY, new Color(120, 200, 120));
        COLORS.put(ChartMarker.Kind.CONSEQUENCE, new Color(70, 120, 220));
        COLORS.put(ChartMarker.Kind.FALSE, new Color(240, 140, 0));
    }

    private TimelineChart() {}

    /** Writes the chart of one incident to {@code file}. */
    public static void write(
            Path file,
            GroundTruth truth,
            Scorecard.IncidentResult result,
            Map<String, List<KeyMetricRecorder.Point>> series,
            List<ChartMarker> markers)
            throws IOException {
        long from = truth.precursorOnset() - BEFORE;
        long to = truth.failureTime() + AFTER;
        XYSeriesCollection data = new XYSeriesCollection();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<KeyMetricRecorder.Point>> entry : series.entrySet()) {
            XYSeries xy = new XYSeries(entry.getKey(), false, true);
            for (KeyMetricRecorder.Point p : entry.getValue()) {
                if (p.time() >= from && p.time() <= to) {
                    xy.add(p.time(), p.value());
                    min = Math.min(min, p.value());
                    max = Math.max(max, p.value());
                }
            }
            data.addSeries(xy);
        }
        DateAxis time = new DateAxis("time (UTC)");
        SimpleDateFormat format = new SimpleDateFormat("HH:mm", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setRange(from, to);
        ValueAxis values;
        if (min > 0 && max / min > 1000) {
            LogAxis log = new LogAxis(truth.keyMetric() + " (log scale)");
            log.setSmallestValue(min / 2);
            values = log;
        } else {
            NumberAxis linear = new NumberAxis(truth.keyMetric());
            linear.setAutoRangeIncludesZero(false);
            values = linear;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, time, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addDomainMarker(
                line(
                        truth.precursorOnset(),
                        Color.GRAY,
                        2f,
                        "precursor onset",
                        RectangleAnchor.BOTTOM_LEFT));
        plot.addDomainMarker(
                line(truth.failureTime(), Color.RED, 2f, "failure", RectangleAnchor.TOP_RIGHT));
        for (ChartMarker marker : markers) {
            if (marker.time() < from || marker.time() > to) {
                continue;
            }
            boolean detection = marker.kind() == ChartMarker.Kind.DETECTION;
            plot.addDomainMarker(
                    line(
                            marker.time(),
                            COLORS.get(marker.kind()),
                            detection ? 2f : 1f,
                            detection ? marker.label() : null,
                            RectangleAnchor.TOP_LEFT));
        }
        LegendItemCollection legend = plot.getLegendItems();
        legend.add(new LegendItem("precursor onset", Color.GRAY));
        legend.add(new LegendItem("failure", Color.RED));
        legend.add(
                new LegendItem(
                        "first detecting prediction", COLORS.get(ChartMarker.Kind.DETECTION)));
        legend.add(new LegendItem("prediction of its type", COLORS.get(ChartMarker.Kind.PRIMARY)));
        legend.add(
                new LegendItem(
                        "prediction of a consequence", COLORS.get(ChartMarker.Kind.CONSEQUENCE)));
        legend.add(new LegendItem("false prediction", COLORS.get(ChartMarker.Kind.FALSE)));
        plot.setFixedLegendItems(legend);

        String entity =
                truth.host() == null ? truth.service() : truth.service() + "/" + truth.host();
        JFreeChart chart =
                new JFreeChart(
                        truth.scenario() + " on " + entity + " (" + truth.failureType() + ")",
                        JFreeChart.DEFAULT_TITLE_FONT,
                        plot,
                        true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(
                new TextTitle(subtitle(result), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 520);
    }

    private static String subtitle(Scorecard.IncidentResult result) {
        String detection =
                result.detected()
                        ? String.format(
                                Locale.ROOT,
                                "detected %.1f min before the failure",
                                result.leadTimeMinutes())
                        : "not detected before the failure";
        return String.format(
                Locale.ROOT,
                "%s; %d prediction(s) of its type, %d of consequences, %d false on the service",
                detection,
                result.primaryPredictions(),
                result.consequencePredictions(),
                result.falsePredictions());
    }

    private static ValueMarker line(
            long time, Color color, float width, String label, RectangleAnchor anchor) {
        ValueMarker marker = new ValueMarker(time, color, new BasicStroke(width));
        if (label != null) {
            marker.setLabel(label);
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelAnchor(anchor);
            marker.setLabelTextAnchor(
                    anchor == RectangleAnchor.BOTTOM_LEFT
                            ? TextAnchor.BOTTOM_RIGHT
                            : anchor == RectangleAnchor.TOP_RIGHT
                                    ? TextAnchor.TOP_LEFT
                                    : TextAnchor.TOP_RIGHT);
        }
        return marker;
    }
}
