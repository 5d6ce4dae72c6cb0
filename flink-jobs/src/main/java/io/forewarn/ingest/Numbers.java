package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Lenient numeric reading of JSON values: numbers, and numbers written as strings.
 *
 * <p>Numeric strings longer than {@link #MAX_NUMBER_CHARS} are not numbers: Jackson bounds the
 * length of JSON numbers, but not of strings, and parsing a string of a million digits takes
 * seconds.
 */
final class Numbers {

    /** Longest numeric string read; far longer than any double or int64 needs. */
    static final int MAX_NUMBER_CHARS = 64;

    private Numbers() {}

    /**
     * The value as a double: a JSON number, or a string holding a decimal number, {@code NaN},
     * {@code Inf}/{@code +Inf}/{@code Infinity} or {@code -Inf}/{@code -Infinity} (Prometheus and
     * protobuf-JSON spellings). {@code null} when it is neither.
     */
    static Double toDouble(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().trim();
        if (text.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Inf":
            case "+Inf":
            case "Infinity":
            case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return new BigDecimal(text).doubleValue();
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }

    /**
     * The value as a long: an integral JSON number (or a number with no fractional part), or a
     * string of an integer (OTLP int64). {@code null} when it is neither or does not fit.
     */
    static Long toLong(JsonNode value) {
        try {
            if (value.isIntegralNumber()) {
                return value.canConvertToLong() ? value.longValue() : null;
            }
            if (value.isNumber()) {
                return new BigDecimal(value.asText()).longValueExact();
            }
            if (value.isTextual() && value.asText().trim().length() <= MAX_NUMBER_CHARS) {
                return new BigDecimal(value.asText().trim()).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }
}
