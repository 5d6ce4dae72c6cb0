package io.forewarn.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Lenient numeric reading of JSON values: numbers, and numbers written as strings. */
final class Numbers {

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
            if (value.isTextual()) {
                return new BigDecimal(value.asText().trim()).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }
}
