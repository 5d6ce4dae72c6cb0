package io.forewarn.ingest;

import java.util.List;

/**
 * The typed records decoded from one payload, and how many values were deliberately not turned into
 * records (see {@link MetricDecoder}: NaN/infinite values, points flagged as having no recorded
 * value, Telegraf string fields). Dropped values are counted by {@link IngestDeserializer}, never
 * silently lost.
 *
 * @param records decoded records, possibly none
 * @param valuesDropped values left out on purpose
 */
public record Decoded<T>(List<T> records, int valuesDropped) {

    public Decoded {
        records = List.copyOf(records);
    }

    static <T> Decoded<T> of(T record) {
        return new Decoded<>(List.of(record), 0);
    }
}
