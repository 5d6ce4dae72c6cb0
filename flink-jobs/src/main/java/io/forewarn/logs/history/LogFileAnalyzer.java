package io.forewarn.logs.history;

import io.forewarn.ingest.DecodeException;
import io.forewarn.ingest.DecoderSettings;
import io.forewarn.ingest.LogDecoder;
import io.forewarn.ingest.LogLevels;
import io.forewarn.logs.template.LogFormat;
import io.forewarn.schema.LogLevel;
import io.forewarn.schema.LogRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Reads log files line by line into a {@link LogHistory}. With a header {@link LogFormat} only the
 * {@code <Content>} part is mined, its {@code Level} field gives the level and its time fields the
 * time ({@link HeaderTimes}). Without one, each line is decoded as the job decodes the logs topic
 * (shippers' JSON or plain lines with the configured pattern, {@link LogDecoder}); a line it cannot
 * decode is mined whole, without a time. The service is the line's own, else the configured one,
 * else the file name without extension.
 */
public final class LogFileAnalyzer {

    private final LogHistory history;
    private final LogFormat format;
    private final DecoderSettings decoderSettings;
    private final String service;
    private final HeaderTimes times = new HeaderTimes(Year.now(ZoneOffset.UTC).getValue());
    private long undecoded;

    /**
     * @param history where lines go
     * @param format the header layout, or null to decode lines as the job does
     * @param decoderSettings how the job decodes log lines (used without a format)
     * @param service the service of lines that name none, or null for the file name
     */
    public LogFileAnalyzer(
            LogHistory history, LogFormat format, DecoderSettings decoderSettings, String service) {
        this.history = history;
        this.format = format;
        this.decoderSettings = decoderSettings;
        this.service = service;
    }

    /** Lines that did not fit the format or could not be decoded (mined whole, no time). */
    public long undecodedLines() {
        return undecoded;
    }

    public void analyze(Path file) throws IOException {
        String fileService = service != null ? service : baseName(file);
        LogDecoder decoder =
                format != null
                        ? null
                        : new LogDecoder(
                                decoderSettings.toBuilder().defaultService(fileService).build());
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                Files.newInputStream(file),
                                StandardCharsets.UTF_8
                                        .newDecoder()
                                        .onMalformedInput(CodingErrorAction.REPLACE)
                                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ":" + number;
                if (format != null) {
                    addFormatted(line, fileService, where);
                } else {
                    addDecoded(decoder, line, fileService, where);
                }
            }
        }
    }

    private void addFormatted(String line, String fileService, String where) {
        LogFormat.ParsedLine parsed = format.parse(line);
        if (!parsed.matched()) {
            undecoded++;
        }
        String level = parsed.fields().get("Level");
        history.add(
                fileService,
                times.parse(parsed.fields()),
                level == null ? LogLevel.UNKNOWN : LogLevels.normalise(level),
                parsed.content(),
                where);
    }

    private void addDecoded(LogDecoder decoder, String line, String fileService, String where) {
        try {
            for (LogRecord record :
                    decoder.decode(line.getBytes(StandardCharsets.UTF_8)).records()) {
                history.add(
                        record.getService(),
                        record.getTimestamp(),
                        record.getLevel(),
                        record.getMessage(),
                        where);
            }
        } catch (DecodeException e) {
            undecoded++;
            history.add(fileService, null, LogLevel.UNKNOWN, line.strip(), where);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
