package io.forewarn.metrics.eval;

import io.forewarn.metrics.ModelSpec;
import io.forewarn.metrics.SeriesModel;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs the job's per-series model ({@link SeriesModel}, the same class and settings the Flink
 * operator runs) over every series of a NAB-layout folder and writes NAB result files.
 *
 * <p>Reads every {@code DATA/<category>/<file>.csv} (header, then {@code timestamp,value} rows,
 * timestamps like {@code 2015-02-26 21:42:53} taken as UTC) and writes {@code
 * OUT/forewarn/<category>/forewarn_<file>.csv} with {@code timestamp,value,anomaly_score}: one row
 * per input row, in input order (repeated timestamps included), each scored before any later row is
 * seen. A value that is not a number is scored 0 and does not touch the model. No labels are read;
 * every file gets a fresh model with the same settings.
 */
public final class NabEvaluation {

    /** Detector name in NAB's results layout. */
    public static final String DETECTOR = "forewarn";

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .appendPattern("yyyy-MM-dd HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .toFormatter();

    private NabEvaluation() {}

    /** What one run did. */
    public record Summary(int files, long rows) {}

    /**
     * Scores every series under {@code data} into {@code out} with {@code threads} files in
     * parallel.
     */
    public static Summary run(Path data, Path out, ModelSpec spec, int threads)
            throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .csv files under " + data);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (Path file : files) {
                Path relative = data.relativize(file);
                Path category = relative.getParent() == null ? Path.of("") : relative.getParent();
                Path target =
                        out.resolve(DETECTOR)
                                .resolve(category)
                                .resolve(DETECTOR + "_" + file.getFileName());
                jobs.add(pool.submit(() -> scoreFile(file, target, spec)));
            }
            long rows = 0;
            for (Future<Integer> job : jobs) {
                rows += job.get();
            }
            return new Summary(files.size(), rows);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("scoring failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Scores one file; returns its number of rows. */
    static int scoreFile(Path input, Path output, ModelSpec spec) {
        SeriesModel model = SeriesModel.create(spec);
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            Files.createDirectories(output.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                w.write("timestamp,value,anomaly_score\n");
                in.readLine();
                int rows = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int comma = line.indexOf(',');
                    if (comma < 0) {
                        throw new IllegalArgumentException(
                                input + ": row " + (rows + 1) + " is not timestamp,value");
                    }
                    String stamp = line.substring(0, comma).trim();
                    String value = line.substring(comma + 1).trim();
                    var anomaly = model.update(epochMillis(stamp), parse(value)).anomaly();
                    double score = anomaly == null ? 0 : anomaly.anomalyScore();
                    w.write(stamp + "," + value + "," + score + "\n");
                    rows++;
                }
                return rows;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot score " + input, e);
        }
    }

    /** A NAB timestamp (UTC) as epoch milliseconds. */
    static long epochMillis(String stamp) {
        return LocalDateTime.parse(stamp, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
