package io.forewarn.detect;

/**
 * Counts of one slide of one service in {@link ErrorRateDetector}: records, errors, and the last
 * few error messages as evidence. A Flink POJO, serialised without Kryo.
 */
public class ErrorRateBucket {

    /** Log records in the slide. */
    public long total;

    /** Error and fatal records in the slide. */
    public long errors;

    /** The last few error messages of the slide (a ring; null slots unused). */
    public String[] examples;

    /** Next slot of {@link #examples}. */
    public int nextExample;

    public ErrorRateBucket() {}

    static ErrorRateBucket create(int examples) {
        ErrorRateBucket bucket = new ErrorRateBucket();
        bucket.examples = new String[examples];
        return bucket;
    }

    void addError(String message) {
        errors++;
        examples[nextExample] = message;
        nextExample = (nextExample + 1) % examples.length;
    }
}
