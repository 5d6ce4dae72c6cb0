package io.forewarn.logs;

import io.forewarn.schema.MetricSample;
import io.forewarn.schema.Signal;

/**
 * Where a {@link ServiceLogModel} sends what it finds besides the enriched record: signals, rate
 * samples, template updates, and the event times at which it needs to be woken up.
 */
interface LogModelOutput {

    void signal(Signal signal);

    void rate(MetricSample sample);

    void template(TemplateUpdate update);

    /** Asks for {@link ServiceLogModel#onTimer} once the watermark passes {@code eventTime}. */
    void wakeUpAt(long eventTime);
}
