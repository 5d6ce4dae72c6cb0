package io.forewarn.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.forewarn.cli.ForewarnCli;
import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.SeriesModel;
import io.forewarn.metrics.anomaly.DetectorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabEvaluationTest {

    /** 600 rows, every timestamp twice, a spike at row 500, then a value that is no number. */
    private static List<String> series() {
        List<String> rows = new ArrayList<>();
        rows.add("timestamp,value");
        for (int i = 0; i < 600; i++) {
            int minute = i / 2;
            rows.add(
                    String.format(
                            "2015-02-26 %02d:%02d:53,%d",
                            minute / 60 % 24, minute % 60, i == 500 ? 90 : i % 10));
        }
        rows.add("2015-02-27 00:00:00,not-a-number");
        return rows;
    }

    @Test
    void writesOneCausalRowPerInputRowInInputOrder(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("realThings"));
        List<String> input = series();
        Files.write(data.resolve("realThings/series_a.csv"), input);
        ModelSpec spec = ModelSpec.anomalyOnly(DetectorConfig.defaults());

        NabEvaluation.Summary summary = NabEvaluation.run(data, tmp.resolve("out"), spec, 2);

        assertThat(summary).isEqualTo(new NabEvaluation.Summary(1, input.size() - 1));
        List<String> output =
                Files.readAllLines(tmp.resolve("out/forewarn/realThings/forewarn_series_a.csv"));
        assertThat(output).hasSize(input.size());
        assertThat(output.get(0)).isEqualTo("timestamp,value,anomaly_score");
        SeriesModel same = SeriesModel.create(spec);
        for (int i = 1; i < input.size(); i++) {
            String[] cells = output.get(i).split(",");
            assertThat(cells[0] + "," + cells[1]).isEqualTo(input.get(i));
            String[] in = input.get(i).split(",");
            double value = in[1].equals("not-a-number") ? Double.NaN : Double.parseDouble(in[1]);
            double expected =
                    same.update(NabEvaluation.epochMillis(in[0]), value).anomaly().anomalyScore();
            assertThat(Double.parseDouble(cells[2])).as("row %d", i).isEqualTo(expected);
        }
        assertThat(output.get(501).split(",")[2]).isNotEqualTo("0.0");
    }

    @Test
    void theCommandLineRunsItWithTheJobsDetectorSettings(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("artificial"));
        Files.write(data.resolve("artificial/flat.csv"), series());

        int exit =
                ForewarnCli.execute(
                        "eval",
                        "nab",
                        "--data",
                        data.toString(),
                        "--out",
                        tmp.resolve("out").toString(),
                        "-Dmetrics.anomaly.detector=warmupPoints:100");

        assertThat(exit).isZero();
        List<String> output =
                Files.readAllLines(tmp.resolve("out/forewarn/artificial/forewarn_flat.csv"));
        SeriesModel same =
                SeriesModel.create(
                        ModelSpec.anomalyOnly(
                                DetectorConfig.defaults().toBuilder().warmupPoints(100).build()));
        List<String> input = series();
        for (int i = 1; i < input.size(); i++) {
            String[] in = input.get(i).split(",");
            double value = in[1].equals("not-a-number") ? Double.NaN : Double.parseDouble(in[1]);
            assertThat(Double.parseDouble(output.get(i).split(",")[2]))
                    .isEqualTo(
                            same.update(NabEvaluation.epochMillis(in[0]), value)
                                    .anomaly()
                                    .anomalyScore());
        }
        assertThat(
                        ForewarnCli.execute(
                                "eval",
                                "nab",
                                "--data",
                                tmp.resolve("none").toString(),
                                "--out",
                                tmp.toString()))
                .isEqualTo(2);
    }

    @Test
    void parsesNabTimestampsAsUtc() {
        assertThat(NabEvaluation.epochMillis("1970-01-01 00:00:01")).isEqualTo(1000L);
        assertThat(NabEvaluation.epochMillis("2015-02-26 21:42:53"))
                .isEqualTo(NabEvaluation.epochMillis("2015-02-26 21:42:53.000000"));
    }
}
