package io.forewarn.logs.template;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mines every line of a log file online and writes {@code LineId,EventId,EventTemplate}, one row
 * per input line in order: the Loghub evaluation format, behind {@code forewarn logs parse}.
 *
 * <p>As in Drain-style evaluations, each row carries the template of its line's cluster at the end
 * of the run: the id returned online is mapped through the miner's alias map. Only the part of a
 * line named {@code <Content>} by the {@link LogFormat} is mined.
 */
public final class LogParse {

    private LogParse() {}

    /**
     * What one run produced.
     *
     * @param output the CSV written
     * @param lines lines read (= rows written)
     * @param unmatchedHeaders lines that did not fit the format (mined whole)
     * @param templates live templates at the end of the run
     */
    public record Summary(Path output, int lines, int unmatchedHeaders, int templates) {}

    /** Mines {@code log} line by line and writes the structured CSV to {@code out}. */
    public static Summary run(LogFormat format, Path log, Path out, MinerConfig config)
            throws IOException {
        TemplateMiner miner = new TemplateMiner(config);
        List<String> ids = new ArrayList<>();
        Map<String, String> lastText = new HashMap<>();
        int unmatched = 0;
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                Files.newInputStream(log),
                                StandardCharsets.UTF_8
                                        .newDecoder()
                                        .onMalformedInput(CodingErrorAction.REPLACE)
                                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            while ((line = in.readLine()) != null) {
                LogFormat.ParsedLine parsed = format.parse(line);
                if (!parsed.matched()) {
                    unmatched++;
                }
                MiningResult r = miner.mine(parsed.content());
                ids.add(r.templateId());
                lastText.put(r.templateId(), r.template());
            }
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer w =
                new BufferedWriter(
                        new OutputStreamWriter(
                                Files.newOutputStream(out), StandardCharsets.UTF_8))) {
            w.write("LineId,EventId,EventTemplate\n");
            for (int i = 0; i < ids.size(); i++) {
                String onlineId = ids.get(i);
                String id = miner.resolve(onlineId);
                String text =
                        miner.template(id)
                                .map(TemplateInfo::text)
                                .orElseGet(() -> lastText.getOrDefault(id, lastText.get(onlineId)));
                w.write(Integer.toString(i + 1));
                w.write(',');
                w.write(id);
                w.write(',');
                w.write(csv(text));
                w.write('\n');
            }
        }
        return new Summary(out, ids.size(), unmatched, miner.templateCount());
    }

    /** Quotes a CSV field when needed (RFC 4180). */
    static String csv(String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
