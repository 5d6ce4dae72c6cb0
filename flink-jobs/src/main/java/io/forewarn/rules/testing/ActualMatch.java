package io.forewarn.rules.testing;

import io.forewarn.schema.Signal;
import java.util.List;

/**
 * A match a test case produced.
 *
 * @param at time of the match relative to the test epoch, milliseconds
 * @param evidence matched records as {@code step@time}, in pattern order then time order
 * @param signal the Signal the match becomes
 */
public record ActualMatch(long at, List<String> evidence, Signal signal) {}
