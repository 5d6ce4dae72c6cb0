/**
 * The log template stage of the job: every log record is mined for its template, enriched, and
 * turned into template documents, per-template rates and signals. Reference: {@code docs/logs.md}.
 *
 * <p>Wiring: {@link io.forewarn.logs.LogTemplateStage#apply} keys the decoded records by service
 * into {@link io.forewarn.logs.LogTemplateOperator}; its main output is the enriched records, its
 * side outputs ({@link io.forewarn.logs.LogDescriptors}) the signals, the {@code log_template_rate}
 * samples and the template documents.
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li><b>Live models, snapshotted on checkpoints.</b> A service's {@link
 *       io.forewarn.logs.ServiceLogModel} (miner, template statistics, sequences, open rate
 *       intervals) stays deserialised on the heap; the operator writes it to keyed state (one
 *       {@code byte[]} per service, {@link io.forewarn.logs.ServiceLogModelCodec}) in {@code
 *       snapshotState}, only for the services that changed since the last checkpoint. Serialising
 *       the model of a service with a hundred templates takes a few hundred microseconds, mining a
 *       line about one, so the model is not serialised per record. The price is heap: at most
 *       {@code logs.mining.max-live-services} models are live per parallel instance, the least
 *       recently active others wait in state, so the RocksDB backend still bounds memory. A custom
 *       keyed operator (not a {@code KeyedProcessFunction}) is needed to set the current key while
 *       writing other keys' state in {@code snapshotState}.
 *   <li><b>Restore and rescaling.</b> Everything a service needs is in its one keyed value, so
 *       key-group redistribution moves it whole; models load lazily at their service's first record
 *       or timer. Template ids hash the template text, so all instances, before and after a
 *       restart, agree on them. Iteration orders are insertion orders, so a restored stage emits
 *       exactly what an uninterrupted one does (tested).
 *   <li><b>Exits and bounds.</b> One event-time timer per open rate interval and one idle timer per
 *       service; a service silent for {@code logs.state.idle-timeout} loses its state. Templates,
 *       aliases, transitions and hosts are bounded per service, least recently used first out.
 *   <li><b>Throttled documents.</b> A template's document is emitted when an interval closes and
 *       only if the template changed, with its totals, so the index receives at most one write per
 *       template and interval however many lines match.
 *   <li><b>Plain Java core.</b> The miner ({@code io.forewarn.logs.template}) has no dependency
 *       beyond the JDK; the model is plain Java driven by the operator; both are tested without
 *       Flink.
 * </ul>
 */
package io.forewarn.logs;
