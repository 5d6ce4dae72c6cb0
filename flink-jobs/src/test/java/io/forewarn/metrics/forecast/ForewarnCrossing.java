package io.forewarn.metrics.forecast;

/** {@link CapacityForecaster} as a {@link CrossingMethod}: a crossing when one half is likely. */
public final class ForewarnCrossing implements CrossingMethod {

    private final CapacityForecaster forecaster;
    private Outlook last;

    public ForewarnCrossing(ForecastConfig config, Threshold threshold) {
        this.forecaster = new CapacityForecaster(config, threshold);
    }

    @Override
    public String name() {
        return "forewarn trend+season";
    }

    @Override
    public void add(long timestampMillis, double value) {
        Outlook outlook = forecaster.update(timestampMillis, value);
        if (outlook != null) {
            last = outlook;
        }
    }

    @Override
    public long crossing(long now) {
        if (last == null || last.breach() == null) {
            return -1;
        }
        return last.breach().expectedAt();
    }

    @Override
    public long[] interval() {
        return last == null || last.breach() == null
                ? null
                : new long[] {last.breach().earliestAt(), last.breach().latestAt()};
    }
}
